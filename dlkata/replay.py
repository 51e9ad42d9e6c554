"""Run one call of the learner's function outside a check: a saved failing call again
(`dlkata replay`), or the learner's own inputs beside the reference (`dlkata try`).

The learner's file runs in a learner process under the grader's limits and sandbox, exactly as
in a check; this process (the CLI's, or a notebook's kernel) plays the judge's part through the
same proxy, and never imports the learner's code. The result is compared as the report compares
it (`compare_result`), so a replay shows the same diff.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import importlib.util
import inspect
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from dlkata.catalogue import Kata
from dlkata.failure_cases import SavedCase
from dlkata.i18n import _
from dlkata.judge.compare import (
    ABS_SCALE,
    DEFAULT_RTOL,
    compare_result,
    describe,
    expect_tuple,
)
from dlkata.judge.failures import GradingFailure
from dlkata.judge.proxy import ReferenceImpl, SolutionProxy, WorkerProcess
from dlkata.limits import Limits
from dlkata.results import Status, TestResult

# what the learner's code printed during the call, cut to its first and last this many bytes
OUTPUT_EDGE = 2048


class ReplayError(Exception):
    """The call cannot be made as asked (an unknown function, a missing argument); the message
    says what to give instead."""


@dataclass
class Replayed:
    """One call made: what the learner's function returned (the compared part) beside what was
    expected, and the report's diff when they differ (`failure`, None when they match)."""

    kata: str
    function: str
    file: str
    inputs: dict[str, str] = field(default_factory=dict)
    got: Any = None
    expected: Any = None
    outputs: list[str] | None = None
    failure: TestResult | None = None
    error: dict[str, Any] | None = None  # the learner's file could not be imported
    reference_error: str | None = None  # the reference refused the learner's own inputs
    output: str = ""
    # for a backward case: the forward function called first
    forward: str | None = None
    # the expected result is the reference's on the learner's inputs (`try`), not a saved one
    from_reference: bool = False

    @property
    def matches(self) -> bool:
        return self.failure is None and self.error is None and self.reference_error is None


def replay(kata: Kata, case: SavedCase, solution: Path, limits: Limits | None = None) -> Replayed:
    """Call the learner's function on a saved case and compare with the expected result."""
    function = case.backward or case.function
    inputs = _described(case.args, case.kwargs, case.parameters)
    done = Replayed(kata.id, function, str(solution), inputs, expected=case.expected)
    done.outputs, done.forward = case.outputs, case.function if case.backward else None
    with _learner(kata, solution, limits or Limits(), done) as learner:
        if learner is None:
            return done
        try:
            got = learner.call(case.function, *copy.deepcopy(case.args), **case.kwargs)
            if case.backward:
                if not isinstance(got, (tuple, list)) or len(got) < 2:
                    expect_tuple(got, 2, case.function)
                got = learner.call(case.backward, *copy.deepcopy(case.upstream), got[-1])
                got = tuple(got) if isinstance(got, (tuple, list)) else (got,)
            if case.length is not None:
                expect_tuple(got, case.length, function)
                got = tuple(got[: len(case.outputs or ())])
            done.got = got
            compare_result(
                got,
                case.expected,
                function,
                {},
                _names(case.outputs),
                None,
                DEFAULT_RTOL if case.rtol is None else case.rtol,
                ABS_SCALE if case.floor is None else case.floor,
            )
        except GradingFailure as failure:
            done.failure = _as_test(failure, function)
    return done


def try_call(
    kata: Kata,
    function: str,
    args: tuple,
    kwargs: dict[str, Any],
    solution: Path,
    limits: Limits | None = None,
) -> Replayed:
    """Call the learner's function on the learner's own inputs, and the reference on copies of
    them (after the learner's, as in grading), and compare the two results."""
    if function not in kata.function_names:
        raise ReplayError(unknown_function(kata, function))
    reference = _reference(kata)
    names = [p.name for p in parameters(kata, function)]
    done = Replayed(kata.id, function, str(solution), _described(args, kwargs, names))
    done.from_reference = True
    returns_cache = any(f.name == function and f.returns_cache for f in kata.functions)
    with _learner(kata, solution, limits or Limits(), done) as learner:
        if learner is None:
            return done
        ref_args, ref_kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
        try:
            got = learner.call(function, *args, **kwargs)
        except GradingFailure as failure:
            done.failure = _as_test(failure, function)
            got = None
        try:
            expected = reference.call(function, *ref_args, **ref_kwargs)
        except Exception as exc:  # the reference on the learner's inputs: say why it refused
            done.got, done.reference_error = got, f"{type(exc).__name__}: {exc}"
            return done
        if returns_cache and isinstance(expected, tuple):
            done.outputs = [f"result[{i}]" for i in range(len(expected) - 1)]
            done.outputs[:1] = ["out"] if len(expected) == 2 else done.outputs[:1]
            expected = expected[:-1]
        done.expected = expected
        if done.failure is not None:  # the learner's code raised: the reference's result only
            return done
        try:
            if done.outputs is not None:
                expect_tuple(got, len(expected) + 1, function)
                got = tuple(got[:-1])
            done.got = got
            compare_result(
                got, expected, function, {}, _names(done.outputs), None, DEFAULT_RTOL, ABS_SCALE
            )
        except GradingFailure as failure:
            done.failure = _as_test(failure, function)
    return done


