#!/usr/bin/python3
"""The peers of bench_maps on the same vectors: umap-learn (Debian's umap-learn) and scikit-learn's
Barnes-Hut t-SNE (python3-sklearn), with the settings BertLens uses (cosine, 15 neighbours,
min_dist 0.1; perplexity 30, 1000 iterations, PCA start), timed in this session; then every map —
theirs and BertLens's, from `bench_maps --save-layouts PREFIX` — measured the same way: scikit-learn's
trustworthiness (cosine, k = 10) and the share of each point's 10 nearest (cosine) kept among its
10 nearest on the map.

Usage: bench/peers/maps.py VECTORS.npy [LAYOUT_PREFIX] [--threads T]
"""
import os
import sys
import time

threads = sys.argv[sys.argv.index("--threads") + 1] if "--threads" in sys.argv else "2"
for variable in ("OMP_NUM_THREADS", "NUMBA_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[variable] = threads

import numpy as np  # noqa: E402
from sklearn.manifold import TSNE, trustworthiness  # noqa: E402
from sklearn.neighbors import NearestNeighbors  # noqa: E402


def kept(vectors, layout, k=10):
    near = NearestNeighbors(n_neighbors=k + 1, metric="cosine").fit(vectors).kneighbors(return_distance=False)
    on_map = NearestNeighbors(n_neighbors=k + 1).fit(layout).kneighbors(return_distance=False)
    return np.mean([len(set(a[:k]) & set(b[:k])) / k for a, b in zip(near, on_map)])


def report(name, vectors, layout, seconds=None):
    t = trustworthiness(vectors, layout, n_neighbors=10, metric="cosine")
    timing = f"{seconds:7.2f} s" if seconds is not None else "        "
    print(f"{name:22s} {timing}  trustworthiness {t:.4f}  10-NN kept {kept(vectors, layout):.3f}", flush=True)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--") and a != threads]
    vectors = np.load(args[0]).astype(np.float32)
    print(f"{vectors.shape[0]} x {vectors.shape[1]} vectors, {threads} threads")
    import umap  # noqa: E402 (imported after the thread settings: numba reads them)

    start = time.perf_counter()
    layout = umap.UMAP(n_neighbors=15, min_dist=0.1, metric="cosine", random_state=42).fit_transform(vectors)
    report("umap-learn (seeded)", vectors, layout, time.perf_counter() - start)
    start = time.perf_counter()
    layout = umap.UMAP(n_neighbors=15, min_dist=0.1, metric="cosine").fit_transform(vectors)
    report("umap-learn (parallel)", vectors, layout, time.perf_counter() - start)
    start = time.perf_counter()
    layout = TSNE(perplexity=30, n_iter=1000, init="pca", learning_rate="auto", metric="cosine",
                  n_jobs=int(threads), random_state=42).fit_transform(vectors)
    report("scikit-learn t-SNE", vectors, layout, time.perf_counter() - start)
    if len(args) > 1:
        for method in ("umap", "tsne"):
            path = args[1] + method + ".npy"
            if os.path.exists(path):
                report(f"BertLens {method}", vectors, np.load(path))


if __name__ == "__main__":
    main()
