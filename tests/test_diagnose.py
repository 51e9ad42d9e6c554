"""The diagnosis library: each diagnosis on crafted arrays (and stated only when it reproduces
the learner's values), then proven through the real `dlkata check` on wrong solutions."""

from __future__ import annotations

import html
import json
import math
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from dlkata.bundle import bundle
from dlkata.judge import (
    Fans,
    GradingFailure,
    assert_close,
    check_backward,
    check_call,
    check_gradient_numerically,
    check_normal,
    check_symmetric_uniform,
    ks_test,
    normal_cdf,
)
from dlkata.judge.diagnose import Alternative, diagnose
from dlkata.judge.proxy import ReferenceImpl
from dlkata.notebook import check
from tests.cli_support import ENVIRONMENT, invoke, isolate
from tests.grading_support import failures, grade_file
from tests.support import HAN, SOLUTIONS_DIR, load_reference

RTOL, ATOL = 1e-7, 1e-10


def _rng(seed: int = 0) -> np.random.Generator:
    return np.random.default_rng(seed)


def _diagnose(got, expected, **kwargs) -> str | None:
    return diagnose(got, expected, rtol=RTOL, atol=ATOL, **kwargs)


# --- a factor ------------------------------------------------------------------------------


def test_a_constant_factor_keeps_its_names() -> None:
    expected = _rng().standard_normal((3, 4))
    assert "(√2)" in _diagnose(expected * math.sqrt(2), expected)
    assert "(-1)" in _diagnose(-expected, expected)
    assert _diagnose(expected * 1.37, expected) == "every value is off by the same factor 1.37"


def test_a_factor_that_is_the_batch_size_says_mean_where_a_sum_belongs() -> None:
    x, expected = _rng().standard_normal((4, 3)), _rng(1).standard_normal(5)
    words = _diagnose(expected / 4, expected, inputs={"x": x, "w": np.ones((5, 3))})
    assert words == (
        "every value is 1/4 of the expected one: 4 is `x`'s batch size (axis 0): a mean where a "
        "sum belongs"
    )
    words = _diagnose(expected * 4, expected, inputs={"x": x})
    assert "4 times the expected one" in words and "a sum where a mean belongs" in words


def test_a_factor_that_is_a_spatial_size_is_named_with_its_axes() -> None:
    x, expected = _rng().standard_normal((2, 3, 4, 5)), _rng(1).standard_normal((2, 3))
    assert "20 is `x`'s spatial size H*W (axes 2 and 3)" in _diagnose(
        expected / 20, expected, inputs={"x": x}
    )
    assert "5 is `x`'s width W (axis 3)" in _diagnose(expected * 5, expected, inputs={"x": x})
    w = _rng(2).standard_normal((7, 3))
    assert "7 is the size of `w`'s axis 0" in _diagnose(
        expected / 7, expected, inputs={"x": x, "w": w}
    )


# --- the layout: transposed, permuted, flipped, shifted ------------------------------------


def test_a_transpose_is_named_when_the_shape_differs_too() -> None:
    expected = _rng().standard_normal((2, 3))
    assert _diagnose(expected.T, expected) == "your result is the transpose of the expected one"
    with pytest.raises(GradingFailure) as caught:
        assert_close(expected.T, expected, what="dw", function="f")
    assert caught.value.kind == "shape"
    assert caught.value.facts["diagnosis"] == "your result is the transpose of the expected one"


def test_axes_permuted_or_swapped() -> None:
    expected = _rng().standard_normal((2, 3, 3, 3))  # (N, C, H, W) with C = H = W
    nhwc = expected.transpose(0, 2, 3, 1)
    assert "np.transpose(expected, (0, 2, 3, 1))" in _diagnose(nhwc, expected)
    swapped = expected.swapaxes(2, 3)
    assert _diagnose(swapped, expected) == (
        "your result is the expected one with axes 2 and 3 swapped"
    )


