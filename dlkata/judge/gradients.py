"""Gradient checks: against the reference, and against central differences of the learner's own
forward pass, so a report can tell "your backward is wrong" from "your forward is wrong"."""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from dlkata.i18n import _, ngettext
from dlkata.judge.blame import blame_gradients, forward_first
from dlkata.judge.cases import Case, recording
from dlkata.judge.compare import (
    ABS_SCALE,
    assert_close,
    describe_inputs,
    expect_tuple,
    kernel_flips,
)
from dlkata.judge.diagnose import Alternative, diagnose
from dlkata.judge.differences import ABS_FLOOR, THRESHOLD, central_differences, disagreement
from dlkata.judge.failures import GradingFailure, Hint


def _as_tuple(value: Any) -> tuple:
    return tuple(value) if isinstance(value, (tuple, list)) else (value,)


def _upstream(shapes: list[tuple[int, ...]], seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [rng.standard_normal(shape) for shape in shapes]


def check_backward(
    solution: Any,
    reference: Any,
    forward: str,
    backward: str,
    inputs: dict[str, Any],
    *,
    kwargs: dict[str, Any] | None = None,
    other_kwargs: dict[str, Any] | None = None,
    other_inputs: dict[str, Any] | None = None,
    outputs: tuple[str, ...] = ("out",),
    upstream: tuple[str, ...] = ("out",),
    grads: tuple[str, ...] | None = None,
    seed: int = 0,
    hint: Hint = None,
    floor: float = ABS_SCALE,
) -> tuple:
    """Every gradient against the reference, with caches proved independent.

    Two forward passes run first: on `inputs`, then on `other_inputs` (by default a copy of
    `inputs` scaled element by element, which keeps signs: give other inputs where the backward
    depends only on signs, as ReLU's does), with the keywords changed by `other_kwargs` (another
    mode, stride ...) and a fresh generator for any `rng`.
    Both forward passes must match the reference first: otherwise the test fails naming the
    forward function (kind `forward_first`), since the gradients would only reflect it. A wrong
    gradient is then named by central differences of the learner's own forward.
    Their backward passes run in reverse order, and the first one's twice. A backward that reads
    the latest forward's state instead of its own cache, or that accumulates into its cache,
    fails with a message that says so.
    """
    kwargs = kwargs or {}
    grads = grads or tuple(f"d{name}" for name in inputs)
    second_inputs = other_inputs if other_inputs is not None else perturbed(inputs, seed)
    second_kwargs = {**_fresh_generators(kwargs, seed), **(other_kwargs or {})}
    first = _forwards(solution, reference, forward, inputs, kwargs, outputs)
    second = _forwards(solution, reference, forward, second_inputs, second_kwargs, outputs)
    for (mine, theirs), call_inputs, call_kwargs in (
        (first, inputs, kwargs),
        (second, second_inputs, second_kwargs),
    ):
        failing_forward = functools.partial(
            _forward_case, forward, call_inputs, call_kwargs, theirs, outputs, floor=floor
        )
        names = list(call_inputs)
        flips = kernel_flips(reference, forward, tuple(call_inputs.values()), call_kwargs, names)
        with recording(failing_forward):
            forward_first(
                mine,
                theirs,
                outputs,
                forward=forward,
                backward=backward,
                inputs={**call_inputs, **call_kwargs},
                floor=floor,
                flips=flips,
            )
    douts = _upstream([np.shape(first[1][outputs.index(n)]) for n in upstream], seed)
    douts_2 = _upstream([np.shape(second[1][outputs.index(n)]) for n in upstream], seed + 1)

    def backwards(impl: Any, cache: Any, gradients: list[np.ndarray]) -> tuple:
        return _as_tuple(impl.call(backward, *copy.deepcopy(gradients), cache))

    got_2 = backwards(solution, second[0][-1], douts_2)
    got = backwards(solution, first[0][-1], douts)
    got_again = backwards(solution, first[0][-1], douts)
    expected = backwards(reference, first[1][-1], douts)
    expected_2 = backwards(reference, second[1][-1], douts_2)
    single = _single_samples(reference, (forward, backward), inputs, kwargs, douts, grads)
    for name, flipped in _kernel_flips(
        reference, (forward, backward), inputs, kwargs, douts, grads
    ):
        single.setdefault(name, []).extend(flipped)
    compare = functools.partial(
        _compare_gradients,
        backward=backward,
        grads=grads,
        inputs={**inputs, **kwargs},
        hint=hint,
        floor=floor,
    )
    # the diagnosis replays the first upstream gradients on the second cache: only possible
    # when both forward passes have outputs of the same shapes
    same_shapes = [np.shape(d) for d in douts] == [np.shape(d) for d in douts_2]
    if (
        same_shapes
        and not _all_close(got, expected, grads)
        and _all_close(got, backwards(reference, second[1][-1], douts), grads)
    ):
        raise GradingFailure(
            _(
                "`{function}` used the state of the latest forward pass, not its own cache: after "
                "two forward passes, the first one's gradients came out as those of the second"
            ).format(function=backward),
            kind="cache",
            function=backward,
            hint=_(
                "Put everything the backward pass needs into the cache that the forward pass "
                "returns; never keep it in a global variable, a closure or a function attribute."
            ),
        )
    case = functools.partial(_case, forward, backward, grads=grads, floor=floor)
    try:
        with recording(lambda: case(inputs, kwargs, douts, expected)):
            compare(got, expected, which="first", alternatives=single)
    except GradingFailure as failure:
        blame_gradients(
            failure,
            solution,
            forward=forward,
            inputs=inputs,
            kwargs=kwargs,
            outputs=outputs,
            upstream=upstream,
            douts=douts,
            got=got,
            expected=expected,
            grads=grads,
        )
        raise
    with recording(lambda: case(second_inputs, second_kwargs, douts_2, expected_2)):
        compare(got_2, expected_2, which="second", inputs=second_inputs)
    compare(
        got_again,
        expected,
        which="again",
        kind="cache",
        hint=_(
            "A second backward call with the same cache must give the same gradients: do not "
            "accumulate into arrays kept in the cache, or change the cache in place."
        ),
    )
    return got


def _forward_case(
    forward: str,
    inputs: dict[str, Any],
    kwargs: dict[str, Any],
    expected: tuple,
    outputs: tuple[str, ...],
    *,
    floor: float,
) -> Case:
    """A wrong forward pass found by a backward test, for a replay: its outputs, not its cache."""
    return Case(
        forward,
        copy.deepcopy(tuple(inputs.values())),
        copy.deepcopy(kwargs),
        list(inputs),
        tuple(expected[: len(outputs)]),
        outputs=list(outputs),
        length=len(expected),
        floor=floor,
    )


def _case(
    forward: str,
    backward: str,
    inputs: dict[str, Any],
    kwargs: dict[str, Any],
    douts: list[np.ndarray],
    expected: tuple,
    *,
    grads: tuple[str, ...],
    floor: float,
) -> Case:
    """A failing backward pass, for a replay: the forward call's inputs (a cache cannot be
    kept), the upstream gradients, and the gradients expected."""
    return Case(
        forward,
        copy.deepcopy(tuple(inputs.values())),
        copy.deepcopy(kwargs),
        list(inputs),
        tuple(expected),
        outputs=list(grads),
        backward=backward,
        upstream=list(douts),
        floor=floor,
    )


def _single_samples(
    reference: Any,
    functions: tuple[str, str],
    inputs: dict[str, Any],
    kwargs: dict[str, Any],
    douts: list[np.ndarray],
    grads: tuple[str, ...],
) -> dict[str, list[Alternative]]:
    """For the gradient of each input without the batch axis (dw, db), the reference's gradient
    on the first sample alone and on the last one alone, computed only if a diagnosis asks: a
    backward pass that forgets to sum over the batch, or overwrites where it should add, returns
    one of them. The batch is axis 0 of the first input and of every upstream gradient; the other
    inputs are either all unbatched or, as a second reading, batched where axis 0 has its size."""
    names = list(inputs)
    first = inputs[names[0]] if names else None
    if not isinstance(first, np.ndarray) or first.ndim < 2 or first.shape[0] < 2:
        return {}
    size = first.shape[0]
    if any(isinstance(v, np.random.Generator) for v in kwargs.values()) or any(
        np.ndim(d) == 0 or np.shape(d)[0] != size for d in douts
    ):
        return {}
    readings = [{names[0]}]
    batched = {n for n, v in inputs.items() if isinstance(v, np.ndarray) and v.shape[:1] == (size,)}
    if batched != readings[0]:
        readings.append(batched)

    @functools.cache
    def gradients(sample: int, reading: int) -> tuple:
        part = slice(sample, sample + 1)
        sliced = [v[part] if n in readings[reading] else v for n, v in inputs.items()]
        result = reference.call(functions[0], *copy.deepcopy(sliced), **copy.deepcopy(kwargs))
        return _as_tuple(reference.call(functions[1], *[d[part] for d in douts], result[-1]))

    alternatives: dict[str, list[Alternative]] = {}
    for index, name in enumerate(grads):
        for sample in (0, size - 1):
            for reading, sliced in enumerate(readings):
                if name[1:] in sliced:
                    continue
                words = _(
                    "your {gradient} equals the gradient of sample {sample} alone: a sum over "
                    "the batch is missing"
                ).format(gradient=name, sample=sample)
                values = functools.partial(_nth, gradients, sample, reading, index)
                alternatives.setdefault(name, []).append(Alternative(words, values))
    return alternatives


def _kernel_flips(
    reference: Any,
    functions: tuple[str, str],
    inputs: dict[str, Any],
    kwargs: dict[str, Any],
    douts: list[np.ndarray],
    grads: tuple[str, ...],
) -> Iterator[tuple[str, list[Alternative]]]:
    """For each gradient, the reference's on a kernel flipped along its last two axes (a kernel
    is an input after the first with at least three axes), computed only if a diagnosis asks:
    a forward pass that convolves where it should cross-correlate gives exactly those, with the
    kernel's own gradient flipped back."""
    for kernel in list(inputs)[1:]:
        value = inputs[kernel]
        if not (isinstance(value, np.ndarray) and value.dtype.kind == "f" and value.ndim >= 3):
            continue
        gradients = functools.cache(
            functools.partial(
                _flipped_kernel_gradients,
                reference,
                functions,
                inputs,
                kwargs,
                douts,
                grads,
                kernel,
            )
        )
        words = _(
            "your {gradient} is the reference's with `{name}` flipped along its last two axes: "
            "your backward pass turns the kernel the wrong way"
        )
        for index, name in enumerate(grads):
            values = functools.partial(_pick, gradients, index)
            yield name, [Alternative(words.format(gradient=name, name=kernel), values)]


def _flipped_kernel_gradients(
    reference: Any,
    functions: tuple[str, str],
    inputs: dict[str, Any],
    kwargs: dict[str, Any],
    douts: list[np.ndarray],
    grads: tuple[str, ...],
    kernel: str,
) -> tuple:
    changed = {**inputs, kernel: inputs[kernel][..., ::-1, ::-1].copy()}
    result = reference.call(
        functions[0], *copy.deepcopy(list(changed.values())), **copy.deepcopy(kwargs)
    )
    values = _as_tuple(reference.call(functions[1], *copy.deepcopy(douts), result[-1]))
    return tuple(
        v[..., ::-1, ::-1] if g == f"d{kernel}" and np.ndim(v) >= 2 else v
        for g, v in zip(grads, values)
    )


def _pick(values: Callable[[], tuple], index: int) -> Any:
    found = values()
    return found[index] if index < len(found) else None


def _nth(gradients: Callable[[int, int], tuple], sample: int, reading: int, index: int) -> Any:
    values = gradients(sample, reading)
    return values[index] if index < len(values) else None


def perturbed(inputs: dict[str, Any], seed: int) -> dict[str, Any]:
    """Other inputs of the same shapes: each float array scaled element by element by a factor
    in [0.5, 1.5], so signs, exact zeros and infinities stay as they were."""
    rng = np.random.default_rng(seed + 4049)
    return {
        name: value * rng.uniform(0.5, 1.5, value.shape)
        if isinstance(value, np.ndarray) and value.dtype.kind == "f"
        else copy.deepcopy(value)
        for name, value in inputs.items()
    }


def _fresh_generators(kwargs: dict[str, Any], seed: int) -> dict[str, Any]:
    return {
        key: np.random.default_rng(seed + 7919) if isinstance(value, np.random.Generator) else value
        for key, value in kwargs.items()
    }


def _forwards(
    solution: Any,
    reference: Any,
    forward: str,
    inputs: dict[str, Any],
    kwargs: dict[str, Any],
    outputs: tuple[str, ...],
) -> tuple[Any, Any]:
    """The learner's forward result (called first), then the reference's, on equal copies."""
    args = tuple(inputs.values())
    got = solution.call(forward, *copy.deepcopy(args), **copy.deepcopy(kwargs))
    expect_tuple(got, len(outputs) + 1, forward)
    return got, reference.call(forward, *copy.deepcopy(args), **copy.deepcopy(kwargs))


def _all_close(got: tuple, expected: tuple, grads: tuple[str, ...]) -> bool:
    try:
        _compare_gradients(
            got, expected, backward="", grads=grads, inputs={}, hint=None, which="first"
        )
    except GradingFailure:
        return False
    return True


def _compare_gradients(
    got: tuple,
    expected: tuple,
    *,
    backward: str,
    grads: tuple[str, ...],
    inputs: dict[str, Any],
    hint: Hint,
    which: str,
    kind: str | None = None,
    floor: float = ABS_SCALE,
    alternatives: dict[str, list[Alternative]] | None = None,
) -> None:
    """`which` backward pass of `check_backward` this is: `first`, `second` (on the second
    forward pass's cache) or `again` (the first cache used a second time); `alternatives`, by
    gradient, feed the diagnosis."""
    if len(got) != len(grads):
        raise _gradient_count(backward, grads, len(got), hint)
    for name, got_grad, ref_grad in zip(grads, got, expected):
        if which == "second":
            what = _("`{function}`: gradient (second forward pass) {gradient}")
        elif which == "again":
            what = _("`{function}`: gradient (the same cache used a second time) {gradient}")
        else:
            what = _("`{function}`: gradient {gradient}")
        try:
            assert_close(
                got_grad,
                ref_grad,
                what=what.format(function=backward, gradient=name),
                function=backward,
                inputs=inputs,
                hint=hint,
                gradient=name,
                floor=floor,
                alternatives=(alternatives or {}).get(name, ()),
            )
        except GradingFailure as failure:
            if kind is not None:
                failure.kind = kind
            raise


def _gradient_count(
    backward: str, grads: tuple[str, ...], returned: int, hint: Hint
) -> GradingFailure:
    return GradingFailure(
        ngettext(
            "`{function}` must return {count} gradient ({names}); it returned {returned}",
            "`{function}` must return {count} gradients ({names}); it returned {returned}",
            len(grads),
        ).format(function=backward, count=len(grads), names=", ".join(grads), returned=returned),
        kind="return_type",
        function=backward,
        hint=hint,
    )


def check_gradient_numerically(
    impl: Any,
    forward: str,
    backward: str,
    inputs: dict[str, Any],
    *,
    kwargs: dict[str, Any] | None = None,
    outputs: tuple[str, ...] = ("out",),
    upstream: tuple[str, ...] = ("out",),
    grads: tuple[str, ...] | None = None,
    wrt: tuple[str, ...] | None = None,
    samples: int = 12,
    seed: int = 0,
    hint: Hint = None,
) -> None:
    """The backward pass against central differences of the same implementation's forward."""
    kwargs = kwargs or {}
    grads = grads or tuple(f"d{name}" for name in inputs)
    wrt = wrt or tuple(g[1:] for g in grads if g[1:] in inputs)
    # a `rng` argument is copied before the first call, so that every perturbed forward pass
    # starts from the same random state (the same dropout mask) as the one differentiated
    fresh_kwargs = copy.deepcopy(kwargs)
    result = impl.call(forward, *inputs.values(), **kwargs)
    expect_tuple(result, len(outputs) + 1, forward)
    picked = [outputs.index(name) for name in upstream]
    douts = _upstream([np.shape(result[i]) for i in picked], seed)
    analytic = _as_tuple(impl.call(backward, *douts, result[-1]))
    if len(analytic) != len(grads):
        raise _gradient_count(backward, grads, len(analytic), hint)

    def objective(picked_outputs: Any) -> float:
        return float(
            sum(np.sum(np.asarray(o) * d) for o, d in zip(_as_tuple(picked_outputs), douts))
        )

    for name in wrt:
        _compare_numerically(
            impl,
            forward,
            inputs,
            fresh_kwargs,
            name,
            analytic[grads.index(f"d{name}")],
            objective,
            picked,
            samples,
            seed,
            backward,
            _(
                "`{function}`: gradient d{name} against central differences of your own `{forward}`"
            ).format(function=backward, name=name, forward=forward),
            hint,
        )


def check_scalar_gradient(
    impl: Any,
    function: str,
    inputs: dict[str, Any],
    *,
    wrt: str,
    value: Callable[[Any], float],
    gradient: Callable[[Any], Any],
    kwargs: dict[str, Any] | None = None,
    samples: int = 12,
    seed: int = 0,
    hint: Hint = None,
) -> None:
    """A function returning a value and its gradient: the gradient against central differences."""
    kwargs = kwargs or {}
    result = impl.call(function, *inputs.values(), **kwargs)
    _compare_numerically(
        impl,
        function,
        inputs,
        kwargs,
        wrt,
        gradient(result),
        lambda r: float(value(r)),
        None,
        samples,
        seed,
        function,
        _(
            "`{function}`: gradient with respect to {name} against central differences of its value"
        ).format(function=function, name=wrt),
        hint,
    )


def _compare_numerically(
    impl: Any,
    function: str,
    inputs: dict[str, Any],
    kwargs: dict[str, Any],
    name: str,
    analytic: Any,
    objective: Callable[[Any], float],
    pick: list[int] | None,
    samples: int,
    seed: int,
    at_fault: str,
    what: str,
    hint: Hint,
) -> None:
    base = np.asarray(inputs[name], dtype=np.float64)
    if not isinstance(analytic, np.ndarray) or analytic.shape != base.shape:
        shape = getattr(analytic, "shape", None)
        raise GradingFailure(
            _(
                "{what}: the gradient d{name} must have the shape of {name} {shape}, got {got}"
            ).format(
                what=what,
                name=name,
                shape=base.shape,
                got=shape if shape is not None else type(analytic).__name__,
            ),
            kind="shape",
            function=at_fault,
            hint=hint,
            gradient=f"d{name}",
            expected_shape=list(base.shape),
            got_shape=list(shape) if shape else None,
        )
    rng = np.random.default_rng(seed + 1)
    chosen = rng.choice(base.size, size=min(samples, base.size), replace=False)
    numeric, scale = central_differences(
        impl, function, inputs, kwargs, name, chosen, objective, pick
    )
    picked = analytic.flat[chosen]
    bad, relative = disagreement(picked, numeric, scale)
    if not bad.any():
        return
    worst = int(np.argmax(np.where(bad, relative, -1.0)))
    index = [int(i) for i in np.unravel_index(chosen[worst], base.shape)]
    count = int(bad.sum())
    if not np.isfinite(picked[worst]):
        message = ngettext(
            "{what}: your gradient is {value} at index {index}: relative error {error} at index "
            "{index} (threshold {threshold}; {count} of {checked} checked elements differs)",
            "{what}: your gradient is {value} at index {index}: relative error {error} at index "
            "{index} (threshold {threshold}; {count} of {checked} checked elements differ)",
            count,
        )
        value = picked[worst]
    elif not np.isfinite(numeric[worst]):
        message = ngettext(
            "{what}: your forward pass gives {value} near index {index}: relative error {error} "
            "at index {index} (threshold {threshold}; {count} of {checked} checked elements "
            "differs)",
            "{what}: your forward pass gives {value} near index {index}: relative error {error} "
            "at index {index} (threshold {threshold}; {count} of {checked} checked elements "
            "differ)",
            count,
        )
        value = numeric[worst]
    else:
        message = ngettext(
            "{what}: relative error {error} at index {index} (threshold {threshold}; {count} of "
            "{checked} checked elements differs)",
            "{what}: relative error {error} at index {index} (threshold {threshold}; {count} of "
            "{checked} checked elements differ)",
            count,
        )
        value = None
    raise GradingFailure(
        message.format(
            what=what,
            value=value,
            index=tuple(index),
            error=f"{relative[worst]:.3g}",
            threshold=f"{THRESHOLD:g}",
            count=count,
            checked=len(chosen),
        ),
        kind="gradient",
        function=at_fault,
        hint=hint,
        gradient=f"d{name}",
        rel_error=float(relative[worst]),
        threshold=THRESHOLD,
        worst_index=index,
        samples=[
            [
                [int(i) for i in np.unravel_index(chosen[k], base.shape)],
                float(numeric[k]),
                float(picked[k]),
            ]
            for k in np.flatnonzero(bad)[:3]
        ],
        inputs=describe_inputs({**inputs, **kwargs}),
        # the same tolerance: |a - n| <= THRESHOLD * (|a| + |n|) is about 2 * THRESHOLD * |n|
        diagnosis=diagnose(
            picked,
            numeric,
            rtol=2 * THRESHOLD,
            atol=ABS_FLOOR * scale,
            inputs=inputs,
            elementwise=True,
        ),
    )
