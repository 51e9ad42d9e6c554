"""The one exception every check raises: a failed test together with its facts, as data.

Renderers show the facts; nothing here formats terminal text. `kind` names the family of the
failure (a value mismatch, a gradient, a statistic, an exception in the learner's code ...), and
`function` the learner's function at fault.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# what a test shows under a failure: one hint for all its checks, or one per kind of failure
# (`{"shape": note("output_size"), "mismatch": note("padding")}`); a kind without one gets none
Hint = str | Mapping[str, str] | None


def hint_for(hint: Hint, kind: str) -> str | None:
    """The hint shown under a failure of `kind`."""
    return hint.get(kind) if isinstance(hint, Mapping) else hint


class GradingFailure(AssertionError):
    """A test failed, with the structured facts of why (shown in every output format)."""

    def __init__(
        self,
        message: str,
        *,
        kind: str,
        function: str | None = None,
        hint: Hint = None,
        **facts: Any,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.function = function
        self.hint = hint_for(hint, kind)
        self.facts = {k: v for k, v in facts.items() if v is not None}


class LearnerError(GradingFailure):
    """The learner's function raised, timed out, died, or broke a rule of every call."""

    def __init__(
        self,
        message: str,
        *,
        kind: str,
        function: str | None,
        exc_type: str | None = None,
        hint: str | None = None,
        **facts: Any,
    ) -> None:
        super().__init__(message, kind=kind, function=function, hint=hint, **facts)
        self.exc_type = exc_type


def fail(message: str, *, function: str | None, hint: str | None = None, **facts: Any) -> None:
    """Fail the current test with a message and any facts worth showing."""
    raise GradingFailure(message, kind="check", function=function, hint=hint, **facts)
