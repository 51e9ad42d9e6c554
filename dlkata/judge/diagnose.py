"""Naming the mistake behind an array mismatch, never guessing it.

A diagnosis is a transformation T of the expected array (or of the expected array and the call's
inputs) with its words: the first T whose T(expected) matches the learner's array to the
comparison's own tolerance wins, so a diagnosis always reproduces the learner's values. The
candidates go from the most specific to the most general, and each is first tried on a few
dozen fixed elements: a candidate that fails there costs nothing more, so a mismatch on a large
array stays cheap.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from dlkata.i18n import _

_PROBES = 64
_NAMED_FACTORS = {
    "√2": np.sqrt(2.0),
    "1/√2": 1 / np.sqrt(2.0),
    "2": 2.0,
    "1/2": 0.5,
    "√3": np.sqrt(3.0),
    "1/√3": 1 / np.sqrt(3.0),
    "-1": -1.0,
}
_FACTOR_MATCH = 1e-6  # a measured factor names a known one within this relative distance
_MAX_PERMUTED_AXES = 4
_MAX_SUMMED_SIZE = 1_000_000  # an input summed over axes for a missing term, at most this big


@dataclass(frozen=True)
class Alternative:
    """A result the caller can compute when the comparison failed (the reference run on one
    sample, or on a flipped kernel), with the words that say what reproduces it."""

    words: str
    values: Callable[[], Any]


@dataclass(frozen=True)
class _Candidate:
    words: Callable[[], str]
    want: Callable[[Any], np.ndarray]  # T(expected) at an index (a probe, or `...` for all)
    got: np.ndarray | None = None  # the part of the learner's array compared, if not all of it
    vacuous: Callable[[], bool] | None = None  # a match that proves nothing (checked last)


def diagnose(
    got: np.ndarray,
    expected: np.ndarray,
    *,
    rtol: float,
    atol: float,
    inputs: dict[str, Any] | None = None,
    alternatives: Sequence[Alternative] = (),
    elementwise: bool = False,
) -> str | None:
    """The words of the first candidate that reproduces `got` from `expected`, or None.

    `got` matches T(expected) when every element is within `rtol` of T(expected) plus `atol`.
    `elementwise` keeps only the candidates that act on each value alone (a factor, an offset):
    for values sampled at scattered places, such as a numerical gradient check's.
    """
    got = np.asarray(got)
    expected = np.asarray(expected)
    if got.dtype.kind not in "fi" or expected.dtype.kind not in "fi" or got.size == 0:
        return None
    got, expected = np.asarray(got, np.float64), np.asarray(expected, np.float64)
    if got.ndim == 0 and expected.ndim == 0:  # a number: its candidates are those of one value
        got, expected = got.reshape(1), expected.reshape(1)
    if not (np.isfinite(got).all() and np.isfinite(expected).all()):
        return None
    try:
        return _first_match(got, expected, rtol, atol, inputs, alternatives, elementwise)
    except Exception:  # a diagnosis is a bonus: it must never turn a failure into an error
        return None


def _first_match(
    got: np.ndarray,
    expected: np.ndarray,
    rtol: float,
    atol: float,
    inputs: dict[str, Any] | None,
    alternatives: Sequence[Alternative],
    elementwise: bool,
) -> str | None:
    arrays = _array_inputs(inputs)
    match = _Matcher(got, rtol, atol)
    with np.errstate(all="ignore"):
        if got.shape == expected.shape:
            for candidate in _value_candidates(got, expected, arrays, elementwise):
                if match(candidate):
                    return candidate.words()
        if not elementwise:
            for candidate in _layout_candidates(got, expected, match):
                if match(candidate):
                    return candidate.words()
        for alternative in alternatives:
            if _alternative_matches(alternative, match):
                return alternative.words
    return None


class _Matcher:
    """`got` against a candidate: first at a few fixed places, then everywhere."""

    def __init__(self, got: np.ndarray, rtol: float, atol: float) -> None:
        self.got, self.rtol, self.atol = got, rtol, atol
        self._probes: dict[tuple[int, ...], tuple[np.ndarray, ...]] = {}

    def __call__(self, candidate: _Candidate) -> bool:
        got = self.got if candidate.got is None else candidate.got
        if got.size == 0:
            return False
        probe = self._probe(got.shape)
        if not self.close(got[probe], candidate.want(probe)):
            return False
        if not self.close(got, candidate.want(...)):
            return False
        return candidate.vacuous is None or not candidate.vacuous()

    def close(self, got: np.ndarray, want: np.ndarray) -> bool:
        want = np.asarray(want)
        if want.shape != got.shape:
            return False
        return bool(np.all(np.abs(got - want) <= self.rtol * np.abs(want) + self.atol))

    def _probe(self, shape: tuple[int, ...]) -> tuple[np.ndarray, ...]:
        if shape not in self._probes:
            size = int(np.prod(shape))
            rng = np.random.default_rng(0)
            flat = rng.choice(size, size=min(_PROBES, size), replace=False)
            self._probes[shape] = np.unravel_index(flat, shape)
        return self._probes[shape]


def _alternative_matches(alternative: Alternative, match: _Matcher) -> bool:
    try:
        values = alternative.values()
    except Exception:  # the reference refused the modified call: nothing to compare
        return False
    if values is None:
        return False
    values = np.asarray(values)
    if values.dtype.kind not in "fi" or values.shape != match.got.shape:
        return False
    return match.close(match.got, values.astype(np.float64))


def _array_inputs(inputs: dict[str, Any] | None) -> dict[str, np.ndarray]:
    """The call's float arrays by name (a learner's values never come here: inputs are the
    test's)."""
    return {
        name: value
        for name, value in (inputs or {}).items()
        if isinstance(value, np.ndarray) and value.dtype.kind == "f" and value.size
    }


