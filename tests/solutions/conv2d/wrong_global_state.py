# wrong(conv2d_backward): forward state kept in a module global; the backward ignores its cache
"""Stashing the padded input in a global works for one forward/backward pair, and breaks as soon
as a second forward pass runs before the first one's backward."""

from __future__ import annotations

from correct_loops import conv2d_backward as _backward
from correct_loops import conv2d_forward as _forward

_LAST = {}


def conv2d_forward(x, w, b, *, stride=1, padding=0):
    out, cache = _forward(x, w, b, stride=stride, padding=padding)
    _LAST["cache"] = cache
    return out, None


def conv2d_backward(dout, cache):
    return _backward(dout, _LAST["cache"])
