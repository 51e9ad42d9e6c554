"""Cross-check of reference/mlp_backprop.py against PyTorch: the loss against F.cross_entropy plus
the L2 term, the gradients against autograd, the initialisation against kaiming_normal_, and the
training loop against torch.optim.SGD stepping over the same batches."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from scipy import stats

from tests.support import load_reference

ref = load_reference("mlp_backprop")
KEYS = ("w1", "b1", "w2", "b2")


def random_case(n, d, h, k, seed, scale=1.0):
    rng = np.random.default_rng(seed)
    params = {
        "w1": rng.standard_normal((h, d)) * scale,
        "b1": rng.standard_normal(h) * scale,
        "w2": rng.standard_normal((k, h)) * scale,
        "b2": rng.standard_normal(k) * scale,
    }
    return rng.standard_normal((n, d)), rng.integers(0, k, size=n), params


def torch_loss_and_grads(x, y, params, reg):
    leaves = {
        k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in params.items()
    }
    xt = torch.tensor(x, dtype=torch.float64)
    scores = F.linear(F.relu(F.linear(xt, leaves["w1"], leaves["b1"])), leaves["w2"], leaves["b2"])
    loss = F.cross_entropy(scores, torch.tensor(y, dtype=torch.int64))
    loss = loss + 0.5 * reg * (leaves["w1"].pow(2).sum() + leaves["w2"].pow(2).sum())
    loss.backward()
    return loss.item(), {k: v.grad.numpy() for k, v in leaves.items()}


CASES = [(5, 3, 4, 3), (8, 2, 6, 4), (1, 3, 5, 2), (6, 1, 4, 3), (4, 3, 1, 3), (3, 2, 4, 1)]


@pytest.mark.parametrize(("n", "d", "h", "k"), CASES)
@pytest.mark.parametrize("reg", [0.0, 0.3])
def test_loss_and_grads_match_autograd(n, d, h, k, reg):
    x, y, params = random_case(n, d, h, k, seed=100 * n + 10 * d + h + k)
    copies = {key: value.copy() for key, value in params.items()}
    loss, grads = ref.mlp_loss_and_grads(x, y, params, reg=reg)
    t_loss, t_grads = torch_loss_and_grads(x, y, params, reg)
    assert isinstance(loss, float)
    assert loss == pytest.approx(t_loss, rel=1e-12, abs=1e-12)
    for key in KEYS:
        assert grads[key].shape == params[key].shape and grads[key].dtype == np.float64
        np.testing.assert_allclose(grads[key], t_grads[key], rtol=1e-10, atol=1e-12)
        np.testing.assert_array_equal(params[key], copies[key])


def test_relu_derivative_at_zero_is_autograds():
    """Pre-activations of exactly 0 (integer data): torch's ReLU passes no gradient there."""
    x = np.array([[1.0, 2.0], [0.0, 1.0], [2.0, -1.0], [-1.0, 1.0]])
    params = {
        "w1": np.array([[1.0, -1.0], [2.0, -1.0], [0.0, 1.0]]),
        "b1": np.array([1.0, 0.0, -1.0]),
        "w2": np.array([[1.0, -2.0, 0.5], [-1.0, 1.0, 2.0]]),
        "b2": np.array([0.0, 0.5]),
    }
    y = np.array([0, 1, 1, 0])
    pre = x @ params["w1"].T + params["b1"]
    assert (pre == 0).sum() >= 3
    _, grads = ref.mlp_loss_and_grads(x, y, params)
    _, t_grads = torch_loss_and_grads(x, y, params, 0.0)
    for key in KEYS:
        np.testing.assert_allclose(grads[key], t_grads[key], rtol=1e-12, atol=1e-15)


def test_stable_for_large_scores_like_torch():
    x, y, params = random_case(6, 2, 5, 3, seed=7, scale=12.0)
    x = x * 3
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # underflow is fine
        loss, grads = ref.mlp_loss_and_grads(x, y, params, reg=1e-3)
    scores = np.maximum(x @ params["w1"].T + params["b1"], 0) @ params["w2"].T + params["b2"]
    assert np.abs(scores).max() > 1e3
    t_loss, t_grads = torch_loss_and_grads(x, y, params, 1e-3)
    assert loss == pytest.approx(t_loss, rel=1e-12)
    for key in KEYS:
        np.testing.assert_allclose(grads[key], t_grads[key], rtol=1e-9, atol=1e-12)


def test_initialisation_is_kaiming_normal_fan_in():
    """epochs=0: w1 and w2 have kaiming_normal_'s (fan_in, relu) standard deviation."""
    d, h, k = 300, 700, 400
    x = np.zeros((2, d))
    params = ref.train_mlp(
        x,
        np.zeros(2, dtype=np.int64),
        hidden_size=h,
        num_classes=k,
        lr=0.1,
        epochs=0,
        batch_size=1,
        rng=np.random.default_rng(0),
    )
    torch.manual_seed(0)
    for key, shape in (("w1", (h, d)), ("w2", (k, h))):
        theirs = torch.nn.init.kaiming_normal_(
            torch.empty(shape, dtype=torch.float64), mode="fan_in", nonlinearity="relu"
        ).numpy()
        ours = params[key]
        assert ours.shape == shape
        # the same distribution: a two-sample KS test, and the same standard deviation
        assert stats.ks_2samp(ours.ravel(), theirs.ravel()).pvalue > 1e-4
        assert ours.std() == pytest.approx(np.sqrt(2.0 / shape[1]), rel=0.01)
        assert theirs.std() == pytest.approx(np.sqrt(2.0 / shape[1]), rel=0.01)
    assert not params["b1"].any() and not params["b2"].any()