def _names(outputs: list[str] | None) -> tuple[str, ...] | None:
    return tuple(outputs) if outputs else None


def parameters(kata: Kata, function: str) -> list[inspect.Parameter]:
    """The function's parameters, as the stub and the reference declare them."""
    if function not in kata.function_names:
        raise ReplayError(unknown_function(kata, function))
    return list(inspect.signature(getattr(_module(kata), function)).parameters.values())


def unknown_function(kata: Kata, function: str) -> str:
    return _("{kata} has no function `{function}`; its functions are {functions}.").format(
        kata=kata.id, function=function, functions=", ".join(kata.function_names)
    )


def arguments_from(
    kata: Kata, function: str, arrays: dict[str, Any]
) -> tuple[tuple, dict[str, Any]]:
    """The call's arguments from an `.npz`'s arrays: by parameter name (`x`, `w`, `stride`), or
    by position (`arg0`, `arg1`, ...); a 0-d array is passed as a plain number."""
    plain = {k: v.item() if getattr(v, "ndim", 1) == 0 else v for k, v in arrays.items()}
    params = parameters(kata, function)
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    used, missing = set(), []
    for i, param in enumerate(params):
        key = param.name if param.name in plain else f"arg{i}" if f"arg{i}" in plain else None
        if key is None:
            if param.default is param.empty:
                missing.append(param.name)
            continue
        used.add(key)
        if param.kind is param.KEYWORD_ONLY or missing or len(args) != i:
            kwargs[param.name] = plain[key]
        else:
            args.append(plain[key])
    names = ", ".join(p.name if p.default is p.empty else f"{p.name}={p.default!r}" for p in params)
    if missing:
        raise ReplayError(
            _(
                "the file gives no {missing} for `{function}({names})`: name each array after "
                "its parameter (or arg0, arg1, ...)."
            ).format(missing=", ".join(missing), function=function, names=names)
        )
    unknown = sorted(set(plain) - used)
    if unknown:
        raise ReplayError(
            _("`{function}({names})` has no parameter {unknown}.").format(
                function=function, names=names, unknown=", ".join(unknown)
            )
        )
    return tuple(args), kwargs


def _described(
    args: tuple | list, kwargs: dict[str, Any], names: list[str] | None = None
) -> dict[str, str]:
    """The inputs by parameter name where known (`arg0` otherwise), as the report shows them."""
    names = names or []
    return {
        **{names[i] if i < len(names) else f"arg{i}": describe(v) for i, v in enumerate(args)},
        **{k: describe(v) for k, v in kwargs.items()},
    }


@contextlib.contextmanager
def _learner(
    kata: Kata, solution: Path, limits: Limits, done: Replayed
) -> Iterator[SolutionProxy | None]:
    """The learner's functions behind the proxy, in a fresh learner process; None (and
    `done.error`) when the file does not import. What the code printed goes to `done.output`."""
    worker = WorkerProcess(solution, kata.function_names, limits, kata_folder=kata.folder)
    try:
        worker.start()
        try:
            ready = worker.wait_ready()
        except GradingFailure as failure:
            ready = {"import_error": {"kind": failure.kind, "message": failure.message}}
        if ready.get("import_error"):
            done.error = ready["import_error"]
            done.output = worker.output(edge=OUTPUT_EDGE)
            yield None
            return
        start = worker.printed()
        cached = frozenset(f.name for f in kata.functions if f.returns_cache)
        try:
            yield SolutionProxy(worker, cached)
        finally:
            done.output = worker.output(start, edge=OUTPUT_EDGE)
    finally:
        worker.close()


def _reference(kata: Kata) -> ReferenceImpl:
    return ReferenceImpl(_module(kata))


@functools.cache
def _module(kata: Kata) -> ModuleType:
    """The kata's reference module (trusted code: it runs in this process, as in the judge)."""
    spec = importlib.util.spec_from_file_location(
        f"_dlkata_reference_{kata.id}", kata.reference_path
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _as_test(failure: GradingFailure, function: str) -> TestResult:
    """The failure as the report shows a failed test's facts."""
    return TestResult(
        "replay",
        Status.FAILED,
        message=failure.message,
        function=failure.function or function,
        kind=failure.kind,
        hint=failure.hint,
        facts=failure.facts,
    )
