# wrong(mlp_loss_and_grads): dscores not divided by N (the loss a mean), trained with it
from __future__ import annotations

import numpy as np


def mlp_loss_and_grads(x, y, params, *, reg=0.0):
    w1, b1, w2, b2 = params["w1"], params["b1"], params["w2"], params["b2"]
    n = len(x)
    if y.shape != (n,) or np.any(y < 0) or np.any(y >= len(b2)) or reg < 0:
        raise ValueError("invalid labels or reg")
    pre = x @ w1.T + b1
    hidden = np.maximum(pre, 0.0)
    scores = hidden @ w2.T + b2
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(n), y].mean() + 0.5 * reg * (np.sum(w1**2) + np.sum(w2**2))
    dscores = np.exp(log_probs)
    dscores[np.arange(n), y] -= 1.0
    dpre = (dscores @ w2) * (pre > 0)
    grads = {
        "w1": dpre.T @ x + reg * w1,
        "b1": dpre.sum(axis=0),
        "w2": dscores.T @ hidden + reg * w2,
        "b2": dscores.sum(axis=0),
    }
    return float(loss), grads


def train_mlp(x, y, *, hidden_size, num_classes, lr, epochs, batch_size, reg=0.0, rng):
    if hidden_size < 1 or num_classes < 1 or batch_size < 1 or epochs < 0:
        raise ValueError("sizes must be at least 1 and epochs non-negative")
    n, d = x.shape
    if y.shape != (n,) or np.any(y < 0) or np.any(y >= num_classes):
        raise ValueError("labels must be (N,) in [0, num_classes)")
    params = {
        "w1": rng.standard_normal((hidden_size, d)) * np.sqrt(2.0 / d),
        "b1": np.zeros(hidden_size),
        "w2": rng.standard_normal((num_classes, hidden_size)) * np.sqrt(2.0 / hidden_size),
        "b2": np.zeros(num_classes),
    }
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start : start + batch_size]
            _, grads = mlp_loss_and_grads(x[idx], y[idx], params, reg=reg)
            params = {key: params[key] - lr * grads[key] for key in params}
    return params
