"""Prints the benchmark tables from what run.sh collected: the corpus (each system's time and its
vectors against BertLens fp32: max abs difference, lowest cosine), the fp32 floor this machine
allows (every FLOP at the GEMM baseline's rate), and the fixed shapes against ONNX Runtime.
Usage: /usr/bin/python3 compare.py DIR TOKENS"""
import json, re, sys

import numpy as np

d, tokens = sys.argv[1], int(sys.argv[2])
with open(d + "/times.json") as f:
    times = json.load(f)
exact = np.load(d + "/bertlens-fp32.npy").reshape(-1, 768)
ort = times["ONNX Runtime fp32 (forward + pooling)"]
print(f"| system | time | tokens/s | vs ONNX Runtime | vectors vs BertLens fp32 |")
print(f"|---|---:|---:|---:|---|")
for name, seconds in times.items():
    v = np.load(d + "/" + name.split(" (")[0].lower().replace(" ", "-") + ".npy").reshape(-1, 768)
    diff = np.abs(v - exact).max()
    cos = (v * exact).sum(1) / np.linalg.norm(v, axis=1) / np.linalg.norm(exact, axis=1)
    error = "—" if name.startswith("BertLens fp32") else f"max abs {diff:.1e}, min cosine {cos.min():.6f}"
    print(f"| {name} | {seconds:.2f} s | {tokens / seconds:.0f} | {ort / seconds:.2f}x | {error} |")

# bert-base: 12 layers x (4 H^2 + 2 H F) multiply-adds per token, twice for FLOPs (attention adds ~1%).
flops = 2 * 12 * (4 * 768 * 768 + 2 * 768 * 3072) * tokens
with open(d + "/bench_forward.txt") as f:
    gemm = max(float(m.group(1)) for m in re.finditer(r"matmul 2048\^2 \(baseline\)\s+([0-9.]+)", f.read()))
floor = flops / (gemm * 1e9)
print(f"\nfp32 floor on this machine: {flops / 1e12:.2f} TFLOP at the GEMM baseline's {gemm:.0f} GFLOP/s = {floor:.2f} s "
      f"= {ort / floor:.2f}x ONNX Runtime at most")

with open(d + "/bertlens-shapes.json") as f:
    ours = json.load(f)
with open(d + "/ort-shapes.json") as f:
    theirs = json.load(f)
print("\n| shape | ONNX Runtime fp32 | BertLens fp32 | ratio | BertLens bf16 | ratio |")
print("|---|---:|---:|---:|---:|---:|")
for key, label in (("sentence32", "one 32-token sentence, all hidden states + attentions"),
                   ("seq128batch1", "seq 128, batch 1"), ("seq128batch16", "seq 128, batch 16")):
    row = f"| {label} | {theirs[key]:.1f} ms |"
    for precision in ("fp32", "bf16"):
        if precision in ours:
            t = ours[precision][key]
            row += f" {t:.1f} ms | {theirs[key] / t:.2f}x |"
    print(row)
