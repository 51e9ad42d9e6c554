"""Hidden tests for `quantization`: the observer's scale and zero point (range extended to 0, the
float32-eps floor, halves rounded to even, Python types), the codes (zero point added before
rounding, clamped, int64), dequantization, and the error rules."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import assert_close, expect_value_error, fail, note

EPS = float(np.finfo(np.float32).eps)
RANGES = [(0, 255), (-128, 127), (0, 15), (-8, 7), (-3, 12), (-1, 1)]


def clear_of_ties(x, qmin, qmax):
    """`lo / scale` is not within 1e-3 of a half-integer, where float32 (torch) and float64
    implementations agree on the zero point."""
    lo, hi = min(x.min(), 0.0), max(x.max(), 0.0)
    t = abs(lo / max((hi - lo) / (qmax - qmin), EPS))
    return abs(t - np.floor(t) - 0.5) > 1e-3


def sample(kind, shape, qmin, qmax, seed):
    """Random values of one kind, the first seed from `seed` on that is clear of ties."""
    for s in range(seed, seed + 1000):
        rng = np.random.default_rng(s)
        if kind == "normal":
            x = rng.normal(0.3, 1.5, size=shape)
        elif kind == "uniform":
            x = rng.uniform(-0.7, 2.3, size=shape)
        elif kind == "mostly_negative":
            x = rng.uniform(-40.0, 3.0, size=shape)
        elif kind == "positive":
            x = rng.uniform(0.5, 3.0, size=shape)
        else:  # negative
            x = -rng.uniform(0.01, 0.2, size=shape)
        if clear_of_ties(x, qmin, qmax):
            return x
    raise AssertionError("no sample clear of ties")  # pragma: no cover


def check_qparams(solution, reference, x, *, qmin=0, qmax=255, hint):
    kwargs = {"qmin": qmin, "qmax": qmax}
    got = solution.call("choose_qparams", x, **kwargs)
    expected = reference.call("choose_qparams", x, **kwargs)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(note("two_results", got=type(got).__name__), function="choose_qparams", hint=hint)
    inputs = {"x": x, "qmin": qmin, "qmax": qmax}
    assert_close(
        got[0],
        expected[0],
        what="scale",
        function="choose_qparams",
        inputs=inputs,
        hint=hint,
        rtol=1e-6,
    )
    assert_close(
        got[1], expected[1], what="zero_point", function="choose_qparams", inputs=inputs, hint=hint
    )


def check_codes(solution, reference, x, scale, zero_point, *, qmin=0, qmax=255, hint, stable=False):
    impl = solution.stable if stable else solution
    kwargs = {"qmin": qmin, "qmax": qmax}
    got = impl.call("quantize", x, scale, zero_point, **kwargs)
    expected = reference.call("quantize", x, scale, zero_point, **kwargs)
    if not isinstance(got, np.ndarray) or got.dtype != np.int64:
        dtype = got.dtype if isinstance(got, np.ndarray) else type(got).__name__
        fail(note("codes_int64", dtype=dtype), function="quantize", hint=hint)
    assert_close(
        got,
        expected,
        what="codes",
        function="quantize",
        inputs={"x": x, "scale": scale, "zero_point": zero_point, "qmin": qmin, "qmax": qmax},
        hint=hint,
    )
    return got


CASES = [
    ("normal", (4, 5), 0),
    ("uniform", (3, 2, 3, 3), 10),
    ("mostly_negative", (50,), 20),
    ("normal", (1,), 30),
    ("uniform", (2, 1, 7), 40),
]


@pytest.mark.parametrize(("qmin", "qmax"), RANGES)
@pytest.mark.parametrize(("kind", "shape", "seed"), CASES)
def test_qparams(solution, reference, kind, shape, seed, qmin, qmax):
    x = sample(kind, shape, qmin, qmax, seed)
    check_qparams(solution, reference, x, qmin=qmin, qmax=qmax, hint=note("qparams"))


@pytest.mark.parametrize(("qmin", "qmax"), [(0, 255), (-128, 127), (-3, 12)])
def test_qparams_range_extended_to_zero(solution, reference, qmin, qmax):
    for kind, seed in (("positive", 1), ("negative", 2)):
        x = sample(kind, (3, 4), qmin, qmax, seed)
        check_qparams(solution, reference, x, qmin=qmin, qmax=qmax, hint=note("include_zero"))


@pytest.mark.parametrize(("qmin", "qmax"), [(0, 255), (-128, 127), (-8, 7)])
def test_qparams_eps_floor(solution, reference, qmin, qmax):
    for x in (np.zeros((2, 3)), np.array([1e-9, -1e-9, 0.0]), np.array([-2e-6, 1e-6])):
        check_qparams(solution.stable, reference, x, qmin=qmin, qmax=qmax, hint=note("eps_floor"))


# ranges from powers of two where lo / scale is exactly -0.5, -1.5, -2.5 or -3.5: the zero point
# rounds that half to even (float32 and float64 agree on these)
@pytest.mark.parametrize(("qmin", "qmax"), [(0, 255), (-128, 127), (0, 15)])
@pytest.mark.parametrize("half", [-0.5, -1.5, -2.5, -3.5])
def test_qparams_zero_point_rounds_half_to_even(solution, reference, qmin, qmax, half):
    scale = 2.0**-4
    lo = half * scale
    x = np.array([lo, 0.3 * scale, lo + (qmax - qmin) * scale])
    expected = qmin - round(half)
    hint = note("zero_point_half", ratio=half, rounded=round(half), zero_point=expected)
    check_qparams(solution, reference, x, qmin=qmin, qmax=qmax, hint=hint)


def kind(value):
    """A value's type as its module spells it: `float`, `numpy.float64`, `numpy.int64`."""
    module = type(value).__module__
    return type(value).__name__ if module == "builtins" else f"{module}.{type(value).__name__}"


