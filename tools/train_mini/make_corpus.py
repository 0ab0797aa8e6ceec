#!/usr/bin/env python3
"""Builds the training text of BertLens Mini from Debian packages (standard library only):

- English: the glosses and example sentences of WordNet 3.0 (package wordnet-base,
  /usr/share/wordnet/data.*; WordNet 3.0 licence: use, copy, modify and distribute for any
  purpose, with Princeton's copyright notice).
- Chinese: the Simplified Chinese manual pages (package manpages-zh, /usr/share/man/zh_CN;
  GFDL-1.2+), with the groff markup stripped.

    python3 tools/train_mini/make_corpus.py OUT_DIR

writes OUT_DIR/train.txt and OUT_DIR/heldout.txt (every 50th line), one text per line.
"""

import gzip
import os
import re
import sys

WORDNET = "/usr/share/wordnet"
MAN_ZH = "/usr/share/man/zh_CN"
CJK = re.compile(r"[\u4e00-\u9fff]")


def wordnet_lines():
    for part in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(WORDNET, "data." + part), encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("  ") or "|" not in line:
                    continue  # licence header
                fields, gloss = line.split("|", 1)
                words = fields.split()
                head = words[4].replace("_", " ")
                pieces = [p.strip() for p in gloss.strip().split(";") if p.strip()]
                definitions = [p for p in pieces if not p.startswith('"')]
                examples = [p.strip('"').strip() for p in pieces if p.startswith('"')]
                if definitions:
                    yield f"{head} : {'; '.join(definitions)}"
                for e in examples:
                    if len(e.split()) >= 3:
                        yield e


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


def man_lines():
    for root, _, files in sorted(os.walk(MAN_ZH)):
        for name in sorted(files):
            if not name.endswith(".gz"):
                continue
            try:
                with gzip.open(os.path.join(root, name), "rt", encoding="utf-8", errors="replace") as f:
                    text = f.read()
            except (OSError, EOFError):
                continue
            for line in text.split("\n"):
                if not line or line.startswith((".", "'")):
                    continue
                for pattern, repl in GROFF_ESCAPES:
                    line = pattern.sub(repl, line)
                line = " ".join(line.split())
                if len(line) >= 8 and len(CJK.findall(line)) >= 4:
                    yield line


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    counts = {"train": 0, "heldout": 0}
    with open(os.path.join(out, "train.txt"), "w", encoding="utf-8") as train, \
            open(os.path.join(out, "heldout.txt"), "w", encoding="utf-8") as heldout:
        n = 0
        seen = {}
        for source in (wordnet_lines(), man_lines()):
            for line in source:
                seen[line] = seen.get(line, 0) + 1
                if seen[line] > 2:
                    continue  # boilerplate repeated across manual pages
                n += 1
                target, key = (heldout, "heldout") if n % 50 == 0 else (train, "train")
                target.write(line + "\n")
                counts[key] += 1
    print(counts)


if __name__ == "__main__":
    main()
