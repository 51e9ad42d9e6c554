"""Hidden tests for `gradient_check`: central differences through the judge's own functions.

The tests pass their own functions `f` to the learner's `numerical_gradient(f, x, h=...)`; each
crosses by reference and the learner's process calls it back, so every call can be watched: the
shape and values of the array `f` receives (one element changed at a time, by `+h` and by `-h`),
and the result against the exact central difference. The points `x` are drawn so that every usual
way of undoing a step in place (`x[i] += h ... x[i] -= 2 * h ... x[i] += h`, ...) restores them
exactly: the contract accepts that rounding, and the grader's check of the inputs is exact.
"""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import assert_close, expect_array, expect_value_error, fail, note

NG = "numerical_gradient"
RE = "relative_error"
# the numerical gradient against the exact central difference: far above rounding (~1e-11 of the
# largest entry), far below what a one-sided difference is off by (h / 2 * f'', ~1e-5 here)
FLOOR = 1e-8


def restored_exactly(values: np.ndarray, h: float) -> np.ndarray:
    """The values that each usual in-place step and undo brings back bit for bit."""
    v = np.asarray(values, dtype=np.float64)
    ways = [
        ((v + h) - 2 * h) + h,
        (v + h) - h,
        (((v + h) - h) - h) + h,
        ((v - h) + 2 * h) - h,
        (v - h) + h,
    ]
    keep = np.ones(v.shape, dtype=bool)
    for way in ways:
        keep &= way == v
    return v[keep]


def point(shape: tuple[int, ...], seed: int, *, h: float = 1e-5, scale: float = 1.0) -> np.ndarray:
    """Normal values (times `scale`) that a step of `h` undone in place restores exactly."""
    size = int(np.prod(shape))
    pool = restored_exactly(np.random.default_rng(seed).standard_normal(40 * size + 40) * scale, h)
    assert pool.size >= size, "too few values survive the filter"
    return pool[:size].reshape(shape)


def weights(shape: tuple[int, ...], seed: int) -> np.ndarray:
    return np.random.default_rng(seed).uniform(0.5, 2.0, size=shape)


# The judge's functions: each maps an array of x's shape to a float (mixed partial derivatives
# everywhere, so an element left changed alters the other entries too).
def quadratic(shape, seed):
    w, u = weights(shape, seed), weights(shape, seed + 1) - 1.25

    def f(z):
        return float(np.sum(w * z**2) + np.sum(u * z) ** 2)

    return f, lambda z: 2 * w * z + 2 * np.sum(u * z) * u


def cubic(shape, seed):
    w = weights(shape, seed)

    def f(z):
        return float(np.sum(w * z**3) + np.prod(np.tanh(z)))

    return f, None


def smooth(shape, seed):
    w = weights(shape, seed)

    def f(z):
        return float(np.log1p(np.sum(w * z**2)) + np.sum(np.sin(3 * z)))

    return f, None


def quartic(shape, seed):
    w = weights(shape, seed)

    def f(z):
        return float(np.sum(w * z**4) - np.sum(z) ** 2)

    return f, None


FUNCTIONS = {"quadratic": quadratic, "cubic": cubic, "smooth": smooth, "quartic": quartic}


def recording(f, shape):
    """`f` that keeps a copy of every array it is called with; another shape gets 0.0."""
    calls: list[np.ndarray] = []

    def watched(z):
        z = np.array(z, dtype=np.float64)
        calls.append(z)
        return f(z) if z.shape == shape else 0.0

    return watched, calls


def check_calls(calls, x, h, call_text):
    """Each call of f: x's shape, at most one element changed, by +h or -h; and both sides of
    every element were visited."""
    hint = note("one_element_at_a_time")
    tolerance = 1e-6 * h
    seen = set()
    for z in calls:
        if z.shape != x.shape:
            fail(
                note("f_shape", call=call_text, got=z.shape, expected=x.shape),
                function=NG,
                hint=note("same_shape"),
            )
        step = z - x
        changed = np.argwhere(np.abs(step) > 1e-12 * np.maximum(1.0, np.abs(x)))
        if len(changed) > 1:
            fail(
                note(
                    "several_changed",
                    call=call_text,
                    count=len(changed),
                    indices=[tuple(int(i) for i in c) for c in changed[:4]],
                ),
                function=NG,
                hint=hint,
            )
        if len(changed) == 1:
            index = tuple(int(i) for i in changed[0])
            if abs(step[index] - h) <= tolerance:
                seen.add((index, 1))
            elif abs(step[index] + h) <= tolerance:
                seen.add((index, -1))
            else:
                fail(
                    note("wrong_step", call=call_text, index=index, step=f"{step[index]:.6g}", h=h),
                    function=NG,
                    hint=note("step_is_h"),
                )
    for index in np.ndindex(x.shape):
        for side, sign in ((1, "+"), (-1, "-")):
            if (index, side) not in seen:
                fail(
                    note("side_missing", call=call_text, index=index, sign=sign, h=h),
                    function=NG,
                    hint=note("central"),
                )