def test_qparams_python_types(solution):
    for x, qmin, qmax in (
        (np.array([-1.0, 2.0, 0.5]), 0, 255),
        (np.zeros(3), -128, 127),
        (np.array([[0.25, 3.0]]), 0, 15),
    ):
        got = solution.call("choose_qparams", x, qmin=qmin, qmax=qmax)
        if not isinstance(got, (tuple, list)) or len(got) != 2:
            fail(note("two_results", got=type(got).__name__), function="choose_qparams")
        scale, zero_point = got
        if type(scale) is not float or type(zero_point) is not int:
            fail(
                note("python_types", scale_type=kind(scale), zero_point_type=kind(zero_point)),
                function="choose_qparams",
                hint=note("python_types_hint"),
            )


@pytest.mark.parametrize(("qmin", "qmax"), RANGES)
@pytest.mark.parametrize(("kind", "shape", "seed"), CASES[:3])
def test_quantize(solution, reference, kind, shape, seed, qmin, qmax):
    x = sample(kind, shape, qmin, qmax, seed)
    scale, zero_point = reference.call("choose_qparams", x, qmin=qmin, qmax=qmax)
    check_codes(solution, reference, x, scale, zero_point, qmin=qmin, qmax=qmax, hint=note("codes"))


TIES = np.array([-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 4.5, -4.5])


@pytest.mark.parametrize(
    ("zero_point", "qmin", "qmax"),
    [(3, 0, 255), (4, 0, 255), (0, -128, 127), (-1, -128, 127), (7, 0, 15), (-3, -8, 7)],
)
def test_quantize_ties_round_half_to_even(solution, reference, zero_point, qmin, qmax):
    scale = 0.25
    x = TIES * scale  # exact: x / scale is exactly the half-integer
    hint = note("ties", zero_point=zero_point)
    check_codes(solution, reference, x, scale, zero_point, qmin=qmin, qmax=qmax, hint=hint)


@pytest.mark.parametrize(
    ("zero_point", "qmin", "qmax"), [(10, 0, 255), (-20, -128, 127), (3, 0, 15)]
)
def test_quantize_clamps(solution, reference, zero_point, qmin, qmax):
    x = np.array([[-1e4, -30.0, -5.0, -1.05, 0.0], [0.33, 12.7, 24.5, 30.0, 1e4]])
    check_codes(
        solution,
        reference,
        x,
        0.1,
        zero_point,
        qmin=qmin,
        qmax=qmax,
        hint=note("clamp"),
        stable=True,
    )


