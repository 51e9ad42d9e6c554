# correct: explicit checks, the axis moved to the front and each slice copied in a Python loop
from __future__ import annotations

import numpy as np


def concat_forward(xs, axis=1):
    if len(xs) == 0:
        raise ValueError("need at least one array")
    ndim = np.ndim(xs[0])
    if any(np.ndim(x) != ndim for x in xs):
        raise ValueError("all arrays must have the same number of dimensions")
    if axis < -ndim or axis >= ndim:
        raise ValueError(f"axis {axis} out of range for {ndim} dimensions")
    if axis < 0:
        axis += ndim
    rest = [np.shape(x)[:axis] + np.shape(x)[axis + 1 :] for x in xs]
    if any(r != rest[0] for r in rest):
        raise ValueError("sizes off the concatenation axis differ")
    moved = [np.moveaxis(np.asarray(x, dtype=np.float64), axis, 0) for x in xs]
    total = sum(m.shape[0] for m in moved)
    front = np.zeros((total, *moved[0].shape[1:]))
    row = 0
    sizes = []
    for m in moved:
        for k in range(m.shape[0]):
            front[row] = m[k]
            row += 1
        sizes.append(m.shape[0])
    return np.moveaxis(front, 0, axis).copy(), {"axis": axis, "sizes": sizes}


def concat_backward(dout, cache):
    axis, sizes = cache["axis"], cache["sizes"]
    front = np.moveaxis(dout, axis, 0)
    grads = []
    row = 0
    for size in sizes:
        piece = np.zeros((size, *front.shape[1:]))
        for k in range(size):
            piece[k] = front[row]
            row += 1
        grads.append(np.moveaxis(piece, 0, axis))
    return grads
