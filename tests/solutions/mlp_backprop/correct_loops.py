# correct: one sample at a time in Python loops (forward, softmax, backward); a Fisher-Yates loop
from __future__ import annotations

import math

import numpy as np


def mlp_loss_and_grads(x, y, params, *, reg=0.0):
    w1, b1, w2, b2 = params["w1"], params["b1"], params["w2"], params["b2"]
    n = x.shape[0]
    k = w2.shape[0]
    if y.shape != (n,):
        raise ValueError("y must have shape (N,)")
    for label in y:
        if not 0 <= label < k:
            raise ValueError(f"label {label} outside [0, {k})")
    if reg < 0:
        raise ValueError("reg must not be negative")
    grads = {"w1": np.zeros_like(w1), "b1": np.zeros_like(b1)}
    grads.update({"w2": np.zeros_like(w2), "b2": np.zeros_like(b2)})
    total = 0.0
    for i in range(n):
        pre = w1 @ x[i] + b1
        hidden = np.where(pre > 0, pre, 0.0)
        scores = w2 @ hidden + b2
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        norm = sum(exps)
        total += -(scores[y[i]] - top - math.log(norm))
        dscores = np.array([e / norm for e in exps])
        dscores[y[i]] -= 1.0
        dscores /= n
        grads["w2"] += np.outer(dscores, hidden)
        grads["b2"] += dscores
        dpre = (dscores @ w2) * (pre > 0)
        grads["w1"] += np.outer(dpre, x[i])
        grads["b1"] += dpre
    grads["w1"] += reg * w1
    grads["w2"] += reg * w2
    loss = total / n + 0.5 * reg * (float(np.sum(w1**2)) + float(np.sum(w2**2)))
    return loss, grads


def train_mlp(x, y, *, hidden_size, num_classes, lr, epochs, batch_size, reg=0.0, rng):
    if hidden_size < 1 or num_classes < 1 or batch_size < 1:
        raise ValueError("hidden_size, num_classes and batch_size must be at least 1")
    if epochs < 0:
        raise ValueError("epochs must not be negative")
    n, d = x.shape
    if y.shape != (n,):
        raise ValueError("y must have shape (N,)")
    for label in y:
        if not 0 <= label < num_classes:
            raise ValueError(f"label {label} outside [0, {num_classes})")
    params = {
        "w1": rng.normal(0.0, math.sqrt(2.0 / d), size=(hidden_size, d)),
        "b1": np.zeros(hidden_size),
        "w2": rng.normal(0.0, math.sqrt(2.0 / hidden_size), size=(num_classes, hidden_size)),
        "b2": np.zeros(num_classes),
    }
    for _ in range(epochs):
        order = list(range(n))
        for i in range(n - 1, 0, -1):
            j = int(rng.integers(0, i + 1))
            order[i], order[j] = order[j], order[i]
        for start in range(0, n, batch_size):
            idx = order[start : start + batch_size]
            _, grads = mlp_loss_and_grads(x[idx], y[idx], params, reg=reg)
            for key in params:
                params[key] = params[key] - lr * grads[key]
    return params
