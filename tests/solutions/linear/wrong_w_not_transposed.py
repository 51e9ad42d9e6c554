# wrong(linear_forward, linear_backward): treats w as (in, out) and computes x @ w, no transpose
from __future__ import annotations


def linear_forward(x, w, b):
    return x @ w + b, (x, w)


def linear_backward(dout, cache):
    x, w = cache
    return dout @ w.T, x.T @ dout, dout.sum(axis=0)
