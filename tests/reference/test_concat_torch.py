"""Cross-check of reference/concat.py against torch.cat and autograd."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("concat")

CASES = [
    ([(2, 3, 4, 4), (2, 5, 4, 4)], 1),
    ([(2, 1, 3, 3), (2, 2, 3, 3), (2, 4, 3, 3)], 1),
    ([(3, 4), (2, 4)], 0),
    ([(3, 4), (3, 2), (3, 1)], -1),
    ([(2, 3, 4), (2, 1, 4)], -2),
    ([(1, 3, 4), (2, 3, 4)], -3),
    ([(5,), (3,)], 0),
    ([(2, 3)], 1),
    ([(2, 0), (2, 3)], 1),
    ([(0, 3), (0, 2)], 1),
    ([(2, 1, 2), (2, 2, 2), (2, 1, 2), (2, 3, 2), (2, 1, 2)], 1),
]


@pytest.mark.parametrize(("shapes", "axis"), CASES, ids=str)
def test_forward_and_backward_match_torch(shapes, axis) -> None:
    rng = np.random.default_rng(sum(sum(s) for s in shapes) + axis)
    xs = [rng.standard_normal(s) for s in shapes]
    copies = [x.copy() for x in xs]
    out, cache = ref.concat_forward(xs, axis=axis)
    dout = rng.standard_normal(out.shape)
    grads = ref.concat_backward(dout, cache)

    ts = [torch.tensor(x, dtype=torch.float64, requires_grad=True) for x in xs]
    t_out = torch.cat(ts, dim=axis)
    t_out.backward(torch.tensor(dout, dtype=torch.float64))

    np.testing.assert_array_equal(out, t_out.detach().numpy())
    assert out.dtype == np.float64
    assert isinstance(grads, list) and len(grads) == len(xs)
    for g, t, x in zip(grads, ts, xs, strict=True):
        assert g.shape == x.shape
        np.testing.assert_array_equal(g, t.grad.numpy())
    for original, now in zip(copies, xs, strict=True):
        np.testing.assert_array_equal(original, now)


def test_default_axis_is_one() -> None:
    xs = [np.ones((2, 3)), np.zeros((2, 2))]
    out, _ = ref.concat_forward(xs)
    np.testing.assert_array_equal(out, torch.cat([torch.tensor(x) for x in xs], dim=1).numpy())


def test_two_caches_are_independent() -> None:
    out1, cache1 = ref.concat_forward([np.ones((2, 1)), np.ones((2, 3))], axis=1)
    out2, cache2 = ref.concat_forward([np.ones((1, 2)), np.ones((2, 2))], axis=0)
    assert [g.shape for g in ref.concat_backward(np.ones(out2.shape), cache2)] == [(1, 2), (2, 2)]
    assert [g.shape for g in ref.concat_backward(np.ones(out1.shape), cache1)] == [(2, 1), (2, 3)]


INVALID = [
    ([], 0),
    ([(2, 3), (2,)], 1),
    ([(2, 3), (3,)], 0),
    ([(2, 2), (1, 2, 2)], 1),
    ([(2, 3), (1, 4)], 1),
    ([(3, 2), (3, 1)], 0),
    ([(2, 3), (2, 3)], 2),
    ([(2, 3), (2, 3)], -3),
    ([(3,), (2,)], 1),
]


@pytest.mark.parametrize(("shapes", "axis"), INVALID, ids=str)
def test_invalid_arguments_raise_as_in_torch(shapes, axis) -> None:
    xs = [np.ones(s) for s in shapes]
    with pytest.raises(ValueError):
        ref.concat_forward(xs, axis=axis)
    # torch refuses every one of these too (RuntimeError, or IndexError for the dimension)
    with pytest.raises((RuntimeError, IndexError, ValueError)):
        torch.cat([torch.ones(s, dtype=torch.float64) for s in shapes], dim=axis)