def one_sided(f, x, h):
    """The forward and backward differences, to name the mistake when they are what came back."""
    forward, backward = np.zeros(x.shape), np.zeros(x.shape)
    base = f(x.copy())
    for index in np.ndindex(x.shape):
        z = x.copy()
        z[index] += h
        forward[index] = (f(z) - base) / h
        z = x.copy()
        z[index] -= h
        backward[index] = (base - f(z)) / h
    return forward, backward


def graded(solution, reference, f, x, *, h=None, returns=float):
    """Call the learner's numerical_gradient(f, x[, h]) with a watched f; check the calls of f,
    then the result against the reference's central difference."""
    step = 1e-5 if h is None else h
    kwargs = {} if h is None else {"h": h}
    g = f if returns is float else (lambda z: np.array(f(z)))
    watched, calls = recording(g, x.shape)
    call_text = note("call", shape=x.shape, h=step)
    got = solution.numerical_gradient(watched, x.copy(), **kwargs)
    check_calls(calls, x, step, call_text)
    got = expect_array(got, x.shape, function=NG, what=call_text)
    expected = reference.numerical_gradient(f, x.copy(), h=step)
    if x.size:
        forward, backward = one_sided(f, x, step)
        scale = max(1.0, float(np.max(np.abs(expected))))
        found = (note("forward_result", call=call_text), note("backward_result", call=call_text))
        for message, other in zip(found, (forward, backward)):
            if np.max(np.abs(got - other)) <= FLOOR * scale < np.max(np.abs(expected - other)):
                fail(
                    message,
                    function=NG,
                    hint=note("central"),
                )
    assert_close(
        got,
        expected,
        what=call_text,
        function=NG,
        inputs={"x": x, "h": step},
        hint=note("central_formula"),
        floor=FLOOR,
    )
    return got


CASES = [
    ("quadratic", (5,), 1e-5),
    ("quadratic", (2, 3), 1e-4),
    ("cubic", (4,), 1e-5),
    ("cubic", (2, 2, 2), 1e-3),
    ("smooth", (3, 2), 1e-5),
    ("smooth", (7,), 1e-4),
    ("quartic", (2, 3), 1e-3),
]


@pytest.mark.parametrize(("name", "shape", "h"), CASES)
def test_central_difference(solution, reference, name, shape, h):
    f, _ = FUNCTIONS[name](shape, 1)
    graded(solution, reference, f, point(shape, 2, h=h), h=h)


@pytest.mark.parametrize(("name", "shape"), [("quadratic", (3, 2)), ("cubic", (5,))])
def test_default_step(solution, reference, name, shape):
    f, _ = FUNCTIONS[name](shape, 3)
    graded(solution, reference, f, point(shape, 4))


@pytest.mark.parametrize("h", [0.5, 0.125])
def test_large_step_is_used(solution, reference, h):
    # a quartic at a large step: the central difference differs from the true gradient by
    # 4 w z h ** 2, so only the given h, in the central formula, gives these values
    shape = (2, 3)
    f, _ = quartic(shape, 5)
    graded(solution, reference, f, point(shape, 6, h=h), h=h)


def test_error_is_second_order(solution, reference):
    # the cubic's true gradient is known: the central difference is within h ** 2 of it,
    # a one-sided one is off by about 3 w z h
    shape, h = (6,), 1e-3
    w = weights(shape, 7)

    def f(z):
        return float(np.sum(w * z**3))

    x = point(shape, 8, h=h, scale=2.0)
    got = graded(solution, reference, f, x, h=h)
    true = 3 * w * x**2
    if np.max(np.abs(got - true)) > 2 * h**2 * np.max(w):
        fail(
            note("not_second_order", error=f"{np.max(np.abs(got - true)):.3g}", h=h),
            function=NG,
            hint=note("central"),
        )


def test_matches_the_true_gradient(solution, reference):
    shape = (3, 4)
    f, gradient = quadratic(shape, 9)
    x = point(shape, 10)
    got = graded(solution, reference, f, x)
    assert_close(
        got,
        gradient(x),
        what=note("against_true", shape=shape),
        function=NG,
        hint=note("central_formula"),
        floor=1e-7,
    )


@pytest.mark.parametrize("shape", [(1,), (1, 1), (3, 1, 2), (1, 4)])
def test_size_one_axes(solution, reference, shape):
    f, _ = smooth(shape, 11)
    graded(solution, reference, f, point(shape, 12, h=1e-4), h=1e-4)


def test_f_returning_a_0d_array(solution, reference):
    shape = (2, 2)
    f, _ = cubic(shape, 13)
    graded(solution, reference, f, point(shape, 14), returns=np.ndarray)


@pytest.mark.parametrize("shape", [(0,), (2, 0)])
def test_empty_x(solution, reference, shape):
    f, _ = quadratic(shape, 15)
    got = graded(solution, reference, f, np.zeros(shape))
    if got.dtype != np.float64:
        fail(note("dtype", dtype=got.dtype), function=NG, hint=note("same_shape"))