def test_a_result_flipped_along_both_spatial_axes_or_one_axis() -> None:
    expected = _rng().standard_normal((4, 3, 3, 3))
    assert "flipped along both of its last two axes" in _diagnose(
        expected[..., ::-1, ::-1], expected
    )
    assert _diagnose(expected[::-1], expected) == (
        "your result is the expected one reversed along axis 0"
    )


def test_a_shift_by_one_index_matches_on_the_whole_overlap() -> None:
    expected = _rng().standard_normal((3, 6))
    got = np.roll(expected, 1, axis=1)  # got[:, i + 1] = expected[:, i]
    assert _diagnose(got, expected) == (
        "your values are one position off along axis 1: your [i + 1] is the expected [i]"
    )
    got = np.roll(expected, -1, axis=1)
    assert "your [i] is the expected [i + 1]" in _diagnose(got, expected)
    # one element of the overlap off: no diagnosis
    got[0, 0] += 1.0
    assert _diagnose(got, expected) is None


def test_no_shift_is_claimed_where_the_expected_values_do_not_change_along_the_axis() -> None:
    expected = np.tile(_rng().standard_normal((3, 1)), (1, 5))
    got = expected.copy()
    got[:, 0] += 1.0  # wrong only at the edge; the overlap of a shift matches trivially
    assert _diagnose(got, expected) is None


# --- values: a missing term, an offset, the wrong axis -------------------------------------


def test_a_missing_bias_is_found_on_its_axis() -> None:
    b = _rng().standard_normal(3)
    expected = _rng(1).standard_normal((2, 3, 4, 4))
    inputs = {"x": _rng(2).standard_normal((2, 2, 6, 6)), "b": b}
    without = expected - b[None, :, None, None]
    assert _diagnose(without, expected, inputs=inputs) == (
        "your result lacks the input `b`: a missing bias or term"
    )
    twice = expected + b[None, :, None, None]
    assert "added once too often" in _diagnose(twice, expected, inputs=inputs)


def test_a_missing_term_summed_over_axes() -> None:
    dout = _rng().standard_normal((5, 3))
    expected = _rng(1).standard_normal(3)
    words = _diagnose(expected - dout.sum(axis=0), expected, inputs={"dout": dout})
    assert words == "your result lacks the input `dout` summed over axes (0,): a missing term"


def test_a_constant_offset() -> None:
    expected = _rng().standard_normal((3, 3))
    assert _diagnose(expected + 0.25, expected) == "every value is off by the same constant 0.25"


def test_a_softmax_over_the_wrong_axis() -> None:
    logits = _rng().standard_normal((4, 5))
    softmax = lambda z, a: np.exp(z) / np.exp(z).sum(axis=a, keepdims=True)  # noqa: E731
    words = _diagnose(softmax(logits, 0), softmax(logits, 1), inputs={"x": logits})
    assert words == (
        "your values are a softmax of `x` over axis 0, the expected one is over axis 1: the "
        "right values along the wrong axis"
    )
    positive = np.abs(logits) + 0.1
    words = _diagnose(
        positive / positive.sum(axis=1, keepdims=True),
        positive / positive.sum(axis=0, keepdims=True),
        inputs={"p": positive},
    )
    assert "`p` normalised over axis 1, the expected ones over axis 0" in words


def test_a_reduction_over_the_wrong_axes() -> None:
    dout = _rng().standard_normal((3, 4, 3))
    words = _diagnose(dout.sum(axis=(0, 1)), dout.sum(axis=(1, 2)), inputs={"dout": dout})
    assert words == (
        "your values are `dout` summed over axes (0, 1), the expected ones over axes (1, 2): "
        "the right values along the wrong axis"
    )
    words = _diagnose(dout.mean(axis=0)[:, :3], dout.mean(axis=1)[:, :3], inputs={"dout": dout})
    assert words is None  # neither is a mean of `dout` with the result's shape
    square = _rng(1).standard_normal((5, 5))
    words = _diagnose(square.mean(axis=1), square.mean(axis=0), inputs={"x": square})
    assert "the mean of `x` over axes (1,), the expected ones over axes (0,)" in words


