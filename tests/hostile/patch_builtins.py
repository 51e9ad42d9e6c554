# expect(failed): at import, replaces builtins (isinstance, len, abs) that checkers rely on
# says: builtins.isinstance
import builtins

import numpy as np

builtins.isinstance = lambda obj, kind: True
builtins.len = lambda obj: 0
builtins.abs = lambda value: 0


def linear_forward(x, w, b):
    return np.zeros((x.shape[0], w.shape[0])), (x, w)


def linear_backward(dout, cache):
    x, w = cache
    return np.zeros_like(x), np.zeros_like(w), np.zeros(w.shape[0])
