"""Cross-check of reference/fgsm.py against PyTorch: `x + eps * x.grad.sign()` clamped, with the
gradient from autograd through `F.binary_cross_entropy_with_logits`."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from tests.support import load_reference

ref = load_reference("fgsm")

SHAPES = [(5,), (2, 3), (2, 3, 4, 4), (1, 1), (0,), ()]
CLIPS = [(0.0, 1.0), (-1.0, 2.0), (0.2, 0.7)]


def _gradient(shape: tuple[int, ...], seed: int) -> np.ndarray:
    """Random signs and sizes, with exact zeros, negative zeros and tiny values among them."""
    rng = np.random.default_rng(seed)
    g = rng.standard_normal(shape) * 10.0 ** rng.integers(-8, 3, size=shape)
    flat = g.reshape(-1)
    flat[::5] = 0.0
    flat[1::7] = -0.0
    flat[2::9] = 5e-324
    return g


def _torch_attack(x: np.ndarray, grad: np.ndarray, eps: float, lo: float, hi: float) -> np.ndarray:
    xt, gt = torch.tensor(x, dtype=torch.float64), torch.tensor(grad, dtype=torch.float64)
    return torch.clamp(xt + eps * gt.sign(), lo, hi).numpy()


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(("clip_min", "clip_max"), CLIPS)
@pytest.mark.parametrize("epsilon", [0.0, 0.03, 0.25, 1.5])
def test_fgsm_attack_matches_torch(shape, clip_min, clip_max, epsilon) -> None:
    rng = np.random.default_rng(len(shape) + int(epsilon * 100))
    x = rng.uniform(-0.5, 1.5, size=shape)  # some entries start outside the range
    grad = _gradient(shape, 7 + len(shape))
    x_copy, g_copy = x.copy(), grad.copy()
    got = ref.fgsm_attack(x, grad, epsilon, clip_min=clip_min, clip_max=clip_max)
    expected = _torch_attack(x, grad, epsilon, clip_min, clip_max)
    assert isinstance(got, np.ndarray) and got.dtype == np.float64 and got.shape == x.shape
    np.testing.assert_array_equal(got, expected)  # exact: one addition and a clamp
    np.testing.assert_array_equal(x, x_copy)
    np.testing.assert_array_equal(grad, g_copy)
    assert not np.shares_memory(got, x)


def _torch_logistic(x, y, w, b, eps, lo, hi):
    """The attack as PyTorch users write it: autograd through the library's loss."""
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    wt = torch.tensor(w, dtype=torch.float64)
    loss = F.binary_cross_entropy_with_logits(xt @ wt + b, torch.tensor(y, dtype=torch.float64))
    loss.backward()
    grad = xt.grad.detach()
    adv = torch.clamp(xt.detach() + eps * grad.sign(), lo, hi)
    return adv.numpy(), grad.numpy()


CASES = [(1, 1), (4, 3), (7, 5), (16, 10), (3, 64)]


@pytest.mark.parametrize(("n", "d"), CASES)
@pytest.mark.parametrize("integer_labels", [False, True])
@pytest.mark.parametrize(("clip_min", "clip_max"), CLIPS)
def test_logistic_fgsm_matches_autograd(n, d, integer_labels, clip_min, clip_max) -> None:
    rng = np.random.default_rng(100 * n + d)
    x = rng.uniform(0.0, 1.0, size=(n, d))
    w = rng.standard_normal(d) * 3.0
    w[:: max(1, d // 3)] = 0.0 if d > 1 else w[0]
    b = float(rng.standard_normal())
    y = rng.integers(0, 2, size=n)
    y = y if integer_labels else y.astype(np.float64)
    eps = 0.1
    x_copy = x.copy()
    got = ref.logistic_fgsm(x, y, w, b, eps, clip_min=clip_min, clip_max=clip_max)
    expected, grad = _torch_logistic(x, y, w, b, eps, clip_min, clip_max)
    np.testing.assert_array_equal(got, expected)
    np.testing.assert_array_equal(x, x_copy)
    # the gradient the contract gives, (p - y) w / N, is autograd's
    p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
    np.testing.assert_allclose((p - y)[:, None] * w[None, :] / n, grad, rtol=1e-12, atol=1e-300)


LOGITS = np.array([-1e4, -800.0, -40.0, -20.0, -1.0, 0.0, 1.0, 20.0, 40.0, 800.0, 1e4])


def test_logistic_fgsm_extreme_logits_are_stable_and_match_torch() -> None:
    """Logits up to 1e4 on both sides of both labels; rows with the logit beyond 37 on the
    label's side are where the contract accepts either outcome, and the reference agrees with
    torch there too (both compute p - y as sigmoid(z) - y)."""
    w = np.array([1e4, -1e4])
    a = np.where(LOGITS > 0, LOGITS / 1e4, 0.0)
    x = np.stack([a, a - LOGITS / 1e4], axis=1)  # x @ w == LOGITS up to rounding
    x = np.concatenate([x, x])
    y = np.repeat([0, 1], LOGITS.size)
    for b in (0.0, 0.5, -0.5):
        with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
            warnings.simplefilter("error")
            got = ref.logistic_fgsm(x, y, w, b, 0.2)
        expected, _ = _torch_logistic(x, y, w, b, 0.2, 0.0, 1.0)
        np.testing.assert_array_equal(got, expected)
        assert np.all(np.isfinite(got))


def test_one_minus_p_written_as_sigmoid_of_minus_z_steps_fully() -> None:
    """Where p rounds to y (logit 40 for y = 1), torch's gradient is exactly 0, no step, while
    -sigmoid(-z) gives a tiny gradient of the right sign: the contract accepts both, and these
    are the only two outcomes."""
    x, w, y = np.array([[0.5, 0.5]]), np.array([40.0, 40.0]), np.array([1.0])
    expected, grad = _torch_logistic(x, y, w, 0.0, 0.1, 0.0, 1.0)
    assert np.all(grad == 0.0)
    np.testing.assert_array_equal(expected, x)
    np.testing.assert_array_equal(ref.logistic_fgsm(x, y, w, 0.0, 0.1), x)
    tiny = -1.0 / (1.0 + np.exp(40.0)) * w / 1
    assert np.all(tiny < 0)
    np.testing.assert_array_equal(ref.fgsm_attack(x, tiny[None, :], 0.1), [[0.4, 0.4]])


@pytest.mark.parametrize("function", ["fgsm_attack", "logistic_fgsm"])
def test_negative_epsilon_is_an_error(function) -> None:
    args = (
        (np.zeros((2, 2)), np.ones((2, 2)))
        if function == "fgsm_attack"
        else (np.zeros((2, 2)), np.array([0, 1]), np.ones(2), 0.0)
    )
    with pytest.raises(ValueError, match="epsilon"):
        getattr(ref, function)(*args, -0.01)
