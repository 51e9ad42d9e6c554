# wrong(residual_block_backward): forward state kept in a module global, the cache ignored
"""The intermediates z1, h and s are stashed in a global, so the backward of an earlier forward pass
uses the state of the latest one."""

from __future__ import annotations

from correct_layers import residual_block_backward as _backward
from correct_layers import residual_block_forward as _forward

_STATE = {}


def residual_block_forward(x, w1, b1, w2, b2):
    out, cache = _forward(x, w1, b1, w2, b2)
    _STATE.update(cache)
    return out, {}


def residual_block_backward(dout, cache):
    return _backward(dout, _STATE)
