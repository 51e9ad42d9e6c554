# correct: plain Python loops over every entry, math.exp with a branch on the sign of the logit
from __future__ import annotations

import math

import numpy as np


def fgsm_attack(x, grad, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("epsilon must be >= 0")
    x = np.asarray(x, dtype=np.float64)
    grad = np.asarray(grad, dtype=np.float64)
    out = np.empty(x.shape)
    for index in np.ndindex(x.shape):
        v = float(x[index])
        g = float(grad[index])
        if g > 0:
            v = v + epsilon
        elif g < 0:
            v = v - epsilon
        out[index] = min(max(v, clip_min), clip_max)
    return out


def _sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def logistic_fgsm(x, y, w, b, epsilon, *, clip_min=0.0, clip_max=1.0):
    if epsilon < 0:
        raise ValueError("epsilon must be >= 0")
    x = np.asarray(x, dtype=np.float64)
    n, d = x.shape
    grad = np.zeros((n, d))
    for i in range(n):
        z = float(b)
        for j in range(d):
            z += float(x[i, j]) * float(w[j])
        r = _sigmoid(z) - float(y[i])
        for j in range(d):
            grad[i, j] = r * float(w[j]) / n
    return fgsm_attack(x, grad, epsilon, clip_min=clip_min, clip_max=clip_max)