# --- never a guess, and cheap ---------------------------------------------------------------


def test_nothing_is_stated_that_does_not_reproduce_every_value() -> None:
    expected = _rng().standard_normal((4, 4))
    assert _diagnose(_rng(1).standard_normal((4, 4)), expected) is None
    nearly = expected * 0.5
    nearly[1, 2] *= 1 + 1e-5  # one value off the factor by more than the tolerance
    assert _diagnose(nearly, expected) is None
    assert _diagnose(expected.T + 1e-4, expected) is None
    with_nan = expected * 2
    with_nan[0, 0] = np.nan
    assert _diagnose(with_nan, expected) is None


def test_elementwise_values_get_only_elementwise_diagnoses() -> None:
    expected = _rng().standard_normal(12)
    assert _diagnose(expected[::-1], expected, elementwise=True) is None
    assert "(1/2)" in _diagnose(expected / 2, expected, elementwise=True)


def test_an_alternative_is_used_only_when_it_reproduces_the_values() -> None:
    expected, other = _rng().standard_normal(4), _rng(1).standard_normal(4)
    alternatives = [
        Alternative("never", lambda: other + 1),
        Alternative("raises", lambda: 1 / 0),
        Alternative("the second", lambda: other),
    ]
    assert _diagnose(other, expected, alternatives=alternatives) == "the second"


def test_a_mismatch_on_a_million_values_costs_a_few_milliseconds() -> None:
    shape = (16, 64, 32, 32)
    expected, got = _rng().standard_normal(shape), _rng(1).standard_normal(shape)
    inputs = {"x": _rng(2).standard_normal(shape), "b": _rng(3).standard_normal(64)}
    timings = []
    for _ in range(3):
        start = time.process_time()  # CPU time: other processes on the machine do not count
        assert _diagnose(got, expected, inputs=inputs) is None
        timings.append(time.process_time() - start)
    assert min(timings) < 0.05, timings  # a few ms alone; generous for a shared CI machine


# --- through the helpers: one sample of the batch, a flipped kernel, numerical gradients ----


class _Linear:
    """out = x @ w.T + b; the backward pass sums over the batch, or takes sample `only`."""

    def __init__(self, only: int | None = None) -> None:
        self.only = only

    def linear_forward(self, x, w, b):
        return x @ w.T + b, (x, w)

    def linear_backward(self, dout, cache):
        x, w = cache
        if self.only is None:
            return dout @ w, dout.T @ x, dout.sum(axis=0)
        k = self.only
        return dout @ w, np.outer(dout[k], x[k]), dout.sum(axis=0)


@pytest.mark.parametrize(("only", "sample"), [(0, 0), (2, 2)])
def test_a_gradient_of_one_sample_alone(only: int, sample: int) -> None:
    x, w, b = _rng().standard_normal((3, 4)), _rng(1).standard_normal((2, 4)), np.zeros(2)
    with pytest.raises(GradingFailure) as caught:
        check_backward(
            ReferenceImpl(_Linear(only)),
            ReferenceImpl(_Linear()),
            "linear_forward",
            "linear_backward",
            {"x": x, "w": w, "b": b},
        )
    assert caught.value.facts["gradient"] == "dw"
    assert caught.value.facts["diagnosis"] == (
        f"your dw equals the gradient of sample {sample} alone: a sum over the batch is missing"
    )


def test_a_flipped_kernel_is_found_by_the_reference_on_the_flipped_kernel() -> None:
    conv2d = load_reference("conv2d")

    class Flipped:
        @staticmethod
        def conv2d_forward(x, w, b, *, stride=1, padding=0):
            return conv2d.conv2d_forward(x, w[..., ::-1, ::-1], b, stride=stride, padding=padding)

    x, w, b = _rng().standard_normal((2, 2, 5, 5)), _rng(1).standard_normal((3, 2, 3, 3)), _rng(2)
    with pytest.raises(GradingFailure) as caught:
        check_call(
            ReferenceImpl(Flipped()),
            ReferenceImpl(conv2d),
            "conv2d_forward",
            x,
            w,
            b.standard_normal(3),
            outputs=("out",),
        )
    assert (
        "`w` flipped along its last two axes: a flipped kernel" in (caught.value.facts["diagnosis"])
    )


