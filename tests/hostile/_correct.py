"""A correct `linear` for hostile files that break only one thing (not graded on its own)."""

from __future__ import annotations


def linear_forward(x, w, b):
    if x.shape[1] != w.shape[1] or b.shape != (w.shape[0],):
        raise ValueError(f"shapes do not fit: x {x.shape}, w {w.shape}, b {b.shape}")
    return x @ w.T + b, (x, w)


def linear_backward(dout, cache):
    x, w = cache
    return dout @ w, dout.T @ x, dout.sum(axis=0)
