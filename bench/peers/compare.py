"""Prints the corpus benchmark's table from the timings run.sh collected, and each system's
vectors against BertLens fp32 (max abs difference; bf16 also its lowest cosine).
Usage: /usr/bin/python3 compare.py DIR TOKENS"""
import json, sys

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