class _Square:
    def __init__(self, factor: float) -> None:
        self.factor = factor

    def square_forward(self, x):
        return x * x, x

    def square_backward(self, dout, cache):
        return (self.factor * dout * cache,)


def test_a_numerical_gradient_check_names_a_factor() -> None:
    x = _rng().standard_normal((3, 4))
    with pytest.raises(GradingFailure) as caught:
        check_gradient_numerically(
            ReferenceImpl(_Square(1.0)), "square_forward", "square_backward", {"x": x}
        )
    assert "(1/2)" in caught.value.facts["diagnosis"]


# --- a std off by √2 or by the wrong fan -----------------------------------------------------


def test_a_std_divided_by_root_two_is_he_init_without_its_gain() -> None:
    fans = Fans(1250, 800, "fan_in")
    std = math.sqrt(2 / 1250)
    samples = _rng().normal(0.0, std / math.sqrt(2), 200_000)
    with pytest.raises(GradingFailure) as caught:
        check_normal(samples, std, what="w", function="f", fans=fans)
    assert caught.value.facts["diagnosis"] == (
        "your std is the expected one divided by √2: He init without the gain √2"
    )
    with pytest.raises(GradingFailure) as caught:
        check_normal(samples, std, what="w", function="f")
    assert caught.value.facts["diagnosis"] == "your std is the expected one divided by √2"


def test_a_std_from_the_wrong_fan() -> None:
    fans = Fans(1250, 800, "fan_in")
    samples = _rng().normal(0.0, math.sqrt(2 / 800), 5000)
    with pytest.raises(GradingFailure) as caught:
        ks_test(samples, normal_cdf(0, math.sqrt(2 / 1250)), what="w", function="f", fans=fans)
    assert caught.value.facts["diagnosis"] == (
        "your std is the one fan_out = 800 would give, not fan_in = 1250: the wrong fan"
    )


def test_a_uniform_bound_set_to_the_std() -> None:
    bound = 0.3
    samples = _rng().uniform(-bound / math.sqrt(3), bound / math.sqrt(3), 200_000)
    with pytest.raises(GradingFailure) as caught:
        check_symmetric_uniform(samples, bound, what="w", function="f", fans=Fans(10, 20))
    assert "your bound is the std itself" in caught.value.facts["diagnosis"]


def test_no_scale_is_named_when_the_std_is_right_or_fits_nothing_known() -> None:
    std = 0.2
    rng = _rng()
    sorted_samples = np.sort(rng.normal(0.0, std, 200_000))  # right std, not independent
    with pytest.raises(GradingFailure) as caught:
        check_normal(sorted_samples, std, what="w", function="f", fans=Fans(10, 20))
    assert "diagnosis" not in caught.value.facts
    with pytest.raises(GradingFailure) as caught:
        check_normal(rng.normal(0.0, 1.3 * std, 200_000), std, what="w", function="f")
    assert "diagnosis" not in caught.value.facts


# --- end to end: the real command on wrong solutions ---------------------------------------


def _diagnoses(kata: str, solution: str, *extra: str) -> list[str]:
    code, record = grade_file(kata, SOLUTIONS_DIR / kata / f"{solution}.py", *extra)
    assert code == 1, record
    return [t["facts"].get("diagnosis") or "" for t in failures(record)]


