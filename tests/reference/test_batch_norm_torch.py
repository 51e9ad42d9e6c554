"""Cross-check reference/batch_norm.py against torch.nn.functional.batch_norm and nn.BatchNorm."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("batch_norm")

SHAPES = [(4, 3), (1, 5, 2, 3), (2, 3, 4, 5), (5, 2, 1, 1), (3, 4, 3, 2), (7, 1)]


def _params(shape: tuple[int, ...], seed: int) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    c = shape[1]
    x = rng.normal(0.7, 2.0, size=shape)
    gamma = rng.normal(1.0, 0.5, size=c)
    beta = rng.normal(0.0, 0.5, size=c)
    running_mean = rng.normal(0.0, 1.0, size=c)
    running_var = rng.uniform(0.5, 2.0, size=c)
    return x, gamma, beta, running_mean, running_var


def _torch_forward_backward(x, gamma, beta, rm, rv, dout, *, training, momentum, eps):
    xt = torch.tensor(x, requires_grad=True)
    gt = torch.tensor(gamma, requires_grad=True)
    bt = torch.tensor(beta, requires_grad=True)
    rmt, rvt = torch.tensor(rm), torch.tensor(rv)  # updated in place by torch
    out = torch.nn.functional.batch_norm(
        xt, rmt, rvt, gt, bt, training=training, momentum=momentum, eps=eps
    )
    out.backward(torch.tensor(dout))
    return (
        out.detach().numpy(),
        rmt.numpy(),
        rvt.numpy(),
        xt.grad.numpy(),
        gt.grad.numpy(),
        bt.grad.numpy(),
    )


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("training", [True, False])
@pytest.mark.parametrize(("momentum", "eps"), [(0.1, 1e-5), (0.3, 1e-3)])
def test_forward_and_backward_match_torch(shape, training, momentum, eps):
    if training and np.prod(shape) // shape[1] <= 1:
        pytest.skip("torch refuses one value per channel in training")
    x, gamma, beta, rm, rv = _params(shape, seed=sum(shape))
    dout = np.random.default_rng(1).normal(size=shape)
    copies = [a.copy() for a in (x, gamma, beta, rm, rv)]

    out, new_rm, new_rv, cache = ref.batch_norm_forward(
        x, gamma, beta, rm, rv, training=training, momentum=momentum, eps=eps
    )
    dx, dgamma, dbeta = ref.batch_norm_backward(dout, cache)
    expected = _torch_forward_backward(
        x, gamma, beta, rm, rv, dout, training=training, momentum=momentum, eps=eps
    )
    for got, want in zip((out, new_rm, new_rv, dx, dgamma, dbeta), expected, strict=True):
        assert got.dtype == np.float64
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-12)
    for original, now in zip(copies, (x, gamma, beta, rm, rv), strict=True):
        np.testing.assert_array_equal(original, now)


def test_module_batchnorm2d_sequence_of_steps():
    """Several training steps then eval, as nn.BatchNorm2d tracks its running statistics."""
    rng = np.random.default_rng(7)
    c = 3
    bn = torch.nn.BatchNorm2d(c, momentum=0.2, eps=1e-4).double()
    gamma, beta = rng.normal(size=c), rng.normal(size=c)
    with torch.no_grad():
        bn.weight.copy_(torch.tensor(gamma))
        bn.bias.copy_(torch.tensor(beta))
    rm, rv = np.zeros(c), np.ones(c)
    bn.train()
    for _ in range(4):
        x = rng.normal(1.0, 3.0, size=(2, c, 3, 4))
        out, rm, rv, _ = ref.batch_norm_forward(x, gamma, beta, rm, rv, momentum=0.2, eps=1e-4)
        np.testing.assert_allclose(out, bn(torch.tensor(x)).detach().numpy(), rtol=1e-10)
        np.testing.assert_allclose(rm, bn.running_mean.numpy(), rtol=1e-12)
        np.testing.assert_allclose(rv, bn.running_var.numpy(), rtol=1e-12)
    bn.eval()
    x = rng.normal(size=(1, c, 2, 2))
    out, rm2, rv2, _ = ref.batch_norm_forward(
        x, gamma, beta, rm, rv, training=False, momentum=0.2, eps=1e-4
    )
    np.testing.assert_allclose(out, bn(torch.tensor(x)).detach().numpy(), rtol=1e-10)
    np.testing.assert_array_equal(rm2, rm)
    np.testing.assert_array_equal(rv2, rv)


def test_module_batchnorm1d_eval_gradients():
    """Eval-mode gradients against nn.BatchNorm1d with autograd (running stats are constants)."""
    rng = np.random.default_rng(3)
    n, c = 1, 4
    bn = torch.nn.BatchNorm1d(c).double().eval()
    with torch.no_grad():
        bn.running_mean.copy_(torch.tensor(rng.normal(size=c)))
        bn.running_var.copy_(torch.tensor(rng.uniform(0.2, 3.0, size=c)))
        bn.weight.copy_(torch.tensor(rng.normal(size=c)))
        bn.bias.copy_(torch.tensor(rng.normal(size=c)))
    x = rng.normal(size=(n, c))
    dout = rng.normal(size=(n, c))
    xt = torch.tensor(x, requires_grad=True)
    bn(xt).backward(torch.tensor(dout))
    _, _, _, cache = ref.batch_norm_forward(
        x,
        bn.weight.detach().numpy(),
        bn.bias.detach().numpy(),
        bn.running_mean.numpy(),
        bn.running_var.numpy(),
        training=False,
    )
    dx, dgamma, dbeta = ref.batch_norm_backward(dout, cache)
    np.testing.assert_allclose(dx, xt.grad.numpy(), rtol=1e-10)
    np.testing.assert_allclose(dgamma, bn.weight.grad.numpy(), rtol=1e-10)
    np.testing.assert_allclose(dbeta, bn.bias.grad.numpy(), rtol=1e-10)


def test_small_variance_and_constant_channel():
    """eps inside the square root: tiny and zero variances match torch, without NaN."""
    rng = np.random.default_rng(5)
    x = 3.0 + 1e-3 * rng.normal(size=(4, 3, 2, 2))
    x[:, 1] = -2.0  # a constant channel
    gamma, beta = rng.normal(size=3), rng.normal(size=3)
    dout = rng.normal(size=x.shape)
    out, rm, rv, cache = ref.batch_norm_forward(x, gamma, beta, np.zeros(3), np.ones(3))
    grads = ref.batch_norm_backward(dout, cache)
    expected = _torch_forward_backward(
        x, gamma, beta, np.zeros(3), np.ones(3), dout, training=True, momentum=0.1, eps=1e-5
    )
    for got, want in zip((out, rm, rv, *grads), expected, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(out[:, 1], beta[1])


def test_value_errors_follow_torch():
    """One value per channel in training is refused, as torch does; bad shapes too."""
    x = np.ones((1, 3))
    with pytest.raises(ValueError, match="more than 1 value per channel"):
        torch.nn.functional.batch_norm(
            torch.tensor(x),
            torch.zeros(3, dtype=torch.float64),
            torch.ones(3, dtype=torch.float64),
            training=True,
        )
    with pytest.raises(ValueError, match="more than 1 value"):
        ref.batch_norm_forward(x, np.ones(3), np.zeros(3), np.zeros(3), np.ones(3))
    out, *_ = ref.batch_norm_forward(
        x, np.ones(3), np.zeros(3), np.zeros(3), np.ones(3), training=False
    )
    assert out.shape == (1, 3)
    with pytest.raises(ValueError, match="gamma"):
        ref.batch_norm_forward(np.ones((2, 3)), np.ones(4), np.zeros(3), np.zeros(3), np.ones(3))
    with pytest.raises(ValueError, match="running_var"):
        ref.batch_norm_forward(np.ones((2, 3)), np.ones(3), np.zeros(3), np.zeros(3), np.ones(2))
    with pytest.raises(ValueError, match="x must"):
        ref.batch_norm_forward(np.ones(3), np.ones(3), np.zeros(3), np.zeros(3), np.ones(3))


def test_caches_of_both_modes_are_independent():
    """A training and an evaluation forward pass, then both backward passes in reverse order:
    each matches torch for its own mode."""
    x, gamma, beta, rm, rv = _params((3, 2, 2, 2), seed=11)
    x2 = x * 1.5 - 0.3
    dout = np.random.default_rng(2).normal(size=x.shape)
    _, _, _, cache_train = ref.batch_norm_forward(x, gamma, beta, rm, rv, training=True)
    _, _, _, cache_eval = ref.batch_norm_forward(x2, gamma, beta, rm, rv, training=False)
    got_eval = ref.batch_norm_backward(dout, cache_eval)
    got_train = ref.batch_norm_backward(dout, cache_train)
    for got, inputs, training in ((got_train, x, True), (got_eval, x2, False)):
        expected = _torch_forward_backward(
            inputs, gamma, beta, rm, rv, dout, training=training, momentum=0.1, eps=1e-5
        )
        for g, e in zip(got, expected[3:], strict=True):
            np.testing.assert_allclose(g, e, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("name", ["gamma", "beta", "running_mean", "running_var"])
@pytest.mark.parametrize("bad_shape", [(1,), (3, 1)])
@pytest.mark.parametrize("x_shape", [(3, 3), (2, 3, 2, 2)])
def test_parameters_that_would_broadcast_are_refused(name, bad_shape, x_shape):
    """The contract asks for exactly (C,). Torch agrees for (1,) everywhere and (C, 1) running
    statistics; it flattens a (C, 1) weight or bias, which the kata refuses (rule 6)."""
    x, gamma, beta, rm, rv = _params(x_shape, seed=3)
    args = {"gamma": gamma, "beta": beta, "running_mean": rm, "running_var": rv}
    args[name] = np.ones(bad_shape)
    with pytest.raises(ValueError, match=name):
        ref.batch_norm_forward(x, *args.values())
    if bad_shape == (1,) or name.startswith("running"):
        t = {k: torch.tensor(v) for k, v in args.items()}
        with pytest.raises(RuntimeError):
            torch.nn.functional.batch_norm(
                torch.tensor(x), t["running_mean"], t["running_var"], t["gamma"], t["beta"],
                training=True,
            )  # fmt: skip


@pytest.mark.parametrize("shape", [(3,), (2, 3, 4), (2, 3, 2, 2, 2)])
def test_inputs_that_are_not_2d_or_4d_are_refused(shape):
    """Torch's functional batch_norm takes (N, C, L) and 5-D too; the kata's contract does not."""
    x = np.ones(shape)
    for training in (True, False):
        with pytest.raises(ValueError, match="x must"):
            ref.batch_norm_forward(
                x, np.ones(3), np.zeros(3), np.zeros(3), np.ones(3), training=training
            )


def test_dout_of_the_wrong_shape_is_refused():
    x, gamma, beta, rm, rv = _params((4, 3), seed=4)
    *_, cache = ref.batch_norm_forward(x, gamma, beta, rm, rv)
    with pytest.raises(ValueError, match="dout"):
        ref.batch_norm_backward(np.ones((1, 3)), cache)
