"""Cross-check of reference/regularization.py against torch autograd, torch.optim.SGD's
weight_decay and scikit-learn's ElasticNet."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("regularization")

SHAPES = [(5,), (3, 4), (2, 3, 2, 2), (1,), ()]


def _weights(shape: tuple[int, ...], seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    w = np.asarray(rng.standard_normal(shape) * 3.0, dtype=np.float64)
    if w.size >= 3:
        w.flat[::3] = 0.0  # exact zeros, where the L1 gradient is a convention
    return w


def _autograd(w: np.ndarray, penalty) -> tuple[float, np.ndarray]:
    wt = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    value = penalty(wt)
    value.backward()
    return float(value.detach()), wt.grad.numpy()


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("lam", [0.0, 0.3, 2.0])
def test_penalties_match_torch_autograd(shape: tuple[int, ...], lam: float) -> None:
    w = _weights(shape, sum(shape) + int(10 * lam))
    copy = w.copy()
    cases = [
        (ref.l1_penalty(w, lam), lambda t: lam * t.abs().sum()),
        (ref.l2_penalty(w, lam), lambda t: 0.5 * lam * (t**2).sum()),
    ]
    for ratio in (0.0, 0.2, 0.5, 1.0):
        cases.append(
            (
                ref.elastic_net_penalty(w, lam, ratio),
                lambda t, r=ratio: lam * (r * t.abs().sum() + 0.5 * (1 - r) * (t**2).sum()),
            )
        )
    for (penalty, grad), torch_penalty in cases:
        t_penalty, t_grad = _autograd(w, torch_penalty)
        assert isinstance(penalty, float)
        assert grad.shape == w.shape and np.asarray(grad).dtype == np.float64
        np.testing.assert_allclose(penalty, t_penalty, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(grad, t_grad, rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(w, copy)


def test_l1_gradient_at_zero_is_zero_as_torch() -> None:
    w = np.array([0.0, -0.0, 2.0, -3.0])
    _, grad = ref.l1_penalty(w, 1.5)
    _, t_grad = _autograd(w, lambda t: 1.5 * t.abs().sum())
    np.testing.assert_array_equal(grad, t_grad)
    np.testing.assert_array_equal(grad, [0.0, 0.0, 1.5, -1.5])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_l2_gradient_is_sgd_weight_decay(seed: int) -> None:
    """Several SGD steps with weight_decay=lam equal SGD without it on grad + l2 gradient."""
    rng = np.random.default_rng(seed)
    lam = [0.1, 0.01, 0.5][seed]
    p0 = rng.standard_normal((3, 4))
    p = torch.tensor(p0, dtype=torch.float64, requires_grad=True)
    optimiser = torch.optim.SGD([p], lr=0.1, weight_decay=lam)
    ours = p0.copy()
    for step, lr in enumerate([0.1, 0.05, 0.2, 0.01]):
        g = rng.standard_normal((3, 4))
        for group in optimiser.param_groups:
            group["lr"] = lr
        p.grad = torch.tensor(g, dtype=torch.float64)
        optimiser.step()
        _, decay = ref.l2_penalty(ours, lam)
        ours = ours - lr * (g + decay)
        np.testing.assert_allclose(
            ours, p.detach().numpy(), rtol=1e-12, atol=1e-14, err_msg=f"step {step}"
        )


@pytest.mark.parametrize(("alpha", "l1_ratio"), [(0.1, 0.5), (0.05, 0.2), (0.2, 0.9), (0.1, 0.0)])
def test_elastic_net_is_sklearns_penalty(alpha: float, l1_ratio: float) -> None:
    """The coefficients scikit-learn's ElasticNet fits are a stationary point of its data term
    plus our penalty: our gradient cancels the data term's on every non-zero coefficient, and on
    a zero one the data term lies within the L1 part's subgradient interval."""
    sklearn = pytest.importorskip("sklearn.linear_model")
    rng = np.random.default_rng(int(100 * alpha + 10 * l1_ratio))
    n, d = 60, 8
    x = rng.standard_normal((n, d))
    true = np.array([2.0, -1.5, 0.0, 0.0, 0.7, 0.0, 0.0, -0.3])
    y = x @ true + 0.1 * rng.standard_normal(n)
    model = sklearn.ElasticNet(
        alpha=alpha, l1_ratio=l1_ratio, fit_intercept=False, tol=1e-14, max_iter=100_000
    )
    w = model.fit(x, y).coef_
    data_grad = -x.T @ (y - x @ w) / n  # of sklearn's 1 / (2 n) * ||y - x w||^2
    _, grad = ref.elastic_net_penalty(w, alpha, l1_ratio)
    nonzero = w != 0
    assert nonzero.any()
    np.testing.assert_allclose((data_grad + grad)[nonzero], 0.0, atol=1e-8)
    assert np.all(np.abs(data_grad[~nonzero]) <= alpha * l1_ratio + 1e-8)


def test_errors() -> None:
    w = np.ones(3)
    for f in (ref.l1_penalty, ref.l2_penalty):
        with pytest.raises(ValueError):
            f(w, -0.1)
    with pytest.raises(ValueError):
        ref.elastic_net_penalty(w, -0.1, 0.5)
    for ratio in (-0.1, 1.1):
        with pytest.raises(ValueError):
            ref.elastic_net_penalty(w, 0.1, ratio)
    # torch.optim.SGD refuses a negative weight_decay too
    with pytest.raises(ValueError):
        torch.optim.SGD([torch.zeros(2, requires_grad=True)], lr=0.1, weight_decay=-0.1)
    # and sklearn refuses an l1_ratio outside [0, 1]
    sklearn = pytest.importorskip("sklearn.linear_model")
    with pytest.raises(ValueError):
        sklearn.ElasticNet(alpha=0.1, l1_ratio=1.5).fit(np.ones((3, 2)), np.ones(3))
