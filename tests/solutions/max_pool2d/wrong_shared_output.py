# wrong(max_pool2d_forward): returns one module-level output buffer per shape, reused
import numpy as np
from correct_vectorised import max_pool2d_backward  # noqa: F401
from correct_vectorised import max_pool2d_forward as _forward

_BUFFERS = {}


def max_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    out, cache = _forward(x, kernel_size=kernel_size, stride=stride, padding=padding)
    buffer = _BUFFERS.setdefault(out.shape, np.empty(out.shape))
    buffer[...] = out
    return buffer, cache