def test_quantize_outside_observed_range(solution, reference):
    rng = np.random.default_rng(5)
    calibration = rng.normal(size=(20,))
    scale, zero_point = reference.call("choose_qparams", calibration)
    x = rng.normal(scale=3.0, size=(6, 5))
    check_codes(solution, reference, x, scale, zero_point, hint=note("clamp"))


def test_quantize_zero_maps_to_zero_point(solution, reference):
    for zero_point, qmin, qmax in ((0, 0, 255), (37, 0, 255), (-128, -128, 127), (5, -8, 7)):
        check_codes(
            solution,
            reference,
            np.zeros((2, 2)),
            0.37,
            zero_point,
            qmin=qmin,
            qmax=qmax,
            hint=note("zero_code", zero_point=zero_point),
        )


@pytest.mark.parametrize(
    ("zero_point", "qmin", "qmax", "scale"),
    [(0, 0, 255, 0.05), (131, 0, 255, 0.0123), (-5, -128, 127, 2.5), (7, 0, 15, 1e-3)],
)
def test_dequantize(solution, reference, zero_point, qmin, qmax, scale):
    rng = np.random.default_rng(qmax - qmin + zero_point)
    q = rng.integers(qmin, qmax + 1, size=(3, 4)).astype(np.int64)
    got = solution.call("dequantize", q, scale, zero_point)
    expected = reference.call("dequantize", q, scale, zero_point)
    assert_close(
        got,
        expected,
        what="dequantize(q, scale, zero_point)",
        function="dequantize",
        inputs={"q": q, "scale": scale, "zero_point": zero_point},
        hint=note("dequantize"),
    )


def test_round_trip(solution, reference):
    """choose_qparams -> quantize -> dequantize: within half a step of x, and 0 exactly 0."""
    for qmin, qmax, seed in ((0, 255, 1), (-128, 127, 2), (0, 15, 3)):
        x = sample("normal", (5, 4), qmin, qmax, seed)
        x[0, 0] = 0.0
        scale, zero_point = reference.call("choose_qparams", x, qmin=qmin, qmax=qmax)
        q = check_codes(
            solution, reference, x, scale, zero_point, qmin=qmin, qmax=qmax, hint=note("codes")
        )
        back = solution.call("dequantize", q, scale, zero_point)
        expected = reference.call("dequantize", q, scale, zero_point)
        assert_close(
            back,
            expected,
            what="dequantize(quantize(x))",
            function="dequantize",
            hint=note("dequantize"),
        )


def test_error_qparams_range(solution):
    x = np.array([-1.0, 2.0])
    expect_value_error(
        solution, "choose_qparams", x, qmin=0, qmax=0, because=note("qmin_qmax", qmin=0, qmax=0)
    )
    for qmin, qmax in ((1, 255), (-10, -1), (5, 10)):
        expect_value_error(
            solution,
            "choose_qparams",
            x,
            qmin=qmin,
            qmax=qmax,
            because=note("no_zero", qmin=qmin, qmax=qmax),
        )


def test_error_quantize(solution):
    x = np.array([0.5, -0.25, 1.0])
    for qmin, qmax in ((5, 5), (0, 0)):
        expect_value_error(
            solution,
            "quantize",
            x,
            0.1,
            qmin,
            qmin=qmin,
            qmax=qmax,
            because=note("qmin_qmax", qmin=qmin, qmax=qmax),
        )
    for scale in (0.0, -0.5):
        expect_value_error(
            solution, "quantize", x, scale, 3, because=note("scale_not_positive", scale=scale)
        )
    for zero_point, qmin, qmax in ((256, 0, 255), (-1, 0, 255), (128, -128, 127), (16, 0, 15)):
        expect_value_error(
            solution,
            "quantize",
            x,
            0.1,
            zero_point,
            qmin=qmin,
            qmax=qmax,
            because=note("zero_point_range", zero_point=zero_point, qmin=qmin, qmax=qmax),
        )


def test_error_dequantize(solution):
    q = np.array([0, 3, 255], dtype=np.int64)
    for scale in (0.0, -0.25):
        expect_value_error(
            solution, "dequantize", q, scale, 3, because=note("scale_not_positive", scale=scale)
        )
