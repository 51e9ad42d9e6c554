# correct: plain Python loops, one rng.random() draw per element, mask kept as a list of flags
import numpy as np


def dropout_forward(x, p, *, training=True, rng=None):
    if p < 0 or p > 1 or p != p:
        raise ValueError(f"p must lie in [0, 1], got {p}")
    x = np.asarray(x, dtype=float)
    if not training or p == 0:
        return x.copy(), ("identity", None, None)
    if p == 1:
        return np.zeros(x.shape), ("zeros", None, None)
    if rng is None:
        raise ValueError("dropout needs rng to draw its mask (training with 0 < p < 1)")
    flat = x.ravel()
    out = np.zeros(flat.size)
    kept = []
    for i in range(flat.size):
        keep = rng.random() >= p  # P(u >= p) = 1 - p
        kept.append(keep)
        if keep:
            out[i] = flat[i] / (1 - p)
    return out.reshape(x.shape), ("mask", kept, p)


def dropout_backward(dout, cache):
    kind, kept, p = cache
    dout = np.asarray(dout, dtype=float)
    if kind == "identity":
        return dout.copy()
    flat = dout.ravel()
    dx = np.zeros(flat.size)
    if kind == "mask":
        for i in range(flat.size):
            if kept[i]:
                dx[i] = flat[i] / (1 - p)
    return dx.reshape(dout.shape)
