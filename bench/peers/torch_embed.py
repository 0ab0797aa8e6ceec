"""PyTorch-eager peer: forward + mean pooling of the corpus (timed), vectors to an .npy in input order.
Usage: /usr/bin/python3 torch_embed.py MODEL_DIR IDS_JSONL OUT.npy THREADS"""
import sys, time

import numpy as np
import torch

from torch_bert import load_model, read_ids, sorted_batches

model_dir, ids_path, out_path, threads = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
torch.set_num_threads(threads)
model = load_model(model_dir)
ids = read_ids(ids_path)
out = np.zeros((len(ids), 768), dtype=np.float32)
with torch.inference_mode():
    start = time.perf_counter()
    for chunk, input_ids, mask in sorted_batches(ids):
        out[chunk] = model(input_ids, mask).numpy()
    seconds = time.perf_counter() - start
np.save(out_path, out)
print(f"{seconds:.3f}")
