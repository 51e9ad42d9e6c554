# wrong(bilinear_upsample): memoises results and hands the same array to every caller
"""A cache keyed by the input's bytes saves recomputation, but returns the very array it stored:
a caller that changes its result changes every later caller's result too."""

from __future__ import annotations

from correct_einsum import bilinear_upsample as _upsample

_MEMO = {}


def bilinear_upsample(x, scale_factor, *, align_corners=False):
    key = (x.shape, x.tobytes(), scale_factor, bool(align_corners))
    if key not in _MEMO:
        _MEMO[key] = _upsample(x, scale_factor, align_corners=align_corners)
    return _MEMO[key]
