# wrong(lstm_cell_backward): the incoming dc is not added to the gradient reaching c through h
import numpy as np
from correct_einsum import lstm_cell_backward as _correct_backward
from correct_einsum import lstm_cell_forward  # noqa: F401


def lstm_cell_backward(dh, dc, cache):
    # the bug: only the path through h is kept, as if dc were zero
    return _correct_backward(dh, np.zeros_like(dc), cache)