class Net(torch.nn.Module):
    def __init__(self, params):
        super().__init__()
        self.fc1 = torch.nn.Linear(params["w1"].shape[1], params["w1"].shape[0]).double()
        self.fc2 = torch.nn.Linear(params["w2"].shape[1], params["w2"].shape[0]).double()
        with torch.no_grad():
            for layer, w, b in ((self.fc1, "w1", "b1"), (self.fc2, "w2", "b2")):
                layer.weight.copy_(torch.from_numpy(params[w]))
                layer.bias.copy_(torch.from_numpy(params[b]))

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


@pytest.mark.parametrize(("batch_size", "epochs", "reg"), [(4, 2, 0.0), (3, 3, 0.05), (20, 2, 0.1)])
def test_training_equals_torch_sgd_over_the_same_batches(batch_size, epochs, reg):
    """train_mlp is torch.optim.SGD over the epochs' batches: the same initial parameters (read
    back with epochs=0), the same orders (the same seed draws them again after the init), and
    the L2 term in the loss (SGD's weight_decay would decay the biases too)."""
    n, d, h, k, lr = 10, 3, 6, 3, 0.3
    x, y, _ = random_case(n, d, h, k, seed=batch_size)
    kwargs = {"hidden_size": h, "num_classes": k, "lr": lr, "batch_size": batch_size, "reg": reg}
    start = ref.train_mlp(x, y, epochs=0, rng=np.random.default_rng(5), **kwargs)
    ours = ref.train_mlp(x, y, epochs=epochs, rng=np.random.default_rng(5), **kwargs)
    rng = np.random.default_rng(5)
    rng.standard_normal((h, d))
    rng.standard_normal((k, h))
    net = Net(start)
    optimiser = torch.optim.SGD(net.parameters(), lr=lr)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    for _ in range(epochs):
        order = torch.from_numpy(rng.permutation(n))
        for batch in order.split(batch_size):
            optimiser.zero_grad()
            loss = F.cross_entropy(net(xt[batch]), yt[batch])
            loss = loss + 0.5 * reg * (net.fc1.weight.pow(2).sum() + net.fc2.weight.pow(2).sum())
            loss.backward()
            optimiser.step()
    theirs = {"w1": net.fc1.weight, "b1": net.fc1.bias, "w2": net.fc2.weight, "b2": net.fc2.bias}
    for key in KEYS:
        np.testing.assert_allclose(ours[key], theirs[key].detach().numpy(), rtol=1e-10, atol=1e-12)


def test_l2_gradient_is_sgd_weight_decay_on_the_weights():
    """reg * w, the penalty's gradient, is what SGD(weight_decay=reg) adds, on w1 and w2 only."""
    x, y, params = random_case(5, 3, 4, 3, seed=9)
    _, plain = ref.mlp_loss_and_grads(x, y, params)
    _, with_reg = ref.mlp_loss_and_grads(x, y, params, reg=0.25)
    for key in KEYS:
        added = 0.25 * params[key] if key.startswith("w") else np.zeros_like(params[key])
        np.testing.assert_allclose(with_reg[key] - plain[key], added, atol=1e-12)
    weight = torch.tensor(params["w1"], requires_grad=True)
    weight.grad = torch.zeros_like(weight)
    torch.optim.SGD([weight], lr=1.0, weight_decay=0.25).step()
    np.testing.assert_allclose(params["w1"] - weight.detach().numpy(), 0.25 * params["w1"])


def test_learns_the_spiral():
    """The contract's task reaches about 0.98 training accuracy."""
    g = np.random.default_rng(0)
    x = np.zeros((300, 2))
    y = np.repeat(np.arange(3), 100)
    for j in range(3):
        t = np.linspace(j * 4.0, (j + 1) * 4.0, 100) + g.standard_normal(100) * 0.2
        r = np.linspace(0.0, 1.0, 100)
        x[100 * j : 100 * (j + 1)] = np.c_[r * np.sin(t), r * np.cos(t)]
    p = ref.train_mlp(
        x,
        y,
        hidden_size=64,
        num_classes=3,
        lr=0.5,
        epochs=300,
        batch_size=30,
        reg=1e-4,
        rng=np.random.default_rng(0),
    )
    scores = np.maximum(x @ p["w1"].T + p["b1"], 0) @ p["w2"].T + p["b2"]
    assert (scores.argmax(axis=1) == y).mean() >= 0.95


def test_error_rules():
    x, y, params = random_case(3, 2, 4, 3, seed=11)
    for bad in (y[:, None], y[:1], np.array([0, -1, 2]), np.array([0, 3, 1])):
        with pytest.raises(ValueError):
            ref.mlp_loss_and_grads(x, bad, params)
    with pytest.raises(ValueError):
        ref.mlp_loss_and_grads(x, y, params, reg=-0.1)
    # torch refuses a label of K too (an index error), while -1 is its ignore_index
    with pytest.raises(IndexError):
        F.cross_entropy(torch.zeros(3, 3), torch.tensor([0, 3, 1]))
    base = {"hidden_size": 4, "num_classes": 3, "lr": 0.1, "epochs": 1, "batch_size": 2}
    for change in ({"hidden_size": 0}, {"batch_size": 0}, {"batch_size": -1}, {"epochs": -1}):
        with pytest.raises(ValueError):
            ref.train_mlp(x, y, rng=np.random.default_rng(0), **{**base, **change})
    with pytest.raises(ValueError):
        ref.train_mlp(
            np.zeros((0, 2)),
            np.zeros(0, dtype=np.int64),
            rng=np.random.default_rng(0),
            **{**base, "num_classes": 0},
        )
