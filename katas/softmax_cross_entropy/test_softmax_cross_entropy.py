"""Hidden tests for the `softmax_cross_entropy` kata: softmax, mean cross-entropy, gradient."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import check_call, check_scalar_gradient, expect_value_error

SOFTMAX_HINT = (
    "Normalise along the requested axis: subtract that axis's max with keepdims=True, "
    "exponentiate, divide by the sum along the same axis (keepdims=True)."
)
LOSS_HINT = (
    "loss = mean over the N rows of log(sum_j exp(z_ij)) - z_i,label (a mean, not a sum); "
    "dlogits = (softmax(logits) - onehot(labels)) / N: the 1/N of the mean belongs to the "
    "gradient too."
)
STABLE_HINT = (
    "Subtract each row's own maximum (not the global one) before exp, and compute "
    "-log p_label as logsumexp - z_label instead of log(softmax): a probability that underflows "
    "to 0 gives log(0) = -inf, and log(p + eps) gives a wrong, capped loss."
)


@pytest.mark.parametrize(
    ("shape", "axis"),
    [
        ((3, 4), None),
        ((3, 4), -1),
        ((4, 4), -1),
        ((4, 4), 1),
        ((3, 4), 0),
        ((1, 6), -1),
        ((6,), 0),
        ((2, 3, 5), 1),
        ((2, 3, 5), -2),
        ((2, 3, 4), 2),
    ],
)
def test_softmax(solution, reference, shape, axis):
    """softmax against the reference for several shapes and axes (the default axis is -1)."""
    x = np.random.default_rng(sum(shape)).standard_normal(shape) * 2.0
    kwargs = {} if axis is None else {"axis": axis}
    check_call(solution, reference, "softmax", x, hint=SOFTMAX_HINT, **kwargs)


def test_softmax_ties(solution, reference):
    """softmax on integer-valued inputs with ties: equal entries get equal probabilities."""
    x = np.array([[0.0, 0.0, 0.0], [1.0, 1.0, -1.0], [2.0, 0.0, 2.0]])
    check_call(solution, reference, "softmax", x, axis=1, hint=SOFTMAX_HINT)


def test_softmax_stable(solution, reference):
    """softmax is stable for entries up to 1e4, with rows on very different scales."""
    x = np.array(
        [[1e4, 0.0, -1e4], [-1e4, -1e4 + 1.0, -1e4 + 2.0], [1000.0, 1000.0, 999.0], [0.0, 5.0, 1e4]]
    )
    check_call(solution.stable, reference.stable, "softmax", x, axis=-1, hint=STABLE_HINT)
    check_call(solution.stable, reference.stable, "softmax", x, axis=0, hint=STABLE_HINT)


@pytest.mark.parametrize(("n", "k"), [(4, 3), (3, 3), (6, 10), (1, 5)])
def test_loss_and_gradient(solution, reference, n, k):
    """softmax_cross_entropy: the mean loss and dlogits against the reference."""
    rng = np.random.default_rng(10 * n + k)
    logits = rng.standard_normal((n, k)) * 2.0
    labels = rng.integers(0, k, size=n)
    check_call(
        solution,
        reference,
        "softmax_cross_entropy",
        logits,
        labels,
        outputs=("loss", "dlogits"),
        hint=LOSS_HINT,
    )


def test_loss_ties_and_repeated_labels(solution, reference):
    """Integer-valued logits with ties and repeated labels (equal logits give loss log K)."""
    logits = np.array([[0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 0.0, -1.0], [2.0, 2.0, 2.0, 1.0]])
    labels = np.array([1, 1, 3])
    check_call(
        solution,
        reference,
        "softmax_cross_entropy",
        logits,
        labels,
        outputs=("loss", "dlogits"),
        hint=LOSS_HINT,
    )


def test_single_class(solution, reference):
    """K = 1: the only class has probability 1, so the loss and its gradient are 0."""
    check_call(
        solution,
        reference,
        "softmax_cross_entropy",
        np.array([[3.0], [-2.0]]),
        np.array([0, 0]),
        outputs=("loss", "dlogits"),
        hint=LOSS_HINT,
    )


@pytest.mark.parametrize(("n", "k"), [(4, 3), (2, 5)])
def test_gradient_matches_own_loss(solution, n, k):
    """dlogits against central differences of your own loss."""
    rng = np.random.default_rng(100 + n)
    inputs = {"logits": rng.standard_normal((n, k)), "labels": rng.integers(0, k, size=n)}
    check_scalar_gradient(
        solution,
        "softmax_cross_entropy",
        inputs,
        wrt="logits",
        value=lambda r: r[0],
        gradient=lambda r: r[1],
        seed=n,
        hint="Your dlogits is not the derivative of your loss: if the loss "
        "is a mean, every row of the gradient carries a factor 1/N.",
    )


def test_loss_stable(solution, reference):
    """softmax_cross_entropy is stable and exact for logits up to 1e4, confident mistakes too."""
    logits = np.array(
        [[1e4, 0.0, -1e4], [-1e4, -1e4 + 1.0, -1e4 + 2.0], [1000.0, 1000.0, 999.0], [0.0, 5.0, 1e4]]
    )
    labels = np.array([2, 0, 2, 1])
    check_call(
        solution.stable,
        reference.stable,
        "softmax_cross_entropy",
        logits,
        labels,
        outputs=("loss", "dlogits"),
        hint=STABLE_HINT,
    )


def test_error_label_too_large(solution):
    """ValueError for a label equal to K (labels must lie in [0, K))."""
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros((3, 4)),
        np.array([0, 4, 1]),
        because="label 4 is outside [0, 4)",
    )


def test_error_label_negative(solution):
    """ValueError for a negative label (NumPy would silently index the last class with -1)."""
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros((3, 4)),
        np.array([0, -1, 1]),
        because="label -1 is outside [0, 4); negative indices wrap around in NumPy",
    )


def test_error_too_many_labels(solution):
    """ValueError when there are more labels than rows of logits."""
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros((3, 4)),
        np.array([0, 1, 2, 3]),
        because="4 labels for 3 rows of logits",
    )


def test_error_too_few_labels(solution):
    """ValueError when there are fewer labels than rows of logits."""
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros((3, 4)),
        np.array([0, 1]),
        because="2 labels for 3 rows of logits",
    )
