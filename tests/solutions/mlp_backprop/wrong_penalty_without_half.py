# wrong(mlp_loss_and_grads): penalty reg * sum(w ** 2) without the 1/2, gradient reg * w
from __future__ import annotations

import numpy as np
from correct_vectorised import train_mlp  # noqa: F401


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
    loss = -log_probs[np.arange(n), y].mean() + reg * (np.sum(w1**2) + np.sum(w2**2))
    dscores = np.exp(log_probs)
    dscores[np.arange(n), y] -= 1.0
    dscores /= n
    dpre = (dscores @ w2) * (pre > 0)
    grads = {
        "w1": dpre.T @ x + reg * w1,
        "b1": dpre.sum(axis=0),
        "w2": dscores.T @ hidden + reg * w2,
        "b2": dscores.sum(axis=0),
    }
    return float(loss), grads
