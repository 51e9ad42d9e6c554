"""Hidden tests for the `concat` kata: torch.cat along an axis and its backward pass."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import assert_close, check_call, expect_value_error, note
from dlkata.judge.compare import expect_tuple

# (shapes of the inputs, axis); None is the default axis (1)
CASES = [
    ([(2, 3, 4, 4), (2, 5, 4, 4)], None),
    ([(2, 1, 3, 3), (2, 2, 3, 3), (2, 4, 3, 3)], 1),
    ([(3, 4), (2, 4)], 0),
    ([(3, 4), (3, 2), (3, 1)], -1),
    ([(3, 4), (3, 2)], None),
    ([(2, 3, 4), (2, 3, 2)], -1),
    ([(2, 3, 4), (2, 1, 4)], -2),
    ([(1, 3, 4), (2, 3, 4)], -3),
    ([(2, 3, 4), (2, 3, 4)], None),
    ([(2, 3, 3), (2, 3, 3)], 2),
    ([(5,), (3,)], 0),
    ([(4,), (2,), (1,)], -1),
    ([(2, 3)], None),
    ([(2, 1, 2), (2, 2, 2), (2, 1, 2), (2, 3, 2), (2, 1, 2)], 1),
]
IDS = [
    "+".join(map(str, shapes)) + "@" + ("default" if axis is None else str(axis))
    for shapes, axis in CASES
]
# size 0 along the axis, and a size 0 off the axis
EMPTY_CASES = [([(2, 0), (2, 3)], 1), ([(2, 3), (2, 0), (2, 1)], None), ([(0, 3), (0, 2)], 1)]


def _inputs(shapes, seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [rng.standard_normal(shape) for shape in shapes]


def _kwargs(axis) -> dict:
    return {} if axis is None else {"axis": axis}


def _seed(shapes, axis) -> int:
    return sum(sum(s) for s in shapes) * 7 + (0 if axis is None else axis + 5)


@pytest.mark.parametrize(("shapes", "axis"), CASES, ids=IDS)
def test_forward(solution, reference, shapes, axis):
    xs = _inputs(shapes, _seed(shapes, axis))
    hint = note("default_axis" if axis is None else "forward")
    check_call(
        solution, reference, "concat_forward", xs, outputs=("out",), hint=hint, **_kwargs(axis)
    )


@pytest.mark.parametrize(("shapes", "axis"), EMPTY_CASES, ids=str)
def test_forward_empty_pieces(solution, reference, shapes, axis):
    xs = _inputs(shapes, 3)
    check_call(
        solution,
        reference,
        "concat_forward",
        xs,
        outputs=("out",),
        hint=note("empty"),
        **_kwargs(axis),
    )


def _backward(impl, cache, dout, count: int, function: str = "concat_backward") -> list:
    grads = impl.concat_backward(dout, cache)
    expect_tuple(grads, count, function)
    return list(grads)


def _compare_grads(got: list, expected: list, xs: list, hint: str) -> None:
    for i, (g, e) in enumerate(zip(got, expected, strict=True)):
        assert_close(
            g,
            e,
            what=f"dxs[{i}]",
            function="concat_backward",
            inputs={f"xs[{j}]": x for j, x in enumerate(xs)},
            hint=hint,
        )


@pytest.mark.parametrize(("shapes", "axis"), [*CASES, *EMPTY_CASES], ids=[*IDS, "e1", "e2", "e3"])
def test_backward(solution, reference, shapes, axis):
    seed = _seed(shapes, axis) + 1
    xs = _inputs(shapes, seed)
    _, cache = solution.concat_forward(xs, **_kwargs(axis))
    ref_out, ref_cache = reference.concat_forward(xs, **_kwargs(axis))
    dout = np.random.default_rng(seed).standard_normal(ref_out.shape)
    got = _backward(solution, cache, dout, len(xs))
    expected = _backward(reference, ref_cache, dout, len(xs))
    _compare_grads(got, expected, xs, note("backward"))


def test_backward_own_cache(solution, reference):
    """Two forward passes, then their backward passes in reverse order, the first one twice."""
    first = (_inputs([(2, 3, 2), (2, 1, 2)], 21), 1)
    second = (_inputs([(4, 2), (1, 2), (2, 2)], 22), 0)
    runs = []
    for xs, axis in (first, second):
        _, cache = solution.concat_forward(xs, axis=axis)
        ref_out, ref_cache = reference.concat_forward(xs, axis=axis)
        dout = np.random.default_rng(len(xs)).standard_normal(ref_out.shape)
        runs.append((xs, cache, ref_cache, dout))
    for xs, cache, ref_cache, dout in [runs[1], runs[0], runs[0]]:
        got = _backward(solution, cache, dout, len(xs))
        expected = _backward(reference, ref_cache, dout, len(xs))
        _compare_grads(got, expected, xs, note("own_cache"))


def test_backward_integer_valued(solution, reference):
    xs = [np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[5.0], [6.0]])]
    _, cache = solution.concat_forward(xs)
    _, ref_cache = reference.concat_forward(xs)
    dout = np.array([[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]])
    got = _backward(solution, cache, dout, 2)
    _compare_grads(got, _backward(reference, ref_cache, dout, 2), xs, note("integer_valued"))


def test_error_empty_list(solution):
    expect_value_error(solution, "concat_forward", [], because=note("empty_list"))
    expect_value_error(solution, "concat_forward", [], axis=0, because=note("empty_list"))


@pytest.mark.parametrize(
    ("shapes", "axis"),
    [([(2, 3), (2,)], 1), ([(2, 3), (3,)], 0), ([(2, 2), (1, 2, 2)], 1)],
    ids=["drops-last", "1d-broadcast", "extra-leading-1"],
)
def test_error_ndim(solution, shapes, axis):
    expect_value_error(
        solution,
        "concat_forward",
        [np.ones(s) for s in shapes],
        axis=axis,
        because=note("ndim", shapes=shapes),
    )


@pytest.mark.parametrize(
    ("shapes", "axis"),
    [([(2, 3), (1, 4)], 1), ([(3, 2), (3, 1)], 0), ([(2, 3, 4), (2, 1, 4), (2, 3, 1)], -1)],
    ids=["size-1-rows", "size-1-cols", "3d"],
)
def test_error_off_axis_size(solution, shapes, axis):
    expect_value_error(
        solution,
        "concat_forward",
        [np.ones(s) for s in shapes],
        axis=axis,
        because=note("off_axis", shapes=shapes, axis=axis),
    )


@pytest.mark.parametrize(
    ("shapes", "axis"),
    [([(2, 3), (2, 3)], 2), ([(2, 3), (2, 3)], -3), ([(3,), (2,)], None), ([(2, 2, 2)], 3)],
    ids=["2", "-3", "default-on-1d", "3-on-3d"],
)
def test_error_axis_out_of_range(solution, shapes, axis):
    ndim = len(shapes[0])
    expect_value_error(
        solution,
        "concat_forward",
        [np.ones(s) for s in shapes],
        because=note("axis_range", axis=1 if axis is None else axis, ndim=ndim),
        **_kwargs(axis),
    )
