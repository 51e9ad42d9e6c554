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
        ((2, 3, 4), 0),
        ((2, 3, 5), -3),
        ((2, 3, 2, 4), 1),
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


def test_softmax_tails(solution, reference):
    """softmax keeps tiny probabilities (down to 1e-278) to full relative precision, any axis."""
    x = np.array([[0.0, -30.0, -200.0, -640.0], [-640.0, -200.0, -30.0, 0.0]])
    for shift, axis in [(0.0, -1), (1e4, -1), (0.0, 0), (-1e4, 0)]:
        check_call(
            solution.stable,
            reference.stable,
            "softmax",
            x + shift,
            axis=axis,
            floor=0.0,
            hint="Every probability is compared relative to its own size here: "
            "exp(x - max) / sum is exact down to 1e-300; do not clip or add an epsilon, and "
            "normalise along the requested axis.",
        )


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


@pytest.mark.parametrize("labels", [[0, 1, 2, 3], [0, 1], [2]], ids=["4", "2", "1"])
def test_error_label_count(solution, labels):
    """ValueError when the number of labels is not N (a single label would broadcast)."""
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros((3, 4)),
        np.array(labels),
        because=f"{len(labels)} labels for 3 rows of logits; NumPy indexing would broadcast "
        "a single label to every row",
    )


def test_error_labels_not_1d(solution):
    """ValueError for labels shaped as a column (N, 1), which NumPy indexing would broadcast."""
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros((3, 4)),
        np.array([[0], [2], [1]]),
        because="labels must be 1-D (N,), got a column of shape (3, 1)",
    )


def test_error_float_labels(solution):
    """ValueError for float labels, even integral ones such as 2.0 (they must be integers)."""
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros((3, 4)),
        np.array([0.0, 2.0, 1.0]),
        because="labels must have an integer dtype, got float64 (as torch's cross_entropy, "
        "which reads float targets as probabilities)",
    )


def test_error_logits_not_2d(solution):
    """ValueError for logits that are not (N, K): one sample (K,), or a 3-D array."""
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros(4),
        np.array([2]),
        because="logits must be 2-D (N, K); one sample is (1, K), not (K,)",
    )
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros((2, 4, 4)),
        np.array([0, 3]),
        because="logits must be 2-D (N, K), got shape (2, 4, 4)",
    )
