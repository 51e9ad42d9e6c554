"""Kata `mlp_backprop`: back-propagation through a two-layer network, and the loop that trains it.

`mlp_loss_and_grads` computes the mean softmax cross-entropy of the classifier
`scores = relu(x @ w1.T + b1) @ w2.T + b2`, plus an L2 penalty on the weights, and the gradient of
that loss for every parameter, as PyTorch's autograd would. `train_mlp` initialises the network
from `rng` and trains it with plain mini-batch SGD. All arrays are float64 (labels are integers);
never modify an input in place, and never use the global `np.random` state.
"""

from __future__ import annotations

import numpy as np


def mlp_loss_and_grads(
    x: np.ndarray, y: np.ndarray, params: dict[str, np.ndarray], *, reg: float = 0.0
) -> tuple[float, dict[str, np.ndarray]]:
    """Loss and gradients of a two-layer ReLU classifier.

    Args:
        x: inputs, shape `(N, D)`.
        y: integer class labels, shape `(N,)`, each in `[0, K)`.
        params: a dict with `"w1"` of shape `(H, D)`, `"b1"` `(H,)`, `"w2"` `(K, H)` and `"b2"`
            `(K,)` (PyTorch's linear layout): `scores = relu(x @ w1.T + b1) @ w2.T + b2`, of
            shape `(N, K)`.
        reg: the L2 strength, `>= 0`.

    Returns:
        `(loss, grads)`. `loss` is a float: `F.cross_entropy(scores, y)` (softmax cross-entropy,
        the mean over the `N` samples) `+ 0.5 * reg * (sum(w1 ** 2) + sum(w2 ** 2))`; the biases
        are not regularised. `grads` is a new dict with the same four keys, each the gradient of
        `loss` with respect to that parameter, of the parameter's shape, as torch autograd
        computes it (the derivative of ReLU at exactly 0 is 0). Stable (no overflow, no NaN) for
        scores up to 1e4 in magnitude.

    Raises:
        ValueError: if `y` does not have shape `(N,)`, if a label lies outside `[0, K)`, or if
            `reg < 0`.
    """
    raise NotImplementedError


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
    """Initialise a two-layer classifier from `rng`, then train it with mini-batch SGD.

    Args:
        x: training inputs, shape `(N, D)`.
        y: integer labels, shape `(N,)`, each in `[0, num_classes)`.
        hidden_size: `H`, the number of hidden units, at least 1.
        num_classes: `K`, the number of classes, at least 1.
        lr: the learning rate, the same for every step.
        epochs: the number of passes over the data, `>= 0`.
        batch_size: samples per batch, at least 1.
        reg: the L2 strength passed to `mlp_loss_and_grads` for every batch.
        rng: the only source of randomness.

    Returns:
        A new dict `{"w1" (H, D), "b1" (H,), "w2" (K, H), "b2" (K,)}`, all float64. First the
        initial parameters are drawn from `rng`: `w1` from `N(0, 2 / D)` and `w2` from
        `N(0, 2 / H)` (He normal with fan_in, as `kaiming_normal_`; variances, so the standard
        deviations are `sqrt(2 / D)` and `sqrt(2 / H)`), `b1` and `b2` zeros. Then `epochs`
        epochs: each passes over every sample exactly once (no sampling with replacement), in
        batches of `batch_size` (the last one smaller when `batch_size` does not divide `N`,
        never dropped); a fresh random order from `rng` each epoch is recommended. For each
        batch, the gradients of `mlp_loss_and_grads` on that batch with the same `reg`, then
        every parameter `p` becomes `p - lr * grads[key]` (no momentum, no decay of `lr`).
        So `epochs=0` returns the initial parameters, and with `batch_size >= N` each epoch is
        one step of full-batch gradient descent. The same seed gives the same parameters.

    Raises:
        ValueError: if `hidden_size`, `num_classes` or `batch_size` is below 1, if `epochs < 0`,
            or if `y` does not have shape `(N,)` or holds a label outside `[0, num_classes)`.
    """
    raise NotImplementedError
