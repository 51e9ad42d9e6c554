"""The `magnitude_pruning` reference against `torch.nn.utils.prune.l1_unstructured` and
`global_unstructured` on the weights of `nn.Linear` and `nn.Conv2d` modules."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn
from torch.nn.utils import prune

from tests.support import load_reference

ref = load_reference("magnitude_pruning")


def module_with(weight: np.ndarray) -> nn.Module:
    """A Linear (2-D weight) or Conv2d (4-D weight) module holding `weight` in float64."""
    if weight.ndim == 2:
        module = nn.Linear(weight.shape[1], weight.shape[0]).double()
    else:
        c_out, c_in, kh, kw = weight.shape
        module = nn.Conv2d(c_in, c_out, (kh, kw)).double()
    with torch.no_grad():
        module.weight.copy_(torch.from_numpy(weight))
    return module


def torch_prune(weight: np.ndarray, amount):
    module = module_with(weight)
    prune.l1_unstructured(module, "weight", amount=amount)
    return module.weight.detach().numpy().copy(), module.weight_mask.numpy().copy()


def torch_global(weights: list[np.ndarray], amount):
    modules = [module_with(w) for w in weights]
    prune.global_unstructured(
        [(m, "weight") for m in modules], pruning_method=prune.L1Unstructured, amount=amount
    )
    return (
        [m.weight.detach().numpy().copy() for m in modules],
        [m.weight_mask.numpy().copy() for m in modules],
    )


def distinct(shape, seed):
    """Normal weights: distinct magnitudes, so the mask is unique."""
    return np.random.default_rng(seed).standard_normal(shape)


SHAPES = [(4, 5), (6, 3), (3, 2, 3, 3), (2, 1, 1, 4), (1, 7)]
AMOUNTS = [0.0, 0.1, 0.25, 0.5, 0.7, 1.0, 0, 1, 3, np.int64(2)]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("amount", AMOUNTS, ids=repr)
def test_prune_matches_l1_unstructured(shape, amount):
    w = distinct(shape, seed=sum(shape))
    original = w.copy()
    pruned, mask = ref.prune_by_magnitude(w, amount)
    t_pruned, t_mask = torch_prune(w, amount)
    np.testing.assert_array_equal(mask, t_mask)
    np.testing.assert_array_equal(pruned, t_pruned)
    assert mask.dtype == pruned.dtype == np.float64 and mask.shape == w.shape
    np.testing.assert_array_equal(w, original)


# halves to even as torch rounds them: 0.5 of 5 -> 2, 0.125 of 12 -> 2, 0.25 of 14 -> 4
@pytest.mark.parametrize(
    ("shape", "amount", "k"),
    [
        ((1, 5), 0.5, 2),
        ((3, 4), 0.125, 2),
        ((2, 5), 0.25, 2),
        ((2, 7), 0.25, 4),
        ((3, 3), 0.3, 3),
        ((1, 1), 0.5, 0),
    ],
)
def test_rounding_matches_torch(shape, amount, k):
    w = distinct(shape, seed=3)
    _, mask = ref.prune_by_magnitude(w, amount)
    _, t_mask = torch_prune(w, amount)
    assert int((mask == 0).sum()) == int((t_mask == 0).sum()) == k
    np.testing.assert_array_equal(mask, t_mask)


def test_zeros_ranked_as_torch_ranks_them():
    """Weights already 0 are the smallest magnitudes for torch too; with more zeros than k,
    torch picks some of them (topk's choice), the reference others: same count, all zeros."""
    w = distinct((4, 5), seed=8)
    w.ravel()[[1, 4, 9, 13, 17]] = 0.0
    for amount in (0.5, 8, 0.75):  # k > number of zeros: unique mask
        _, mask = ref.prune_by_magnitude(w, amount)
        _, t_mask = torch_prune(w, amount)
        np.testing.assert_array_equal(mask, t_mask)
    for amount in (2, 0.15):  # k < number of zeros: ties among the zeros
        _, mask = ref.prune_by_magnitude(w, amount)
        _, t_mask = torch_prune(w, amount)
        k = int((t_mask == 0).sum())
        assert int((mask == 0).sum()) == k
        assert np.all(w[mask == 0] == 0) and np.all(w[t_mask == 0] == 0)


def test_ties_same_count_and_order_as_torch():
    rng = np.random.default_rng(1)
    w = rng.integers(1, 4, size=(3, 4)) * rng.choice([-1.0, 1.0], size=(3, 4))
    for amount in (0.25, 0.5, 3, 7, 0.9):
        _, mask = ref.prune_by_magnitude(w, amount)
        _, t_mask = torch_prune(w, amount)
        assert int((mask == 0).sum()) == int((t_mask == 0).sum())
        for m in (mask, t_mask):
            assert np.abs(w[m == 0]).max() <= np.abs(w[m == 1]).min()


LAYERS = [[(4, 3), (2, 3, 2, 2), (5, 2)], [(6, 6)], [(3, 1, 3, 3), (1, 8), (2, 2)]]


@pytest.mark.parametrize("shapes", LAYERS)
@pytest.mark.parametrize("amount", [0.0, 0.3, 0.5, 0.8, 1.0, 0, 1, 10, np.int64(7)], ids=repr)
def test_global_matches_global_unstructured(shapes, amount):
    weights = [distinct(s, seed=i + 20) * (0.1 * 5**i) for i, s in enumerate(shapes)]
    pruned, masks = ref.global_prune_by_magnitude(weights, amount)
    t_pruned, t_masks = torch_global(weights, amount)
    assert len(pruned) == len(masks) == len(weights)
    for p, m, tp, tm, w in zip(pruned, masks, t_pruned, t_masks, weights, strict=True):
        np.testing.assert_array_equal(m, tm)
        np.testing.assert_array_equal(p, tp)
        assert m.shape == w.shape and m.dtype == np.float64


def test_global_is_not_layer_by_layer():
    weights = [distinct((4, 4), 1) * 0.01, distinct((4, 4), 2)]
    _, masks = ref.global_prune_by_magnitude(weights, 0.5)
    _, t_masks = torch_global(weights, 0.5)
    assert (masks[0] == 0).sum() == (t_masks[0] == 0).sum() == 16  # the small layer goes first
    assert (masks[1] == 0).sum() == 0


def test_errors_as_torch():
    w = distinct((2, 3), 0)
    for amount in (1.5, -0.25, -1, 7, np.int64(9)):
        with pytest.raises(ValueError):
            ref.prune_by_magnitude(w, amount)
        with pytest.raises(ValueError):
            torch_prune(w, amount)
    for amount in (11, 1.01, -3):
        with pytest.raises(ValueError):
            ref.global_prune_by_magnitude([w, distinct((1, 4), 1)], amount)
        with pytest.raises(ValueError):
            torch_global([w, distinct((1, 4), 1)], amount)
    # an integer amount up to the total is valid even when it exceeds one layer's size
    ref.global_prune_by_magnitude([w, distinct((1, 4), 1)], 10)
    torch_global([w, distinct((1, 4), 1)], 10)
