# wrong(residual_block_backward): final ReLU mask from z2 > 0 instead of s = z2 + x > 0
"""The ReLU saw z2 + x, not z2: masking with z2 > 0 zeroes and passes the wrong pixels."""

from __future__ import annotations

from correct_layers import (
    conv_backward,
    residual_block_forward,  # noqa: F401
)


def residual_block_backward(dout, cache):
    ds = dout * (cache["z2"] > 0)
    dh, dw2, db2 = conv_backward(ds, cache["conv2"])
    dx, dw1, db1 = conv_backward(dh * (cache["z1"] > 0), cache["conv1"])
    return dx + ds, dw1, db1, dw2, db2
