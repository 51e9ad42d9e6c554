"""Cross-check of reference/minibatches.py against torch.utils.data.DataLoader(TensorDataset)."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from scipy import stats
from torch.utils.data import DataLoader, TensorDataset

from tests.support import load_reference

ref = load_reference("minibatches")

# (N, batch_size, drop_last): divides, leaves a tail, batch larger than N, batches of one, empty
CASES = [
    (10, 3, False),
    (10, 3, True),
    (12, 4, False),
    (12, 4, True),
    (5, 7, False),
    (5, 7, True),
    (7, 1, False),
    (1, 1, True),
    (0, 3, False),
    (0, 3, True),
]


def data(n, seed, x_tail=(2, 3), y_tail=()):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, *x_tail)), rng.integers(0, 4, size=(n, *y_tail))


def loader(x, y, batch_size, **kwargs):
    dataset = TensorDataset(torch.from_numpy(x.copy()), torch.from_numpy(y.copy()))
    return [(xb.numpy(), yb.numpy()) for xb, yb in DataLoader(dataset, batch_size, **kwargs)]


def assert_same_batches(ours, theirs):
    assert len(ours) == len(theirs)
    for (xb, yb), (txb, tyb) in zip(ours, theirs, strict=True):
        assert xb.dtype == txb.dtype and yb.dtype == tyb.dtype
        np.testing.assert_array_equal(xb, txb)
        np.testing.assert_array_equal(yb, tyb)


@pytest.mark.parametrize(("n", "batch_size", "drop_last"), CASES)
def test_in_order_equals_dataloader(n, batch_size, drop_last):
    x, y = data(n, 10 * n + batch_size)
    ours = ref.minibatches(x, y, batch_size, shuffle=False, drop_last=drop_last)
    theirs = loader(x, y, batch_size, shuffle=False, drop_last=drop_last)
    assert_same_batches(ours, theirs)
    batches = DataLoader(TensorDataset(torch.zeros(n)), batch_size, drop_last=drop_last)
    assert len(ours) == len(batches)


@pytest.mark.parametrize(("x_tail", "y_tail"), [((1, 4, 4), ()), ((3,), (5,)), ((), ())])
def test_any_trailing_axes_like_dataloader(x_tail, y_tail):
    x, y = data(9, 3, x_tail, y_tail)
    assert_same_batches(ref.minibatches(x, y, 4, shuffle=False), loader(x, y, 4, shuffle=False))


@pytest.mark.parametrize(("n", "batch_size", "drop_last"), CASES)
def test_shuffled_is_dataloader_over_a_permutation(n, batch_size, drop_last):
    """Shuffling is a DataLoader whose sampler visits one random permutation: our batches equal
    DataLoader's batches over our own order, and have the sizes of DataLoader(shuffle=True)."""
    x, y = np.arange(n, dtype=np.float64)[:, None], np.arange(n)
    if n == 0:
        # torch's RandomSampler refuses an empty data set; the contract leaves this case open
        with pytest.raises(ValueError):
            loader(x, y, batch_size, shuffle=True, drop_last=drop_last)
        return
    ours = ref.minibatches(x, y, batch_size, drop_last=drop_last, rng=np.random.default_rng(n))
    order = np.concatenate([yb for _, yb in ours]) if ours else np.zeros(0, dtype=np.int64)
    if not drop_last:
        np.testing.assert_array_equal(np.sort(order), np.arange(n))
    # the full permutation the reference visited: the same seed draws it again
    permutation = np.random.default_rng(n).permutation(n)
    theirs = loader(x, y, batch_size, sampler=permutation.tolist(), drop_last=drop_last)
    assert_same_batches(ours, theirs)
    generator = torch.Generator().manual_seed(n)
    shuffled = loader(x, y, batch_size, shuffle=True, drop_last=drop_last, generator=generator)
    assert [len(b[1]) for b in ours] == [len(b[1]) for b in shuffled]
    torch_order = np.concatenate([yb for _, yb in shuffled]) if shuffled else np.zeros(0)
    assert len(set(torch_order.tolist())) == len(torch_order)  # torch: each sample at most once


def test_positions_uniform_like_dataloader():
    """Both orders are uniform: for N = 4 each of the 24 orders about equally often."""
    n, trials = 4, 2400
    x, y = np.arange(n, dtype=np.float64)[:, None], np.arange(n)
    generator = torch.Generator().manual_seed(0)
    for draw in (
        lambda t: ref.minibatches(x, y, n, rng=np.random.default_rng(t))[0][1],
        lambda t: loader(x, y, n, shuffle=True, generator=generator)[0][1],
    ):
        counts: dict[tuple[int, ...], int] = {}
        for t in range(trials):
            key = tuple(int(i) for i in draw(t))
            counts[key] = counts.get(key, 0) + 1
        assert len(counts) == 24
        observed = np.array(list(counts.values()))
        assert stats.chisquare(observed).pvalue > 1e-4


def test_default_shuffle_differs_from_dataloader():
    """The kata's default is shuffle=True (DataLoader's is False), so rng is then required."""
    x, y = data(5, 0)
    with pytest.raises(ValueError, match="rng"):
        ref.minibatches(x, y, 2)
    assert DataLoader(TensorDataset(torch.zeros(3)), 2).sampler.__class__.__name__ == (
        "SequentialSampler"
    )


def test_errors_agree_with_torch():
    x, y = data(6, 1)
    for batch_size in (0, -2):
        with pytest.raises(ValueError):
            ref.minibatches(x, y, batch_size, shuffle=False)
        with pytest.raises(ValueError):  # torch's BatchSampler refuses these too
            DataLoader(TensorDataset(torch.from_numpy(x)), batch_size)
    with pytest.raises(ValueError):
        ref.minibatches(x, y[:5], 2, shuffle=False)
    with pytest.raises(AssertionError):  # TensorDataset: "Size mismatch between tensors"
        TensorDataset(torch.from_numpy(x), torch.from_numpy(y[:5]))


def test_inputs_untouched_and_no_global_state():
    x, y = data(11, 2)
    copies = (x.copy(), y.copy())
    state = np.random.get_state()[1].copy()
    ref.minibatches(x, y, 3, rng=np.random.default_rng(0))
    np.testing.assert_array_equal(x, copies[0])
    np.testing.assert_array_equal(y, copies[1])
    np.testing.assert_array_equal(np.random.get_state()[1], state)
