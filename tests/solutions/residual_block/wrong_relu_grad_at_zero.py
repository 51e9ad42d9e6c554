# wrong(residual_block_backward): ReLU masks use >= 0, passing gradient at exactly 0
"""Invisible on random floats; integer-valued activations hit exact zeros."""

from __future__ import annotations

from correct_layers import (
    conv_backward,
    residual_block_forward,  # noqa: F401
)


def residual_block_backward(dout, cache):
    ds = dout * (cache["s"] >= 0)
    dh, dw2, db2 = conv_backward(ds, cache["conv2"])
    dx, dw1, db1 = conv_backward(dh * (cache["z1"] >= 0), cache["conv1"])
    return dx + ds, dw1, db1, dw2, db2
