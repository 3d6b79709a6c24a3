#!/usr/bin/env python3
"""FAISS HNSW on the files `recsys bench ann` reads, measured the same way.

Cosine (inner product of L2-normalised vectors, as our index), one thread, one query per call,
the same warm-up passes and the same rounds (every efSearch measured ROUNDS times, taking turns,
the median of the rounds' percentiles printed), recall@k against truth.ivecs. Prints one line per efSearch in our
`width=... recall@10=... p50_us=... p99_us=...` form, with `ef=` for the width.

    /usr/bin/python3 benchmarks/ann/faiss_hnsw.py DIR [--m 32] [--ef 16,24,32,48,64,128]

Needs Debian's python3-faiss (apt-get install python3-faiss).
"""
import argparse
import sys
import time

import numpy as np

ROUNDS = 5  # as AnnBenchmark.ROUNDS

try:
    import faiss
except ImportError:
    sys.exit("faiss is not installed: apt-get install python3-faiss (run with /usr/bin/python3)")


def read_vecs(path, dtype):
    raw = np.fromfile(path, dtype=np.int32)
    dims = raw[0]
    rows = raw.reshape(-1, dims + 1)[:, 1:]
    return np.ascontiguousarray(rows.view(dtype) if dtype == np.float32 else rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir")
    parser.add_argument("--m", type=int, default=32)
    parser.add_argument("--ef-construction", type=int, default=100)
    parser.add_argument("--ef", default="16,24,32,48,64,128")
    parser.add_argument("--k", type=int, default=10)
    args = parser.parse_args()

    faiss.omp_set_num_threads(1)
    base = read_vecs(f"{args.dir}/base.fvecs", np.float32).copy()
    queries = read_vecs(f"{args.dir}/query.fvecs", np.float32).copy()
    truth = read_vecs(f"{args.dir}/truth.ivecs", np.int32)
    faiss.normalize_L2(base)
    faiss.normalize_L2(queries)
    print(f"faiss={faiss.__version__} base={len(base)} query={len(queries)} dims={base.shape[1]} "
          f"HNSW{args.m} efConstruction={args.ef_construction} threads=1", flush=True)

    start = time.perf_counter()
    index = faiss.IndexHNSWFlat(base.shape[1], args.m, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = args.ef_construction
    index.add(base)
    print(f"build_s={time.perf_counter() - start:.2f}", flush=True)

    efs = [int(ef) for ef in args.ef.split(",")]
    one = [queries[i:i + 1] for i in range(len(queries))]

    def measure(ef):
        index.hnsw.efSearch = ef
        nanos = np.empty(len(one), dtype=np.int64)
        found = np.empty((len(one), args.k), dtype=np.int64)
        for i, query in enumerate(one):
            began = time.perf_counter_ns()
            _, ids = index.search(query, args.k)
            nanos[i] = time.perf_counter_ns() - began
            found[i] = ids[0]
        return nanos, found

    for _ in range(2):  # warm-up passes at the widest, as AnnBenchmark does
        measure(max(efs))
    rounds = {ef: [] for ef in efs}
    for _ in range(ROUNDS):
        for ef in efs:
            nanos, found = measure(ef)
            rounds[ef].append((np.percentile(nanos, 50), np.percentile(nanos, 99), found))
    for ef in efs:
        found = rounds[ef][-1][2]
        hits = sum(len(set(found[i]) & set(truth[i][:args.k])) for i in range(len(one)))
        recall = hits / (len(one) * args.k)
        p50 = np.median([r[0] for r in rounds[ef]])
        p99 = np.median([r[1] for r in rounds[ef]])
        print(f"ef={ef} recall@{args.k}={recall:.4f} p50_us={p50 / 1e3:.1f} "
              f"p99_us={p99 / 1e3:.1f}", flush=True)

if __name__ == "__main__":
    main()
