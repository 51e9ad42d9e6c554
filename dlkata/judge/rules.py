"""Checks of the contract's rules that hold for any kata: error rules and reproducibility."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlkata.i18n import _
from dlkata.judge.compare import describe
from dlkata.judge.failures import GradingFailure, LearnerError


def _call_text(function: str, args: tuple, kwargs: dict) -> str:
    parts = [describe(a) for a in args] + [f"{k}={describe(v)}" for k, v in kwargs.items()]
    return f"{function}({', '.join(parts)})"


# How many error-rule cases have passed in this judge: the plugin records, per test, whether it
# checked one, so that `dlkata validate` can name a test whose every case NumPy rejects alone.
error_rule_checks = 0


def expect_value_error(impl: Any, function: str, *args: Any, because: str, **kwargs: Any) -> None:
    """The call must raise ValueError with a message (contract rule 6)."""
    global error_rule_checks
    call = _call_text(function, args, kwargs)
    hint = _(
        "Check the arguments first and `raise ValueError(...)` saying what is wrong: {because}."
    ).format(because=because)
    try:
        result = impl.call(function, *args, **kwargs)
    except LearnerError as error:
        exception_kind = error.facts.get("exception_kind")
        if exception_kind == "value_error":
            if not str(error.facts.get("exception", "")).partition(":")[2].strip():
                raise GradingFailure(
                    _("{call} raised ValueError without a message").format(call=call),
                    kind="error_rule",
                    function=function,
                    hint=_("Say what is wrong in the message."),
                ) from None
            error_rule_checks += 1
            return
        if exception_kind not in ("exception", "floating_point"):
            raise  # not implemented, a crash, a time-out, memory...: its own message says more
        raise GradingFailure(
            _("{call} should raise ValueError ({because}); it raised {exception}").format(
                call=call, because=because, exception=error.facts.get("exception")
            ),
            kind="error_rule",
            function=function,
            hint=hint,
            traceback=error.facts.get("traceback"),
        ) from None
    raise GradingFailure(
        _("{call} should raise ValueError ({because}); it returned {got}").format(
            call=call, because=because, got=describe(result)
        ),
        kind="error_rule",
        function=function,
        hint=hint,
    )


def _first_array(value: Any) -> Any:
    return value[0] if isinstance(value, tuple) else value


def check_reproducible(impl: Any, function: str, *args: Any, seed: int, **kwargs: Any) -> None:
    """Same seed, same result; another seed, another result; and `rng` was really drawn from."""
    first = _first_array(impl.call(function, *args, rng=np.random.default_rng(seed), **kwargs))
    again = _first_array(impl.call(function, *args, rng=np.random.default_rng(seed), **kwargs))
    if not np.array_equal(np.asarray(first), np.asarray(again)):
        raise GradingFailure(
            _("`{function}` gave different results for two generators with the same seed").format(
                function=function
            ),
            kind="reproducibility",
            function=function,
            hint=_(
                "Draw only from the `rng` argument: never np.random.default_rng() without a seed, "
                "nor the global state."
            ),
        )
    generator = np.random.default_rng(seed)
    before = generator.bit_generator.state
    other = _first_array(impl.call(function, *args, rng=np.random.default_rng(seed + 1), **kwargs))
    impl.call(function, *args, rng=generator, **kwargs)
    if generator.bit_generator.state == before or np.array_equal(
        np.asarray(first), np.asarray(other)
    ):
        raise GradingFailure(
            _("`{function}` did not draw its random numbers from the `rng` argument").format(
                function=function
            ),
            kind="reproducibility",
            function=function,
            hint=_("Use the generator you are given, e.g. `rng.normal(0.0, std, size=shape)`."),
        )
