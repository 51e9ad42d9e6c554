# wrong(train_mlp): reg is not passed on: the batches' gradients are computed with reg = 0
from __future__ import annotations

import numpy as np
from correct_vectorised import mlp_loss_and_grads


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
            _, grads = mlp_loss_and_grads(x[idx], y[idx], params)
            params = {key: params[key] - lr * grads[key] for key in params}
    return params
