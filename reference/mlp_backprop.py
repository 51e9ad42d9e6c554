"""Reference solution for the `mlp_backprop` kata: a two-layer classifier's loss and gradients,
and plain mini-batch SGD that trains it."""

from __future__ import annotations

import numpy as np

KEYS = ("w1", "b1", "w2", "b2")


def _check_labels(y: np.ndarray, n: int, k: int) -> np.ndarray:
    y = np.asarray(y)
    if y.shape != (n,):
        raise ValueError(f"labels must have shape ({n},), one per sample, got {y.shape}")
    if n and (y.min() < 0 or y.max() >= k):
        raise ValueError(f"labels must lie in [0, {k}), got values from {y.min()} to {y.max()}")
    return y


def mlp_loss_and_grads(
    x: np.ndarray, y: np.ndarray, params: dict[str, np.ndarray], *, reg: float = 0.0
) -> tuple[float, dict[str, np.ndarray]]:
    """Loss and gradients of `scores = relu(x @ w1.T + b1) @ w2.T + b2` under mean softmax
    cross-entropy plus `0.5 * reg * (sum(w1 ** 2) + sum(w2 ** 2))`.

    Args:
        x: inputs, shape `(N, D)`.
        y: integer labels, shape `(N,)`, in `[0, K)`.
        params: `"w1" (H, D)`, `"b1" (H,)`, `"w2" (K, H)`, `"b2" (K,)`.
        reg: L2 strength, `>= 0`; the biases are not regularised.

    Returns:
        `(loss, grads)`: `loss` a float; `grads` the gradients of `loss` under the same four keys.

    Raises:
        ValueError: labels not `(N,)` or outside `[0, K)`, or `reg < 0`.
    """
    x = np.asarray(x, dtype=np.float64)
    w1, b1, w2, b2 = (np.asarray(params[key], dtype=np.float64) for key in KEYS)
    n = x.shape[0]
    y = _check_labels(y, n, w2.shape[0])
    if reg < 0:
        raise ValueError(f"reg must be >= 0, got {reg}")

    pre = x @ w1.T + b1  # (N, H)
    hidden = np.maximum(pre, 0.0)
    scores = hidden @ w2.T + b2  # (N, K)
    # log-softmax with each row's maximum subtracted: no exp overflows for scores up to 1e4
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(n)
    data_loss = -log_probs[rows, y].mean()
    loss = float(data_loss + 0.5 * reg * (np.sum(w1 * w1) + np.sum(w2 * w2)))

    dscores = np.exp(log_probs)  # softmax
    dscores[rows, y] -= 1.0
    dscores /= n  # the loss is a mean over the N samples
    dw2 = dscores.T @ hidden + reg * w2
    db2 = dscores.sum(axis=0)
    dhidden = dscores @ w2
    dpre = dhidden * (pre > 0)  # ReLU's derivative, 0 at exactly 0 (as torch autograd)
    dw1 = dpre.T @ x + reg * w1
    db1 = dpre.sum(axis=0)
    return loss, {"w1": dw1, "b1": db1, "w2": dw2, "b2": db2}


def train_mlp(
    x: np.ndarray,
    y: np.ndarray,
    *,
    hidden_size: int,
    num_classes: int,
    lr: float,
    epochs: int,
    batch_size: int,
    reg: float = 0.0,
    rng: np.random.Generator,
) -> dict[str, np.ndarray]:
    """He-normal initialisation from `rng`, then `epochs` epochs of plain mini-batch SGD, each a
    fresh permutation of the samples cut into batches of `batch_size` (the last one smaller).

    Returns:
        The trained parameters, `"w1" (H, D)`, `"b1" (H,)`, `"w2" (K, H)`, `"b2" (K,)`.

    Raises:
        ValueError: `hidden_size`, `num_classes` or `batch_size` below 1, `epochs < 0`, or labels
            not `(N,)` or outside `[0, num_classes)`.
    """
    if hidden_size < 1:
        raise ValueError(f"hidden_size must be at least 1, got {hidden_size}")
    if num_classes < 1:
        raise ValueError(f"num_classes must be at least 1, got {num_classes}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if epochs < 0:
        raise ValueError(f"epochs must be >= 0, got {epochs}")
    x = np.asarray(x, dtype=np.float64)
    n, d = x.shape
    y = _check_labels(y, n, num_classes)
    h, k = hidden_size, num_classes
    # He normal (kaiming_normal_, fan_in): std = sqrt(2 / fan_in)
    params = {
        "w1": rng.standard_normal((h, d)) * np.sqrt(2.0 / d),
        "b1": np.zeros(h),
        "w2": rng.standard_normal((k, h)) * np.sqrt(2.0 / h),
        "b2": np.zeros(k),
    }
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start : start + batch_size]
            _, grads = mlp_loss_and_grads(x[idx], y[idx], params, reg=reg)
            params = {key: params[key] - lr * grads[key] for key in KEYS}
    return params
