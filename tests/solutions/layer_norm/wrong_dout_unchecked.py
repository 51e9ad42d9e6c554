# wrong(layer_norm_backward): does not check dout's shape, so a dout that broadcasts passes
import numpy as np
from correct_vectorised import layer_norm_backward as _backward
from correct_vectorised import layer_norm_forward  # noqa: F401


def layer_norm_backward(dout, cache):
    return _backward(np.broadcast_to(dout, cache["shape"]), cache)
