"""BERT as HuggingFace's BertModel computes it, written with torch.nn the way transformers'
modeling_bert.py is (nn.Linear, nn.LayerNorm, softmax over scores/sqrt(d) + additive mask), for the
PyTorch-eager peer and the ONNX export. Weights are read from the benchmark's model.safetensors."""
import json, math, struct

import torch
from torch import nn


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        out[name] = torch.frombuffer(bytearray(data[begin:end]), dtype=torch.float32).reshape(info["shape"])
    return out


class Layer(nn.Module):
    def __init__(self, c):
        super().__init__()
        h, f = c["hidden_size"], c["intermediate_size"]
        self.heads = c["num_attention_heads"]
        self.query, self.key, self.value = nn.Linear(h, h), nn.Linear(h, h), nn.Linear(h, h)
        self.attention_output, self.attention_norm = nn.Linear(h, h), nn.LayerNorm(h, eps=c["layer_norm_eps"])
        self.intermediate, self.output = nn.Linear(h, f), nn.Linear(f, h)
        self.output_norm = nn.LayerNorm(h, eps=c["layer_norm_eps"])

    def forward(self, x, mask_bias):
        b, t, h = x.shape
        d = h // self.heads
        def split(z):
            return z.view(b, t, self.heads, d).permute(0, 2, 1, 3)
        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(d) + mask_bias
        probs = torch.softmax(scores, -1)
        context = torch.matmul(probs, v).permute(0, 2, 1, 3).reshape(b, t, h)
        attended = self.attention_norm(self.attention_output(context) + x)
        inner = nn.functional.gelu(self.intermediate(attended))
        return self.output_norm(self.output(inner) + attended), probs


class Bert(nn.Module):
    """input_ids, attention_mask [B, T] -> mean-pooled last hidden state [B, H]; with
    everything=True, every hidden state and every attention map instead (the window's forward)."""

    def __init__(self, c, everything=False):
        super().__init__()
        self.everything = everything
        h = c["hidden_size"]
        self.words = nn.Embedding(c["vocab_size"], h)
        self.positions = nn.Embedding(c["max_position_embeddings"], h)
        self.types = nn.Embedding(c["type_vocab_size"], h)
        self.norm = nn.LayerNorm(h, eps=c["layer_norm_eps"])
        self.layers = nn.ModuleList(Layer(c) for _ in range(c["num_hidden_layers"]))

    def forward(self, input_ids, attention_mask):
        t = input_ids.shape[1]
        positions = torch.arange(t).unsqueeze(0)
        x = self.words(input_ids) + self.types(torch.zeros_like(input_ids)) + self.positions(positions)
        x = self.norm(x)
        mask = attention_mask.to(torch.float32)
        bias = ((1.0 - mask) * torch.finfo(torch.float32).min)[:, None, None, :]
        hidden, attentions = [x], []
        for layer in self.layers:
            x, probs = layer(x, bias)
            hidden.append(x)
            attentions.append(probs)
        if self.everything:
            return torch.stack(hidden), torch.stack(attentions)
        return (x * mask.unsqueeze(-1)).sum(1) / mask.sum(1, keepdim=True)

    def load(self, w):
        with torch.no_grad():
            self.words.weight.copy_(w["embeddings.word_embeddings.weight"])
            self.positions.weight.copy_(w["embeddings.position_embeddings.weight"])
            self.types.weight.copy_(w["embeddings.token_type_embeddings.weight"])
            self.norm.weight.copy_(w["embeddings.LayerNorm.weight"]); self.norm.bias.copy_(w["embeddings.LayerNorm.bias"])
            for i, layer in enumerate(self.layers):
                s = f"encoder.layer.{i}."
                pairs = [(layer.query, "attention.self.query"), (layer.key, "attention.self.key"),
                         (layer.value, "attention.self.value"), (layer.attention_output, "attention.output.dense"),
                         (layer.attention_norm, "attention.output.LayerNorm"), (layer.intermediate, "intermediate.dense"),
                         (layer.output, "output.dense"), (layer.output_norm, "output.LayerNorm")]
                for module, name in pairs:
                    module.weight.copy_(w[s + name + ".weight"]); module.bias.copy_(w[s + name + ".bias"])
        return self.eval()


def load_model(folder, everything=False):
    with open(folder + "/config.json") as f:
        c = json.load(f)
    return Bert(c, everything).load(read_safetensors(folder + "/model.safetensors"))


def read_ids(path):
    """bertlens-cli tokenize's JSON lines -> lists of ids."""
    with open(path) as f:
        return [json.loads(line)["ids"] for line in f if line.strip()]


def sorted_batches(ids, size=32):
    """The peers' scheduling, as the issue measured them: sorted by length, batches of 32."""
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    for start in range(0, len(order), size):
        chunk = order[start:start + size]
        t = max(len(ids[i]) for i in chunk)
        input_ids = torch.zeros(len(chunk), t, dtype=torch.long)
        mask = torch.zeros(len(chunk), t, dtype=torch.long)
        for row, i in enumerate(chunk):
            input_ids[row, :len(ids[i])] = torch.tensor(ids[i])
            mask[row, :len(ids[i])] = 1
        yield chunk, input_ids, mask