# --- candidates on values: a factor, a missing term, an offset, the wrong axis ----------------


def _value_candidates(
    got: np.ndarray, expected: np.ndarray, arrays: dict[str, np.ndarray], elementwise: bool
) -> Iterator[_Candidate]:
    yield from _factor(got, expected, arrays)
    if not elementwise:
        yield from _missing_terms(expected, arrays)
    yield from _offset(got, expected)
    if not elementwise:
        yield from _wrong_axis(expected, arrays)
        yield from _wrong_reduction(expected, arrays)


def _factor(
    got: np.ndarray, expected: np.ndarray, arrays: dict[str, np.ndarray]
) -> Iterator[_Candidate]:
    """Every value times the same factor, named after an input's dimension where it is one. A
    single value has a ratio to any other, so it proves only a factor with a name."""
    pivot = int(np.argmax(np.abs(expected)))
    if abs(expected.flat[pivot]) == 0.0:
        return
    factor = float(got.flat[pivot] / expected.flat[pivot])
    if factor == 0.0 or abs(factor - 1.0) <= _FACTOR_MATCH:
        return
    words = _factor_words(factor, arrays)
    if words is None and got.size < 2:
        return
    yield _Candidate(
        lambda: (
            words
            or _("every value is off by the same factor {factor}").format(factor=f"{factor:.6g}")
        ),
        lambda at: factor * expected[at],
    )


def _factor_words(factor: float, arrays: dict[str, np.ndarray]) -> str | None:
    """The words of a factor that has a name: an input's size, or √2, 2, √3, -1 ..."""
    for size, what in _dimensions(arrays):
        if _near(factor, 1.0 / size):
            return _(
                "every value is 1/{size} of the expected one: {size} is {what}: a mean where "
                "a sum belongs"
            ).format(size=size, what=what)
        if _near(factor, float(size)):
            return _(
                "every value is {size} times the expected one: {size} is {what}: a sum where "
                "a mean belongs"
            ).format(size=size, what=what)
    names = [name for name, known in _NAMED_FACTORS.items() if _near(factor, known)]
    if names:
        return _("every value is off by the same factor {factor} ({name})").format(
            factor=f"{factor:.6g}", name=names[0]
        )
    return None


def _near(value: float, target: float) -> bool:
    return abs(value - target) <= _FACTOR_MATCH * abs(target)


def _dimensions(arrays: dict[str, np.ndarray]) -> Iterator[tuple[int, str]]:
    """The inputs' sizes worth naming, the first input's batch and spatial sizes first."""
    named: set[tuple[str, int]] = set()
    for position, (name, array) in enumerate(arrays.items()):
        if position == 0 and array.ndim >= 2:
            yield array.shape[0], _("`{name}`'s batch size (axis 0)").format(name=name)
            named.add((name, 0))
            if array.ndim == 4:
                height, width = array.shape[2:]
                yield (
                    height * width,
                    _("`{name}`'s spatial size H*W (axes 2 and 3)").format(name=name),
                )
                yield height, _("`{name}`'s height H (axis 2)").format(name=name)
                yield width, _("`{name}`'s width W (axis 3)").format(name=name)
                named |= {(name, 2), (name, 3)}
        for axis, size in enumerate(array.shape):
            if (name, axis) not in named and size >= 2:
                yield size, _("the size of `{name}`'s axis {axis}").format(name=name, axis=axis)


def _missing_terms(expected: np.ndarray, arrays: dict[str, np.ndarray]) -> Iterator[_Candidate]:
    """The expected values without one of the inputs (or with it twice), broadcast to the
    result's axes, or without its sum over some axes."""
    for name, array in arrays.items():
        for term, axes in _terms(array):
            for aligned in _alignments(term, expected.shape):
                yield _Candidate(
                    _missing_words(name, axes, lacks=True),
                    lambda at, t=aligned: expected[at] - t[at],
                )
                yield _Candidate(
                    _missing_words(name, axes, lacks=False),
                    lambda at, t=aligned: expected[at] + t[at],
                )


