"""Cross-check of reference/softmax_cross_entropy.py against torch and its autograd."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("softmax_cross_entropy")


@pytest.mark.parametrize(
    ("shape", "axis"),
    [
        ((5,), -1),
        ((3, 4), -1),
        ((3, 4), 0),
        ((4, 4), 1),
        ((2, 3, 5), 1),
        ((2, 3, 5), -3),
        ((2, 3, 4), 0),
        ((2, 3, 2, 4), 1),
    ],
)
def test_softmax_matches_torch(shape: tuple[int, ...], axis: int) -> None:
    rng = np.random.default_rng(sum(shape))
    x = rng.standard_normal(shape) * 3
    x_copy = x.copy()
    got = ref.softmax(x, axis=axis)
    expected = torch.softmax(torch.tensor(x), dim=axis).numpy()
    np.testing.assert_allclose(got, expected, rtol=1e-13, atol=1e-16)
    np.testing.assert_array_equal(x, x_copy)
    assert got.dtype == np.float64


def test_softmax_default_axis_is_last() -> None:
    x = np.arange(12.0).reshape(3, 4)
    np.testing.assert_allclose(ref.softmax(x), torch.softmax(torch.tensor(x), dim=-1).numpy())


@pytest.mark.parametrize(("n", "k"), [(1, 3), (4, 3), (3, 3), (6, 10), (2, 1)])
def test_loss_and_gradient_match_torch(n: int, k: int) -> None:
    rng = np.random.default_rng(10 * n + k)
    logits = rng.standard_normal((n, k)) * 2
    labels = rng.integers(0, k, size=n)
    copies = (logits.copy(), labels.copy())
    loss, dlogits = ref.softmax_cross_entropy(logits, labels)

    lt = torch.tensor(logits, requires_grad=True)
    t_loss = torch.nn.functional.cross_entropy(lt, torch.tensor(labels))
    t_loss.backward()
    assert isinstance(loss, float)
    np.testing.assert_allclose(loss, t_loss.item(), rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(dlogits, lt.grad.numpy(), rtol=1e-12, atol=1e-16)
    np.testing.assert_array_equal(logits, copies[0])
    np.testing.assert_array_equal(labels, copies[1])


def test_large_logits_are_stable_and_match_torch() -> None:
    logits = np.array(
        [[1e4, 0.0, -1e4], [-1e4, -1e4 + 1.0, -1e4 + 2.0], [1000.0, 1000.0, 999.0], [0.0, 1e4, 5.0]]
    )
    labels = np.array([2, 0, 1, 1])
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        loss, dlogits = ref.softmax_cross_entropy(logits, labels)
        probs = ref.softmax(logits, axis=1)
        probs0 = ref.softmax(logits, axis=0)
    lt = torch.tensor(logits, requires_grad=True)
    t_loss = torch.nn.functional.cross_entropy(lt, torch.tensor(labels))
    t_loss.backward()
    np.testing.assert_allclose(loss, t_loss.item(), rtol=1e-13)
    np.testing.assert_allclose(dlogits, lt.grad.numpy(), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(probs, torch.softmax(torch.tensor(logits), 1).numpy(), atol=1e-300)
    np.testing.assert_allclose(probs0, torch.softmax(torch.tensor(logits), 0).numpy(), atol=1e-300)


def test_softmax_tails_match_torch_relatively() -> None:
    """Probabilities down to 1e-278 agree with torch to 1e-12 of their own size."""
    x = np.array([[0.0, -30.0, -200.0, -640.0], [-640.0, -200.0, -30.0, 0.0]])
    for shift, axis in [(0.0, -1), (1e4, -1), (0.0, 0), (-1e4, 0)]:
        got = ref.softmax(x + shift, axis=axis)
        expected = torch.softmax(torch.tensor(x + shift), dim=axis).numpy()
        np.testing.assert_allclose(got, expected, rtol=1e-12, atol=0.0)


def test_invalid_labels_raise_value_error() -> None:
    logits = np.zeros((3, 4))
    bad = ([0, 1, 4], [0, -1, 2], [0, 1], [0, 1, 2, 3], [2], [[0], [2], [1]], [0.0, 2.0, 1.0])
    for labels in bad:
        with pytest.raises(ValueError):
            ref.softmax_cross_entropy(logits, np.array(labels))
    for logits_shape, labels in [((4,), [2]), ((2, 4, 4), [0, 3])]:
        with pytest.raises(ValueError):
            ref.softmax_cross_entropy(np.zeros(logits_shape), np.array(labels))
    # torch rejects the same labels (it raises IndexError/RuntimeError rather than ValueError)
    with pytest.raises((IndexError, RuntimeError)):
        torch.nn.functional.cross_entropy(torch.zeros(3, 4), torch.tensor([0, 1, 4]))
    # a single label, a column of labels and float labels are errors for torch too
    for labels in (torch.tensor([2]), torch.tensor([[0], [2], [1]]), torch.tensor([0.0, 2.0, 1.0])):
        with pytest.raises((ValueError, RuntimeError)):
            torch.nn.functional.cross_entropy(torch.zeros(3, 4), labels)
    with pytest.raises((ValueError, RuntimeError)):
        torch.nn.functional.cross_entropy(torch.zeros(2, 4, 4), torch.tensor([0, 3]))
