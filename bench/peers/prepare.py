"""Writes the corpus benchmark's inputs, the same for BertLens and every peer:
  DIR/model/   a bert-base-shaped BERT (12 layers, H 768, 12 heads, FFN 3072) with random weights
               (BERT's initialisation, seed 1) and the real bert-base-uncased vocabulary
  DIR/corpus.txt  1,024 sentences of mixed length: whole words of that vocabulary, lengths drawn
               log-normally (median about 25 tokens, a tail past 160), seed 2
Nothing is downloaded: the vocabulary comes from ../shared/vocab (or --vocab).
Usage: /usr/bin/python3 bench/peers/prepare.py DIR [--vocab PATH] [--sentences N]"""
import argparse, json, math, os, random, shutil, struct

import torch

CONFIG = dict(model_type="bert", vocab_size=30522, hidden_size=768, num_hidden_layers=12, num_attention_heads=12,
              intermediate_size=3072, hidden_act="gelu", max_position_embeddings=512, type_vocab_size=2,
              layer_norm_eps=1e-12, pad_token_id=0)


def write_safetensors(path, tensors):
    header, offset, blobs = {}, 0, []
    for name, t in tensors.items():
        data = t.contiguous().numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    raw = json.dumps(header).encode()
    raw += b" " * (-len(raw) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)) + raw)
        for b in blobs:
            f.write(b)


def random_weights(c):
    g = torch.Generator().manual_seed(1)
    h, f = c["hidden_size"], c["intermediate_size"]
    w = {}
    def normal(*shape):
        return torch.randn(*shape, generator=g) * 0.02
    def linear(name, out, inp):
        w[name + ".weight"], w[name + ".bias"] = normal(out, inp), torch.zeros(out)
    def norm(name):
        w[name + ".weight"], w[name + ".bias"] = torch.ones(h), torch.zeros(h)
    w["embeddings.word_embeddings.weight"] = normal(c["vocab_size"], h)
    w["embeddings.position_embeddings.weight"] = normal(c["max_position_embeddings"], h)
    w["embeddings.token_type_embeddings.weight"] = normal(c["type_vocab_size"], h)
    norm("embeddings.LayerNorm")
    for i in range(c["num_hidden_layers"]):
        s = f"encoder.layer.{i}."
        for part in ("query", "key", "value"):
            linear(s + "attention.self." + part, h, h)
        linear(s + "attention.output.dense", h, h)
        norm(s + "attention.output.LayerNorm")
        linear(s + "intermediate.dense", f, h)
        linear(s + "output.dense", h, f)
        norm(s + "output.LayerNorm")
    return w


def corpus(vocab, n):
    rng = random.Random(2)
    words = [v for v in vocab if v.isalpha() and v.isascii() and len(v) > 1]
    lines = []
    for _ in range(n):
        # Log-normal word counts: median 20 words (about 25 tokens with [CLS], [SEP] and punctuation).
        count = max(1, min(400, int(rng.lognormvariate(math.log(20), 0.7))))
        text = " ".join(rng.choice(words) for _ in range(count))
        lines.append(text[0].upper() + text[1:] + ".")
    return lines


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--vocab", default=os.path.join(here, "../../../shared/vocab/bert-base-uncased/vocab.txt"))
    p.add_argument("--sentences", type=int, default=1024)
    a = p.parse_args()
    model = os.path.join(a.dir, "model")
    os.makedirs(model, exist_ok=True)
    shutil.copy(a.vocab, os.path.join(model, "vocab.txt"))
    with open(os.path.join(model, "config.json"), "w") as f:
        json.dump(CONFIG, f, indent=2)
    write_safetensors(os.path.join(model, "model.safetensors"), random_weights(CONFIG))
    with open(a.vocab, encoding="utf-8") as f:
        vocab = [line.strip() for line in f.read().split("\n")]
    with open(os.path.join(a.dir, "corpus.txt"), "w") as f:
        f.write("\n".join(corpus(vocab, a.sentences)) + "\n")


if __name__ == "__main__":
    main()
