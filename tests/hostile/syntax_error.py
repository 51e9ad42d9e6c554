# expect(error): a syntax error (a missing colon) on line 6
# says: "message": "expected ':'", "line": 6
import numpy as np


def linear_forward(x, w, b)
    return x @ w.T + b, (x, w)


def linear_backward(dout, cache):
    x, w = cache
    return dout @ w, dout.T @ x, np.sum(dout, axis=0)
