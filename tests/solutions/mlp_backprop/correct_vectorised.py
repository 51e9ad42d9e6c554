# correct: einsum throughout, log-sum-exp via np.logaddexp.reduce; w2 drawn before w1, argsort order
from __future__ import annotations

import numpy as np


def _labels(y, n, k):
    if y.ndim != 1 or y.shape[0] != n:
        raise ValueError(f"labels must have shape ({n},), got {y.shape}")
    if np.any(y < 0) or np.any(y >= k):
        raise ValueError(f"labels must lie in [0, {k})")


def mlp_loss_and_grads(x, y, params, *, reg=0.0):
    w1, b1, w2, b2 = (params[key] for key in ("w1", "b1", "w2", "b2"))
    n = len(x)
    _labels(y, n, len(b2))
    if reg < 0:
        raise ValueError("reg must be non-negative")
    pre = np.einsum("nd,hd->nh", x, w1) + b1
    hidden = pre * (pre > 0)
    scores = np.einsum("nh,kh->nk", hidden, w2) + b2
    log_norm = np.logaddexp.reduce(scores, axis=1)
    log_probs = scores - log_norm[:, None]
    onehot = np.eye(len(b2))[y]
    data = -np.einsum("nk,nk->", onehot, log_probs) / n
    penalty = 0.5 * reg * (np.einsum("ij,ij->", w1, w1) + np.einsum("ij,ij->", w2, w2))
    dscores = (np.exp(log_probs) - onehot) / n
    dpre = np.einsum("nk,kh->nh", dscores, w2) * (pre > 0)
    grads = {
        "w1": np.einsum("nh,nd->hd", dpre, x) + reg * w1,
        "b1": np.einsum("nh->h", dpre),
        "w2": np.einsum("nk,nh->kh", dscores, hidden) + reg * w2,
        "b2": np.einsum("nk->k", dscores),
    }
    return float(data + penalty), grads


def train_mlp(x, y, *, hidden_size, num_classes, lr, epochs, batch_size, reg=0.0, rng):
    for name, value in (("hidden_size", hidden_size), ("num_classes", num_classes)):
        if value < 1:
            raise ValueError(f"{name} must be at least 1")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if epochs < 0:
        raise ValueError("epochs must be non-negative")
    n, d = x.shape
    _labels(y, n, num_classes)
    w2 = rng.normal(0.0, np.sqrt(2.0 / hidden_size), size=(num_classes, hidden_size))
    w1 = rng.normal(0.0, np.sqrt(2.0 / d), size=(hidden_size, d))
    params = {"w1": w1, "b1": np.zeros(hidden_size), "w2": w2, "b2": np.zeros(num_classes)}
    for _ in range(epochs):
        order = np.argsort(rng.random(n))
        for idx in np.array_split(order, np.arange(batch_size, n, batch_size)):
            _, grads = mlp_loss_and_grads(x[idx], y[idx], params, reg=reg)
            params = {key: value - lr * grads[key] for key, value in params.items()}
    return params
