# wrong(lstm_cell_forward): writes h into a preallocated module-level buffer and returns it
import numpy as np
from correct_einsum import lstm_cell_backward  # noqa: F401
from correct_einsum import lstm_cell_forward as _correct_forward

_buffers = {}


def lstm_cell_forward(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh):
    h, c, cache = _correct_forward(x, h_prev, c_prev, w_ih, w_hh, b_ih, b_hh)
    # the bug: "saving an allocation": every call returns the same array object for h
    out = _buffers.setdefault(h.shape, np.empty(h.shape))
    out[...] = h
    return out, c, cache
