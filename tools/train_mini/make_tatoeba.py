#!/usr/bin/env python3
"""Splits the Tatoeba corpus of ../shared/corpora/tatoeba into training and held-out text for
BertLens Mini 3 (standard library plus Debian's `opencc` command). Nothing it writes is committed.

    python3 tools/train_mini/make_tatoeba.py TATOEBA_DIR OUT_DIR --exclude everyday_zh.txt [--exclude ...]

Every sentence is converted to simplified characters (opencc t2s: the model's 3,500-character list
is simplified, and so are the classrooms it is for) and reduced to a key: lower-cased, without
punctuation or spaces. A key is held out when its SHA-1 is 0 mod 25, so near-duplicates (other
punctuation, traditional characters) always fall on the same side. The key of every --exclude line
(the everyday evaluation sentences) is never trained on.

Pairs (English, Chinese) are held out when their Chinese key is; a training pair also may not share
its English with a held-out pair, so held-out pairs are unseen on both sides.

OUT_DIR gets zh_train.txt, zh_heldout.txt, pairs_train.tsv, pairs_heldout.tsv (ENGLISH<TAB>CHINESE),
en_heldout.txt (the English of the held-out pairs), ids_train.txt (the Tatoeba sentence ids whose text
is trained on, as the licence's credit asks) and stats.json.
"""

import argparse
import hashlib
import json
import os
import re
import subprocess
import unicodedata


def simplified(lines):
    """opencc t2s over many lines at once; one line out per line in."""
    out = subprocess.run(["opencc", "-c", "t2s.json"], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=True).stdout.split("\n")
    if len(out) < len(lines):
        raise SystemExit("opencc returned fewer lines than it was given")
    return out[:len(lines)]


def key(text):
    return "".join(c for c in text.lower() if not unicodedata.category(c)[0] in "PZSC")


def held(k):
    return int(hashlib.sha1(k.encode()).hexdigest(), 16) % 25 == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tatoeba")
    parser.add_argument("out")
    parser.add_argument("--exclude", action="append", default=[], help="sentences never to train on")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    excluded = set()
    for path in args.exclude:
        with open(path, encoding="utf-8") as f:
            excluded.update(key(l) for l in simplified([l.strip() for l in f]) if l.strip())

    with open(os.path.join(args.tatoeba, "cmn_sentences.tsv"), encoding="utf-8-sig") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if l.count("\t") >= 2]
    ids = [r[0] for r in rows]
    texts = simplified([" ".join(r[2].split()) for r in rows])

    with open(os.path.join(args.tatoeba, "cmn-eng.txt"), encoding="utf-8-sig") as f:
        pairs = [l.rstrip("\n").split("\t") for l in f if l.count("\t") >= 2]
    pair_zh = simplified([" ".join(p[1].split()) for p in pairs])
    pair_en = [" ".join(p[0].split()) for p in pairs]

    stats = {"excluded_everyday": 0}
    seen = set()
    zh_train, zh_heldout, train_ids = [], [], []
    for sid, text in zip(ids, texts):
        k = key(text)
        if not k or k in seen:
            continue
        seen.add(k)
        if k in excluded:
            stats["excluded_everyday"] += 1
        elif held(k):
            zh_heldout.append(text)
        else:
            zh_train.append(text)
            train_ids.append(sid)

    held_pairs, held_en = [], set()
    for en, zh in zip(pair_en, pair_zh):
        if held(key(zh)) or key(zh) in excluded:
            if held(key(zh)):
                held_pairs.append((en, zh))
            held_en.add(key(en))
    train_pairs, pair_seen = [], set()
    for en, zh in zip(pair_en, pair_zh):
        k = (key(en), key(zh))
        if held(k[1]) or k[1] in excluded or k[0] in held_en or k in pair_seen:
            continue
        pair_seen.add(k)
        train_pairs.append((en, zh))
    # A Chinese sentence of a training pair is trained on: it must not be in zh_heldout (it is not,
    # since both use the same key), and its text joins zh_train when cmn_sentences lacks it.
    train_keys = {key(t) for t in zh_train}
    for en, zh in train_pairs:
        if key(zh) not in train_keys:
            train_keys.add(key(zh))
            zh_train.append(zh)

    def write(name, lines):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.writelines(l + "\n" for l in lines)
        stats[name] = len(lines)

    write("zh_train.txt", zh_train)
    write("zh_heldout.txt", zh_heldout)
    write("pairs_train.tsv", [f"{en}\t{zh}" for en, zh in train_pairs])
    write("pairs_heldout.tsv", [f"{en}\t{zh}" for en, zh in held_pairs])
    write("en_heldout.txt", sorted({en for en, _ in held_pairs}))
    write("ids_train.txt", train_ids)
    stats["characters_zh_train"] = sum(len(t) for t in zh_train)
    with open(os.path.join(args.out, "stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, indent=1)
    print(json.dumps(stats, indent=1))


if __name__ == "__main__":
    main()