def _terms(array: np.ndarray) -> Iterator[tuple[np.ndarray, tuple[int, ...]]]:
    yield array, ()
    if array.ndim < 2 or array.ndim > _MAX_PERMUTED_AXES or array.size > _MAX_SUMMED_SIZE:
        return
    for count in range(1, array.ndim):
        for axes in itertools.combinations(range(array.ndim), count):
            yield array.sum(axis=axes), axes


def _alignments(term: np.ndarray, shape: tuple[int, ...]) -> Iterator[np.ndarray]:
    """`term` broadcast to `shape` with its axes on a run of the result's axes, at every place
    where its sizes fit (a bias (C,) on axis 1 of (N, C, H, W))."""
    if term.ndim == 0 or term.ndim > len(shape):
        return
    for start in range(len(shape) - term.ndim, -1, -1):
        window = shape[start : start + term.ndim]
        if all(t in (1, s) for t, s in zip(term.shape, window)):
            view = term.reshape((1,) * start + term.shape + (1,) * (len(shape) - start - term.ndim))
            yield np.broadcast_to(view, shape)


def _missing_words(name: str, axes: tuple[int, ...], *, lacks: bool) -> Callable[[], str]:
    def words() -> str:
        if axes and lacks:
            message = _(
                "your result lacks the input `{name}` summed over axes {axes}: a missing term"
            )
        elif axes:
            message = _(
                "your result has the input `{name}` summed over axes {axes} added once too often"
            )
        elif lacks:
            message = _("your result lacks the input `{name}`: a missing bias or term")
        else:
            message = _("your result has the input `{name}` added once too often")
        return message.format(name=name, axes=axes)

    return words


def _offset(got: np.ndarray, expected: np.ndarray) -> Iterator[_Candidate]:
    if got.size < 2:
        return
    offset = float(got.flat[0] - expected.flat[0])
    yield _Candidate(
        lambda: _("every value is off by the same constant {offset}").format(
            offset=f"{offset:.6g}"
        ),
        lambda at: expected[at] + offset,
    )


def _wrong_axis(expected: np.ndarray, arrays: dict[str, np.ndarray]) -> Iterator[_Candidate]:
    """A softmax or a normalisation of an input over another axis than the expected one."""
    same = {name: array for name, array in arrays.items() if array.shape == expected.shape}
    if expected.ndim < 2 or not same:
        return
    sums_to_one = [a for a in range(expected.ndim) if _sums_to_one(expected, a)]
    for name, array in same.items():
        for make, words in ((_softmax, _softmax_words), (_normalised, _normalised_words)):
            for axis in sums_to_one:
                if not np.allclose(make(array, axis), expected, rtol=1e-9, atol=1e-12):
                    continue
                for other in range(expected.ndim):
                    if other != axis and expected.shape[other] > 1:
                        values = make(array, other)
                        yield _Candidate(
                            functools.partial(words, name, other, axis),
                            lambda at, v=values: v[at],
                        )


def _wrong_reduction(expected: np.ndarray, arrays: dict[str, np.ndarray]) -> Iterator[_Candidate]:
    """An input summed (or averaged) over other axes than the expected ones, where both
    reductions have the result's shape: `x.sum(axis=1)` where `x.sum(axis=0)` belongs."""
    for name, array in arrays.items():
        if array.ndim <= expected.ndim or array.ndim > _MAX_PERMUTED_AXES:
            continue
        if array.size > _MAX_SUMMED_SIZE:
            continue
        subsets = [
            axes
            for count in range(1, array.ndim + 1)
            for axes in itertools.combinations(range(array.ndim), count)
            if tuple(s for a, s in enumerate(array.shape) if a not in axes) == expected.shape
        ]
        for reduce in (np.sum, np.mean):
            right = [a for a in subsets if np.allclose(reduce(array, axis=a), expected, 1e-9, 0)]
            for axes in subsets if right else ():
                if axes != right[0]:
                    values = reduce(array, axis=axes)
                    yield _Candidate(
                        functools.partial(_reduction_words, reduce is np.sum, name, axes, right[0]),
                        lambda at, v=values: v[at],
                    )


def _reduction_words(summed: bool, name: str, got: tuple, expected: tuple) -> str:
    if summed:
        message = _(
            "your values are `{name}` summed over axes {got}, the expected ones over axes "
            "{expected}: the right values along the wrong axis"
        )
    else:
        message = _(
            "your values are the mean of `{name}` over axes {got}, the expected ones over axes "
            "{expected}: the right values along the wrong axis"
        )
    return message.format(name=name, got=got, expected=expected)


