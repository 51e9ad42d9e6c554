# correct: plain Python loops with math.exp / math.log over every slice and row
from __future__ import annotations

import math

import numpy as np


def softmax(x, axis=-1):
    x = np.asarray(x, dtype=np.float64)
    moved = np.moveaxis(x, axis, -1)
    rows = moved.reshape(-1, moved.shape[-1])
    out = np.empty_like(rows)
    for r in range(rows.shape[0]):
        m = max(rows[r])
        exps = [math.exp(v - m) for v in rows[r]]
        total = sum(exps)
        for j, e in enumerate(exps):
            out[r, j] = e / total
    return np.moveaxis(out.reshape(moved.shape), -1, axis)


def softmax_cross_entropy(logits, labels):
    logits = np.asarray(logits, dtype=np.float64)
    labels = np.asarray(labels)
    if logits.ndim != 2:
        raise ValueError("logits must be (N, K)")
    n, k = logits.shape
    if labels.shape != (n,):
        raise ValueError(f"expected {n} labels, got shape {labels.shape}")
    if labels.dtype.kind not in "iu":
        raise ValueError(f"labels must be integers, got {labels.dtype}")
    for y in labels:
        if not 0 <= int(y) < k:
            raise ValueError(f"label {int(y)} is outside [0, {k})")
    total = 0.0
    dlogits = np.zeros((n, k))
    for i in range(n):
        m = max(logits[i])
        sum_exp = sum(math.exp(v - m) for v in logits[i])
        y = int(labels[i])
        total += math.log(sum_exp) - (logits[i, y] - m)
        for j in range(k):
            p = math.exp(logits[i, j] - m) / sum_exp
            dlogits[i, j] = (p - (1.0 if j == y else 0.0)) / n
    return total / n, dlogits
