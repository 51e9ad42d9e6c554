"""Verdicts as data: what every renderer (text, JSON, JUnit, GitHub, Markdown, notebook) shows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any

SIGNATURE_TEST = "signatures"


class Status(str, Enum):
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    NOT_STARTED = "not_started"
    SKIPPED = "skipped"


@dataclass
class TestResult:
    """One hidden test: its verdict, and for a failure the facts of why."""

    name: str
    status: Status
    message: str = ""
    description: str = ""
    function: str | None = None
    kind: str | None = None
    hint: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = self.status.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TestResult:
        return cls(**{**data, "status": Status(data["status"])})


@dataclass
class KataResult:
    """One kata graded: every test, a top-level error if the file could not even be loaded, and
    what the learner's code printed."""

    id: str
    title: str
    status: Status
    file: str
    tests: list[TestResult] = field(default_factory=list)
    error: dict[str, Any] | None = None
    output: str = ""
    duration: float = 0.0
    # the kernel layers in force in the learner's process (None when it never said)
    sandbox: list[str] | None = None

    @property
    def passed(self) -> int:
        return sum(t.status is Status.PASSED for t in self.tests)

    @property
    def failures(self) -> list[TestResult]:
        return [t for t in self.tests if t.status in (Status.FAILED, Status.ERROR)]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = self.status.value
        data["tests"] = [t.to_dict() for t in self.tests]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KataResult:
        tests = [TestResult.from_dict(t) for t in data.get("tests", [])]
        return cls(**{**data, "status": Status(data["status"]), "tests": tests})


def kata_status(
    tests: list[TestResult], error: dict[str, Any] | None, expected: int | None
) -> Status:
    """A kata passes only when every one of its `expected` tests ran and passed; untouched stubs
    are `not_started`, not failures. Fewer results than expected is never a pass."""
    if error is not None or any(t.status is Status.ERROR for t in tests):
        return Status.ERROR
    failures = [t for t in tests if t.status is not Status.PASSED]
    if not failures:
        return Status.PASSED if expected is not None and len(tests) == expected else Status.ERROR
    graded = [t for t in tests if t.name != SIGNATURE_TEST]
    if all(
        t.kind == "not_implemented" for t in graded if t.status is not Status.PASSED
    ) and not any(t.status is Status.PASSED for t in graded):
        return Status.NOT_STARTED
    return Status.FAILED
