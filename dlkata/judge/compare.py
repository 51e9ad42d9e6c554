"""Comparing what the learner returned with what the reference returns, as a teaching diff."""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from dlkata.i18n import _, ngettext
from dlkata.judge.cases import Case, recording, snapshot
from dlkata.judge.diagnose import Alternative, diagnose
from dlkata.judge.failures import GradingFailure, Hint, hint_for
from dlkata.judge.pictures import error_map
from dlkata.worker.wire import Handle

# Rule 8 of the contract: a correct float64 implementation in any summation order agrees with the
# reference to ~1e-13 here, while a mistake changes values by ~1e-6 relative or more. Each element
# may differ by rtol of its own size plus ABS_SCALE of the largest expected magnitude, so values
# that cancel to nearly zero are not held to an impossible relative standard.
DEFAULT_RTOL = 1e-7
ABS_SCALE = 1e-10
_SAMPLES = 3
_TINY = 1e-300


def describe(value: Any) -> str:
    """A short description of a value for messages: arrays by shape and dtype."""
    if isinstance(value, np.ndarray):
        if value.dtype == np.float64:
            return _("array of shape {shape}").format(shape=value.shape)
        return _("array of shape {shape}, {dtype}").format(shape=value.shape, dtype=value.dtype)
    if isinstance(value, np.random.Generator):
        return "Generator"
    if isinstance(value, Handle):
        return repr(value)  # in the current language (see `Handle.__repr__`)
    if isinstance(value, tuple):
        return "(" + ", ".join(describe(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def describe_inputs(inputs: dict[str, Any] | None) -> dict[str, str] | None:
    if not inputs:
        return None
    return {name: describe(value) for name, value in inputs.items()}


def assert_close(
    got: Any,
    expected: Any,
    *,
    what: str,
    function: str | None,
    inputs: dict[str, Any] | None = None,
    hint: Hint = None,
    rtol: float = DEFAULT_RTOL,
    floor: float = ABS_SCALE,
    alternatives: Sequence[Alternative] = (),
    **facts: Any,
) -> None:
    """Fail with a teaching diff unless `got` matches `expected` element by element.

    Each element may differ by `rtol` of its own size plus `floor` times the array's largest
    magnitude. `floor=0` holds every element to its own size, tiny values in the tails included
    (where the contract asks for stability, `1 - sigmoid(-x)` must not pass for `sigmoid(x)`).
    A mismatch carries a diagnosis when one reproduces the learner's values (`diagnose.py`);
    `alternatives` are results the caller can compute for it (the reference on one sample).
    """
    context = {"what": what, "inputs": describe_inputs(inputs), **facts}
    expected_array = np.asarray(expected)
    if isinstance(got, (int, float, np.generic)) and not isinstance(got, bool):
        got = np.asarray(got)
    if not isinstance(got, np.ndarray):
        raise GradingFailure(
            _("{what}: expected {expected}, got {got}").format(
                what=what, expected=describe(expected_array), got=describe(got)
            ),
            kind="type",
            function=function,
            hint=hint,
            **context,
        )
    if got.shape != expected_array.shape:
        raise GradingFailure(
            _("{what}: expected shape {expected}, got shape {got}").format(
                what=what, expected=expected_array.shape, got=got.shape
            ),
            kind="shape",
            function=function,
            hint=hint,
            expected_shape=list(expected_array.shape),
            got_shape=list(got.shape),
            diagnosis=_diagnosis(got, expected_array, rtol, floor, inputs, alternatives),
            **context,
        )
    if expected_array.dtype.kind == "f" and got.dtype != expected_array.dtype:
        raise GradingFailure(
            _("{what}: expected dtype {expected}, got {got}").format(
                what=what, expected=expected_array.dtype, got=got.dtype
            ),
            kind="dtype",
            function=function,
            hint=_("Return float64 arrays (contract rule 2): float32 loses precision."),
            **context,
        )
    if expected_array.dtype.kind in "fc":
        _compare_floats(
            got, expected_array, what, function, hint, rtol, floor, context, inputs, alternatives
        )
    elif not np.array_equal(got, expected_array):
        index = tuple(int(i) for i in np.argwhere(got != expected_array)[0])
        raise GradingFailure(
            _("{what}: values differ, first at index {index}").format(what=what, index=index),
            kind="mismatch",
            function=function,
            hint=hint,
            worst_index=list(index),
            samples=[[list(index), expected_array[index].item(), got[index].item()]],
            **context,
        )


def _compare_floats(
    got: np.ndarray,
    expected: np.ndarray,
    what: str,
    function: str | None,
    hint: Hint,
    rtol: float,
    floor: float,
    context: dict[str, Any],
    inputs: dict[str, Any] | None,
    alternatives: Sequence[Alternative],
) -> None:
    got = got.astype(np.float64, copy=False)
    finite = np.isfinite(expected)
    scale = max(1.0, float(np.max(np.abs(expected[finite]), initial=0.0)))
    with np.errstate(invalid="ignore", over="ignore"):
        diff = np.abs(got - expected)
        bad = ~(diff <= rtol * np.abs(expected) + floor * scale)
    # a non-finite expected value is matched only by itself (inf - 1e300 is within any relative
    # tolerance of inf): the same infinity, or NaN where NaN is expected
    bad |= ~finite
    bad &= ~((got == expected) | (np.isnan(got) & np.isnan(expected)))
    if not bad.any():
        return
    nonfinite = bad & ~np.isfinite(got)
    if nonfinite.any():
        index = _index(np.argwhere(nonfinite)[0])
        label = "NaN" if np.isnan(got[index]) else "inf"
        count = int(nonfinite.sum())
        raise GradingFailure(
            ngettext(
                "{what} contains {value} at index {index} ({count} of {total} values is not "
                "finite)",
                "{what} contains {value} at index {index} ({count} of {total} values are not "
                "finite)",
                count,
            ).format(what=what, value=label, index=index, count=count, total=got.size),
            kind="nonfinite",
            function=function,
            worst_index=list(index),
            hint=hint_for(hint, "nonfinite")
            or _("Look for a division by zero, a log of zero or an exp that overflows."),
            samples=[[list(index), float(expected[index]), float(got[index])]],
            **context,
        )
    diff = np.where(bad, diff, 0.0)
    order = np.argsort(diff, axis=None)[::-1][:_SAMPLES]
    worst = _index(np.unravel_index(order[0], diff.shape))
    # relative to the value, or to the array's scale where the expected value is (nearly) zero
    with np.errstate(divide="ignore", invalid="ignore"):
        relative = diff / np.maximum(np.abs(expected), max(floor * scale, _TINY))
    raise GradingFailure(
        _(
            "{what} differs from the expected values in {count} of {total} places: "
            "max abs error {abs_error} at index {index}, max relative error {rel_error}"
        ).format(
            what=what,
            count=int(bad.sum()),
            total=got.size,
            abs_error=f"{float(diff.max()):.3g}",
            index=worst,
            rel_error=f"{float(relative[bad].max()):.3g}",
        ),
        kind="mismatch",
        function=function,
        hint=hint,
        max_abs_error=float(diff.max()),
        max_rel_error=float(relative[bad].max()),
        worst_index=list(worst),
        mismatched=int(bad.sum()),
        total=int(got.size),
        samples=[
            [list(i), float(expected[i]), float(got[i])]
            for i in (_index(np.unravel_index(k, diff.shape)) for k in order)
            if bad[i]
        ],
        diagnosis=_diagnosis(got, expected, rtol, floor, inputs, alternatives),
        error_map=error_map(bad),
        **context,
    )


def _diagnosis(
    got: np.ndarray,
    expected: np.ndarray,
    rtol: float,
    floor: float,
    inputs: dict[str, Any] | None,
    alternatives: Sequence[Alternative],
) -> str | None:
    """What reproduces the learner's values, to the tolerance of the comparison that failed."""
    if expected.dtype.kind != "f":
        return None
    finite = np.isfinite(expected)
    scale = max(1.0, float(np.max(np.abs(expected[finite]), initial=0.0)))
    return diagnose(
        got, expected, rtol=rtol, atol=floor * scale, inputs=inputs, alternatives=alternatives
    )


def _index(raw: Any) -> tuple[int, ...]:
    return tuple(int(i) for i in raw)


def check_call(
    solution: Any,
    reference: Any,
    function: str,
    *args: Any,
    outputs: tuple[str, ...] | None = None,
    hint: Hint = None,
    rtol: float = DEFAULT_RTOL,
    floor: float = ABS_SCALE,
    **kwargs: Any,
) -> Any:
    """Call `function` on both sides with the same arguments and compare the results.

    The learner is called first, so the expected values do not exist yet while learner code runs.
    """
    ref_args, ref_kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
    before = snapshot(args, kwargs)
    got = solution.call(function, *args, **kwargs)
    expected = reference.call(function, *ref_args, **ref_kwargs)
    inputs = reference.bind(function, args, kwargs)

    def case() -> Case:
        """The failing call, for a replay: only the compared results are expected."""
        made = Case(function, *before, list(inputs), expected, rtol=rtol, floor=floor)
        if outputs is None and not isinstance(expected, tuple):
            return made
        labels = outputs or tuple(f"result[{i}]" for i in range(len(expected)))
        made.expected, made.outputs = tuple(expected[: len(labels)]), list(labels)
        made.length = len(expected)
        return made

    flips = kernel_flips(reference, function, args, kwargs, list(inputs))
    with recording(case):
        return compare_result(got, expected, function, inputs, outputs, hint, rtol, floor, flips)


def compare_result(
    got: Any,
    expected: Any,
    function: str,
    inputs: dict[str, Any],
    outputs: tuple[str, ...] | None,
    hint: Hint,
    rtol: float,
    floor: float,
    flips: Sequence[tuple[str, Callable[[], Any]]] = (),
) -> Any:
    """`got` against `expected` as `check_call` compares them (a replay shows the same diff);
    `flips` are the reference's results with a kernel flipped, for the diagnosis."""
    if outputs is None and not isinstance(expected, tuple):
        assert_close(
            got,
            expected,
            what=_("`{function}` result").format(function=function),
            function=function,
            inputs=inputs,
            hint=hint,
            rtol=rtol,
            floor=floor,
            alternatives=[Alternative(words, result) for words, result in flips],
        )
        return got
    names = outputs or tuple(f"result[{i}]" for i in range(len(expected)))
    expect_tuple(got, len(expected), function)
    for i, name in enumerate(names):
        assert_close(
            got[i],
            expected[i],
            what=_("`{function}`: {output}").format(function=function, output=name),
            function=function,
            inputs=inputs,
            hint=hint,
            rtol=rtol,
            floor=floor,
            alternatives=output_alternatives(flips, i),
        )
    return got


def kernel_flips(
    reference: Any, function: str, args: tuple, kwargs: dict[str, Any], names: list[str]
) -> list[tuple[str, Callable[[], Any]]]:
    """The reference's result with one kernel flipped along its last two axes, computed only if
    a diagnosis asks for it: a learner who convolves (flips the kernel) where a cross-correlation
    belongs returns exactly that. A kernel is an array argument after the first (the data) with
    at least three axes."""
    flips = []
    for i, value in enumerate(args):
        if i and _is_kernel(value):
            changed = (*args[:i], value[..., ::-1, ::-1].copy(), *args[i + 1 :])
            flips.append((names[i] if i < len(names) else str(i), changed, kwargs))
    for key, value in kwargs.items():
        if _is_kernel(value):
            flips.append((key, args, {**kwargs, key: value[..., ::-1, ::-1].copy()}))
    return [
        (
            _(
                "your result is the reference's with `{name}` flipped along its last two axes: "
                "a flipped kernel (a true convolution where a cross-correlation belongs)"
            ).format(name=name),
            functools.cache(functools.partial(_call_copied, reference, function, changed, kw)),
        )
        for name, changed, kw in flips
    ]


def _call_copied(reference: Any, function: str, args: tuple, kwargs: dict[str, Any]) -> Any:
    return reference.call(function, *copy.deepcopy(args), **copy.deepcopy(kwargs))


def _is_kernel(value: Any) -> bool:
    return isinstance(value, np.ndarray) and value.dtype.kind == "f" and value.ndim >= 3


def output_alternatives(
    flips: Sequence[tuple[str, Callable[[], Any]]], index: int
) -> list[Alternative]:
    """The alternatives for element `index` of a tuple result (a forward's `out` before its
    cache), from those for the whole result."""
    return [Alternative(words, functools.partial(_item, result, index)) for words, result in flips]


def _item(result: Callable[[], Any], index: int) -> Any:
    value = result()
    return value[index] if isinstance(value, (tuple, list)) and len(value) > index else None


def expect_tuple(value: Any, length: int, function: str) -> None:
    """The result must be a tuple of `length` elements (a forward pass's `(out, cache)`...)."""
    if not isinstance(value, (tuple, list)) or len(value) != length:
        raise GradingFailure(
            ngettext(
                "`{function}` must return a tuple of {length} element; it returned {got}",
                "`{function}` must return a tuple of {length} elements; it returned {got}",
                length,
            ).format(function=function, length=length, got=describe(value)),
            kind="return_type",
            function=function,
            hint=_("Check the Returns section of the stub's docstring."),
        )


def expect_array(value: Any, shape: tuple[int, ...], *, function: str, what: str) -> np.ndarray:
    """The value must be a float64 array of exactly `shape` (contract rule 2)."""
    if not isinstance(value, np.ndarray):
        raise GradingFailure(
            _("{what} returned {got}, not a NumPy array").format(what=what, got=describe(value)),
            kind="type",
            function=function,
        )
    if value.shape != tuple(shape):
        raise GradingFailure(
            _("{what} returned shape {got}, expected {expected}").format(
                what=what, got=value.shape, expected=tuple(shape)
            ),
            kind="shape",
            function=function,
            expected_shape=list(shape),
            got_shape=list(value.shape),
            hint=_("Return an array of exactly the requested shape."),
        )
    if value.dtype != np.float64:
        raise GradingFailure(
            _("{what} returned dtype {dtype}").format(what=what, dtype=value.dtype),
            kind="dtype",
            function=function,
            hint=_("Return float64 arrays (contract rule 2)."),
        )
    return value