@pytest.mark.parametrize(
    ("kata", "solution", "words"),
    [
        (
            "conv2d",
            "wrong_dw_one_sample",
            "your dw equals the gradient of sample 0 alone: a sum over the batch is missing",
        ),
        (
            "conv2d",
            "wrong_flipped_kernel",
            "your result is the reference's with `w` flipped along its last two axes: a flipped "
            "kernel (a true convolution where a cross-correlation belongs)",
        ),
        (
            "conv2d",
            "wrong_dx_kernel_rotated",
            "your dx is the reference's with `w` flipped along its last two axes: your backward "
            "pass turns the kernel the wrong way",
        ),
        (
            "conv2d",
            "wrong_db_batch_mean",
            "every value is 1/2 of the expected one: 2 is `x`'s batch size (axis 0): a mean "
            "where a sum belongs",
        ),
        (
            "he_init",
            "wrong_no_sqrt2",
            "your std is the expected one divided by √2: He init without the gain √2",
        ),
        (
            "he_init",
            "wrong_tf_dense_fans",
            "your std is the one fan_out = 800 would give, not fan_in = 1250: the wrong fan",
        ),
        (
            "he_init",
            "wrong_std_as_bound",
            "your bound is the std itself: the bound of U(-a, a) is √3 times its std",
        ),
        (
            "softmax_cross_entropy",
            "wrong_softmax_axis0",
            "your values are a softmax of `x` over axis 0, the expected one is over axis 1: the "
            "right values along the wrong axis",
        ),
        ("linear", "wrong_dw_transposed", "your result is the transpose of the expected one"),
    ],
)
def test_the_report_names_the_mistake_of_a_wrong_solution(
    kata: str, solution: str, words: str
) -> None:
    assert words in _diagnoses(kata, solution)


def test_a_diagnosis_is_told_in_chinese() -> None:
    found = [d for d in _diagnoses("conv2d", "wrong_dw_one_sample", "--lang", "zh") if d]
    assert found and all(HAN.search(d) for d in found), found


# --- every report format shows it ----------------------------------------------------------

ONE_SAMPLE = "your dw equals the gradient of sample 0 alone: a sum over the batch is missing"


@pytest.mark.parametrize("form", ["text", "json", "github", "markdown", "junit"])
def test_every_report_format_shows_the_diagnosis(tmp_path: Path, form: str) -> None:
    solution = bundle(SOLUTIONS_DIR / "conv2d" / "wrong_dw_one_sample.py", tmp_path)
    args = ["check", "conv2d", "--file", str(solution), "--format", form, "--color", "never"]
    result = invoke(*args, env=dict.fromkeys(ENVIRONMENT))
    assert result.exit_code == 1, result.output
    if form == "json":
        tests = json.loads(result.stdout)["katas"][0]["tests"]
        assert ONE_SAMPLE in [t["facts"].get("diagnosis") for t in tests]
    elif form == "junit":
        root = ET.fromstring(result.stdout.encode())
        texts = [f.text or "" for f in root.iter("failure")]
        assert any(f"diagnosis {ONE_SAMPLE}" in " ".join(t.split()) for t in texts)
    else:
        assert f"diagnosis {ONE_SAMPLE}" in " ".join(result.stdout.split())


def test_the_notebook_report_shows_the_diagnosis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate(monkeypatch, tmp_path)
    solution = bundle(SOLUTIONS_DIR / "conv2d" / "wrong_dw_one_sample.py", tmp_path / "graded")
    report = check("conv2d", solution, lang="en")
    assert f"diagnosis {ONE_SAMPLE}" in " ".join(repr(report).split())
    assert ONE_SAMPLE in html.unescape(report._repr_html_())
    tests = report.to_dict()["katas"][0]["tests"]
    assert ONE_SAMPLE in [t["facts"].get("diagnosis") for t in tests]


def test_numbers_and_empty_arrays_are_diagnosed_or_left_alone_without_failing() -> None:
    assert "(1/2)" in _diagnose(np.float64(1.5), np.float64(3.0))
    assert _diagnose(np.float64(1.5), np.ones(1)) is None
    assert _diagnose(np.array([0.7]), np.array([0.3])) is None  # one value: any ratio is "a factor"
    assert _diagnose(np.zeros((0, 3)), np.zeros((0, 3))) is None
    with pytest.raises(GradingFailure) as caught:
        assert_close(0.25, 0.5, what="lr", function="f")
    assert "(1/2)" in caught.value.facts["diagnosis"]
