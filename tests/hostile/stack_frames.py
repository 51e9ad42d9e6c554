# expect(failed): walks every caller's frame (sys._getframe, inspect.stack) for an expected array
# says: differs from the expected values
import inspect
import sys

import numpy as np

from _correct import linear_backward  # noqa: F401


def _arrays_in_callers():
    frame = sys._getframe(1)
    while frame is not None:
        for value in list(frame.f_locals.values()) + list(frame.f_globals.values()):
            if isinstance(value, np.ndarray):
                yield value
        frame = frame.f_back
    for info in inspect.stack(context=0):
        for value in info.frame.f_locals.values():
            if isinstance(value, np.ndarray):
                yield value


def linear_forward(x, w, b):
    shape = (x.shape[0], w.shape[0])
    stolen = [a for a in _arrays_in_callers() if a.shape == shape and a is not x]
    out = stolen[0].copy() if stolen else np.zeros(shape)
    return out, (x, w)
