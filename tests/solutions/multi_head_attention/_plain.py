"""Shared by the wrong files: the plain vectorised attention with each step replaceable."""

import numpy as np


def project_and_split(x, w_q, w_k, w_v, num_heads):
    n, seq, e = x.shape
    hd = e // num_heads

    def split(t):
        return t.reshape(n, seq, num_heads, hd).transpose(0, 2, 1, 3)

    return split(x @ w_q.T), split(x @ w_k.T), split(x @ w_v.T)


def merge_and_project(heads, w_o):
    n, h, seq, hd = heads.shape
    return heads.transpose(0, 2, 1, 3).reshape(n, seq, h * hd) @ w_o.T


def check_weights_and_heads(x, weights, num_heads):
    if x.ndim != 3:
        raise ValueError("x must be (N, L, E)")
    e = x.shape[-1]
    if any(np.shape(w) != (e, e) for w in weights):
        raise ValueError("weights must be (E, E)")
    if not isinstance(num_heads, int) or num_heads < 1 or e % num_heads:
        raise ValueError("num_heads must be a positive divisor of E")
