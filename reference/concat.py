"""Reference solution for the `concat` kata: concatenation along an axis, forward and backward."""

from __future__ import annotations

from typing import Any

import numpy as np


def concat_forward(xs: list[np.ndarray], axis: int = 1) -> tuple[np.ndarray, Any]:
    """`torch.cat(xs, dim=axis)`: the arrays of `xs` joined end to end along `axis`.

    Args:
        xs: a non-empty list of arrays with the same number of dimensions and the same sizes on
            every axis but `axis`.
        axis: the axis to join along, `-ndim <= axis < ndim` (negative counts from the end).

    Returns:
        `(out, cache)`: `out` has the common shape with the sizes along `axis` added up.

    Raises:
        ValueError: for an empty list, arrays that differ in their number of dimensions or in a
            size off the axis, and an `axis` out of range.
    """
    xs = [np.asarray(x, dtype=np.float64) for x in xs]
    if len(xs) == 0:
        raise ValueError("xs is empty: there is nothing to concatenate")
    ndim = xs[0].ndim
    for i, x in enumerate(xs):
        if x.ndim != ndim:
            raise ValueError(
                f"xs[{i}] has {x.ndim} dimensions but xs[0] has {ndim}: all arrays need the same"
            )
    if not -ndim <= axis < ndim:
        raise ValueError(f"axis {axis} is out of range for {ndim}-D arrays")
    ax = axis + ndim if axis < 0 else axis
    common = xs[0].shape[:ax] + xs[0].shape[ax + 1 :]
    for i, x in enumerate(xs):
        if x.shape[:ax] + x.shape[ax + 1 :] != common:
            raise ValueError(
                f"xs[{i}] has shape {x.shape} but xs[0] has {xs[0].shape}: only the size along "
                f"axis {axis} may differ"
            )
    # the arrays are written one after another into their slices of the output; the cache
    # keeps the axis and each input's [start, stop) along it, which is all the backward needs
    sizes = [x.shape[ax] for x in xs]
    out = np.empty((*xs[0].shape[:ax], sum(sizes), *xs[0].shape[ax + 1 :]))
    bounds = []
    start = 0
    for x, size in zip(xs, sizes):
        index = (slice(None),) * ax + (slice(start, start + size),)
        out[index] = x
        bounds.append((start, start + size))
        start += size
    return out, (ax, bounds)


def concat_backward(dout: np.ndarray, cache: Any) -> list[np.ndarray]:
    """Gradients of a loss through `out = concat(xs, axis)`: each input's slice of `dout`.

    Args:
        dout: upstream gradient, the shape of the forward output.
        cache: the cache returned by `concat_forward`.

    Returns:
        One gradient per input, in input order, each of that input's shape.
    """
    ax, bounds = cache
    dout = np.asarray(dout, dtype=np.float64)
    return [dout[(slice(None),) * ax + (slice(start, stop),)] for start, stop in bounds]
