# wrong(residual_block_backward): no ValueError for a dout (N, 1, H, W) that broadcasts
"""dout * (s > 0) broadcasts a one-channel dout over every channel without complaint."""

from __future__ import annotations

from correct_loops import _conv_grads, residual_block_forward  # noqa: F401


def residual_block_backward(dout, cache):
    x, w1, w2, z1, h, s = cache
    ds = dout * (s > 0)
    dh, dw2, db2 = _conv_grads(ds, h, w2)
    dz1 = dh * (z1 > 0)
    dx, dw1, db1 = _conv_grads(dz1, x, w1)
    return dx + ds, dw1, db1, dw2, db2