def test_x_holds_its_values(solution):
    # the grader compares every input array after each call (an x left changed fails there,
    # "changed its input in place"); here no call of f may see a step left from an earlier element
    shape = (2, 3)
    f, _ = quadratic(shape, 16)
    x = point(shape, 17)
    watched, calls = recording(f, shape)
    solution.numerical_gradient(watched, x.copy())
    check_calls(calls, x, 1e-5, note("call", shape=shape, h=1e-5))


@pytest.mark.parametrize("h", [0.0, -1e-5, -0.5])
def test_non_positive_step(solution, h):
    f, _ = quadratic((3,), 18)
    expect_value_error(solution, NG, f, point((3,), 19), h=h, because=note("h_not_positive", h=h))


# relative_error ---------------------------------------------------------------------------


def close_pair(shape, seed, relative=1e-7):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal(shape)
    return a, a * (1 + relative * rng.standard_normal(shape))


PAIRS = {
    "gradients_agree": close_pair((4, 5), 20),
    "gradients_differ": close_pair((6,), 21, relative=1e-3),
    "size_one": (np.array([2.0]), np.array([2.5])),
    "one_by_one": (np.array([[-1.0]]), np.array([[3.0]])),
    "mixed_scales": (np.array([100.0, 0.01, -5.0]), np.array([100.5, 0.02, -5.0])),
    "tiny_entries": (
        np.array([[1.0, 1e-9, 3e-9], [-2.0, 0.0, 4e-12]]),
        np.array([[1.0 + 1e-6, 0.0, -2e-9], [-2.0, 5e-9, 0.0]]),
    ),
    "opposite_signs": (np.array([0.5, -0.25, 1.0]), np.array([-0.5, -0.25, 1.0])),
    "three_axes": (
        np.random.default_rng(22).standard_normal((2, 3, 2)),
        np.random.default_rng(23).standard_normal((2, 3, 2)),
    ),
}


def check_relative_error(solution, reference, a, b, *, hint):
    got = solution.relative_error(a, b)
    expected = reference.relative_error(a, b)
    if not isinstance(got, float):
        fail(
            note("not_a_float", type=type(got).__name__, value=repr(got)[:60]),
            function=RE,
            hint=note("returns_a_float"),
        )
    assert_close(
        got,
        expected,
        what=note("relative_call", shape=np.shape(a)),
        function=RE,
        inputs={"a": a, "b": b},
        hint=hint,
    )


@pytest.mark.parametrize("name", list(PAIRS))
def test_relative_error(solution, reference, name):
    a, b = PAIRS[name]
    check_relative_error(solution, reference, a, b, hint=note("relative_formula"))


def test_relative_error_floor_per_element(solution, reference):
    # 1e-9 against 0 is a relative error of 0.1 with the floor at 1e-8, whatever the other
    # entries are; a floor added to the denominator, or taken over the whole array, differs
    a = np.array([1.0, 1e-9, 1e-8, 2e-8])
    b = np.array([1.0, 0.0, 0.0, 0.0])
    check_relative_error(solution, reference, a, b, hint=note("floor_per_element"))
    check_relative_error(solution, reference, b[1:], a[1:], hint=note("floor_per_element"))


@pytest.mark.parametrize("shape", [(1,), (3,), (2, 4)])
def test_relative_error_of_zeros(solution, shape):
    zeros = np.zeros(shape)
    got = solution.stable.relative_error(zeros, zeros.copy())
    if not isinstance(got, float) or got != 0.0:
        fail(
            note("zeros_not_zero", shape=shape, got=repr(got)[:60]),
            function=RE,
            hint=note("floor_per_element"),
        )


def test_relative_error_with_itself(solution):
    a = np.random.default_rng(24).standard_normal((3, 3))
    got = solution.stable.relative_error(a, a.copy())
    if not isinstance(got, float) or got != 0.0:
        fail(note("same_not_zero", got=repr(got)[:60]), function=RE, hint=note("relative_formula"))


def test_relative_error_of_a_numerical_gradient(solution, reference):
    # the use it is made for: an analytic gradient against the learner's numerical one
    shape = (2, 3)
    f, gradient = quadratic(shape, 25)
    x = point(shape, 26)
    numeric = graded(solution, reference, f, x)
    analytic = gradient(x)
    check_relative_error(solution, reference, analytic, numeric, hint=note("relative_formula"))
    if not solution.relative_error(analytic, numeric) < 1e-7:
        fail(note("check_fails", shape=shape), function=NG, hint=note("central_formula"))


@pytest.mark.parametrize(
    ("a_shape", "b_shape"), [((3,), (1, 3)), ((2, 3), (3,)), ((2, 1), (2, 3)), ((4,), (1,))]
)
def test_relative_error_shape_mismatch(solution, a_shape, b_shape):
    a = np.ones(a_shape)
    b = np.full(b_shape, 2.0)
    expect_value_error(solution, RE, a, b, because=note("shapes_differ", a=a_shape, b=b_shape))
