"""Hidden tests for the `softmax_cross_entropy` kata: softmax, mean cross-entropy, gradient."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import check_call, check_scalar_gradient, expect_value_error, note


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
    x = np.random.default_rng(sum(shape)).standard_normal(shape) * 2.0
    kwargs = {} if axis is None else {"axis": axis}
    check_call(solution, reference, "softmax", x, hint=note("softmax"), **kwargs)


def test_softmax_ties(solution, reference):
    x = np.array([[0.0, 0.0, 0.0], [1.0, 1.0, -1.0], [2.0, 0.0, 2.0]])
    check_call(solution, reference, "softmax", x, axis=1, hint=note("softmax"))


def test_softmax_stable(solution, reference):
    x = np.array(
        [[1e4, 0.0, -1e4], [-1e4, -1e4 + 1.0, -1e4 + 2.0], [1000.0, 1000.0, 999.0], [0.0, 5.0, 1e4]]
    )
    check_call(solution.stable, reference.stable, "softmax", x, axis=-1, hint=note("stable"))
    check_call(solution.stable, reference.stable, "softmax", x, axis=0, hint=note("stable"))


def test_softmax_tails(solution, reference):
    x = np.array([[0.0, -30.0, -200.0, -640.0], [-640.0, -200.0, -30.0, 0.0]])
    for shift, axis in [(0.0, -1), (1e4, -1), (0.0, 0), (-1e4, 0)]:
        check_call(
            solution.stable,
            reference.stable,
            "softmax",
            x + shift,
            axis=axis,
            floor=0.0,
            hint=note("softmax_tails"),
        )


@pytest.mark.parametrize(("n", "k"), [(4, 3), (3, 3), (6, 10), (1, 5)])
def test_loss_and_gradient(solution, reference, n, k):
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
        hint=note("loss"),
    )


def test_loss_ties_and_repeated_labels(solution, reference):
    logits = np.array([[0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 0.0, -1.0], [2.0, 2.0, 2.0, 1.0]])
    labels = np.array([1, 1, 3])
    check_call(
        solution,
        reference,
        "softmax_cross_entropy",
        logits,
        labels,
        outputs=("loss", "dlogits"),
        hint=note("loss"),
    )


def test_single_class(solution, reference):
    check_call(
        solution,
        reference,
        "softmax_cross_entropy",
        np.array([[3.0], [-2.0]]),
        np.array([0, 0]),
        outputs=("loss", "dlogits"),
        hint=note("loss"),
    )


@pytest.mark.parametrize(("n", "k"), [(4, 3), (2, 5)])
def test_gradient_matches_own_loss(solution, n, k):
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
        hint=note("gradient_matches_own_loss"),
    )


def test_loss_stable(solution, reference):
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
        hint=note("stable"),
    )


def test_error_label_too_large(solution):
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros((3, 4)),
        np.array([0, 4, 1]),
        because=note("label_too_large"),
    )


def test_error_label_negative(solution):
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros((3, 4)),
        np.array([0, -1, 1]),
        because=note("label_negative"),
    )


@pytest.mark.parametrize("labels", [[0, 1, 2, 3], [0, 1], [2]], ids=["4", "2", "1"])
def test_error_label_count(solution, labels):
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros((3, 4)),
        np.array(labels),
        because=note("label_count", count=len(labels)),
    )


def test_error_labels_not_1d(solution):
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros((3, 4)),
        np.array([[0], [2], [1]]),
        because=note("labels_column"),
    )


def test_error_float_labels(solution):
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros((3, 4)),
        np.array([0.0, 2.0, 1.0]),
        because=note("float_labels"),
    )


def test_error_logits_not_2d(solution):
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros(4),
        np.array([2]),
        because=note("logits_1d"),
    )
    expect_value_error(
        solution,
        "softmax_cross_entropy",
        np.zeros((2, 4, 4)),
        np.array([0, 3]),
        because=note("logits_3d"),
    )