def _sums_to_one(array: np.ndarray, axis: int) -> bool:
    """Whether every line along `axis` sums to 1: the first and the last line first (cheap)."""
    for end in (0, -1):
        line = tuple(slice(None) if a == axis else end for a in range(array.ndim))
        if not np.isclose(array[line].sum(), 1.0):
            return False
    return bool(np.allclose(array.sum(axis=axis), 1.0))


def _softmax(array: np.ndarray, axis: int) -> np.ndarray:
    shifted = np.exp(array - array.max(axis=axis, keepdims=True))
    return shifted / shifted.sum(axis=axis, keepdims=True)


def _normalised(array: np.ndarray, axis: int) -> np.ndarray:
    return array / array.sum(axis=axis, keepdims=True)


def _softmax_words(name: str, got: int, expected: int) -> str:
    return _(
        "your values are a softmax of `{name}` over axis {got}, the expected one is over axis "
        "{expected}: the right values along the wrong axis"
    ).format(name=name, got=got, expected=expected)


def _normalised_words(name: str, got: int, expected: int) -> str:
    return _(
        "your values are `{name}` normalised over axis {got}, the expected ones over axis "
        "{expected}: the right values along the wrong axis"
    ).format(name=name, got=got, expected=expected)


# --- candidates on the layout: axes permuted, reversed, shifted by one ---------------------


def _layout_candidates(
    got: np.ndarray, expected: np.ndarray, match: _Matcher
) -> Iterator[_Candidate]:
    if got.size != expected.size:
        return
    yield from _permutations(got, expected)
    if got.shape == expected.shape:
        yield from _flips(expected)
        yield from _shifts(got, expected, match)


def _permutations(got: np.ndarray, expected: np.ndarray) -> Iterator[_Candidate]:
    if not 2 <= expected.ndim <= _MAX_PERMUTED_AXES:
        return
    identity = tuple(range(expected.ndim))
    for order in itertools.permutations(identity):
        if order == identity:
            continue
        view = expected.transpose(order)
        if view.shape == got.shape:
            yield _Candidate(lambda o=order: _permutation_words(o), lambda at, v=view: v[at])


def _permutation_words(order: tuple[int, ...]) -> str:
    if len(order) == 2:
        return _("your result is the transpose of the expected one")
    moved = [axis for axis, source in enumerate(order) if axis != source]
    if len(moved) == 2:
        return _("your result is the expected one with axes {first} and {second} swapped").format(
            first=moved[0], second=moved[1]
        )
    return _(
        "your result is np.transpose(expected, {order}): the right values with the axes in "
        "another order"
    ).format(order=order)


def _flips(expected: np.ndarray) -> Iterator[_Candidate]:
    if expected.ndim >= 2 and min(expected.shape[-2:]) > 1:
        view = expected[..., ::-1, ::-1]
        yield _Candidate(
            lambda: _(
                "your result is the expected one flipped along both of its last two axes (both "
                "spatial axes)"
            ),
            lambda at: view[at],
        )
    for axis, size in enumerate(expected.shape):
        if size > 1:
            view = np.flip(expected, axis)
            yield _Candidate(
                lambda a=axis: _(
                    "your result is the expected one reversed along axis {axis}"
                ).format(axis=a),
                lambda at, v=view: v[at],
            )


def _shifts(got: np.ndarray, expected: np.ndarray, match: _Matcher) -> Iterator[_Candidate]:
    """The right values one position off along an axis: all of the overlap must match, and the
    expected values must change along that axis (or the overlap would prove nothing)."""
    for axis, size in enumerate(expected.shape):
        if size < 3:
            continue
        later = expected[_along(axis, slice(1, None), expected.ndim)]
        earlier = expected[_along(axis, slice(None, -1), expected.ndim)]
        mine_later = got[_along(axis, slice(1, None), expected.ndim)]
        mine_earlier = got[_along(axis, slice(None, -1), expected.ndim)]
        constant = functools.partial(match.close, later, earlier)
        yield _Candidate(
            functools.partial(_shift_words, axis, forward=True),
            lambda at, v=earlier: v[at],
            mine_later,
            constant,
        )
        yield _Candidate(
            functools.partial(_shift_words, axis, forward=False),
            lambda at, v=later: v[at],
            mine_earlier,
            constant,
        )


def _shift_words(axis: int, *, forward: bool) -> str:
    if forward:
        message = _(
            "your values are one position off along axis {axis}: your [i + 1] is the expected [i]"
        )
    else:
        message = _(
            "your values are one position off along axis {axis}: your [i] is the expected [i + 1]"
        )
    return message.format(axis=axis)


def _along(axis: int, part: slice, ndim: int) -> tuple[slice, ...]:
    return tuple(part if a == axis else slice(None) for a in range(ndim))
