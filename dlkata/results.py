"""Verdicts as data: what every renderer (text, JSON, JUnit, GitHub, Markdown, notebook) shows.

One spelling of each status everywhere: a kata is `passed`, `failed`, `error` (could not be
graded) or `not_started`. A kata not started that does not count against a check (`check --all`
or CI, and not required) keeps its status and is marked `skipped`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any, Literal

SIGNATURE_TEST = "signatures"


class Status(str, Enum):
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    NOT_STARTED = "not_started"


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
    # what the learner's code printed during this test (bounded, as the kata's output is)
    output: str = ""
    # where the failing call was saved for `dlkata replay` (`case`, `file`, `function`,
    # `backward`), or why it was not (`unsaved`, `size`); local checks only
    replay: dict[str, Any] | None = None
    # the failing call itself, on its way from the judge to the workspace (never reported)
    case: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = self.status.value
        if self.case is None:
            del data["case"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TestResult:
        return cls(**{**data, "status": Status(data["status"])})


@dataclass
class KataResult:
    """One kata graded: every test, a top-level error if the file could not even be loaded, and
    what the learner's code printed while its file was imported (each test has its own)."""

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
    # not started, and not counted against the check (`check --all` or CI, and not required)
    skipped: bool = False

    @property
    def counts_as_failure(self) -> bool:
        return self.status is not Status.PASSED and not self.skipped

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


Verdict = Literal["passed", "failed", "nothing_graded"]


@dataclass(frozen=True)
class Summary:
    """What one check came to: its verdict (exit code 0, 1 or 5), katas by status, and tests."""

    verdict: Verdict
    katas: dict[str, int]  # total, each status, graded (a file was found), skipped
    tests: dict[str, int]  # total, passed
    duration: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def summarise(results: Sequence[KataResult], graded: int) -> Summary:
    """The summary of `results`, of which `graded` katas had a file to grade. A kata that counts
    as a failure fails the check; otherwise a check that graded nothing is its own verdict."""
    if any(r.counts_as_failure for r in results):
        verdict: Verdict = "failed"
    else:
        verdict = "nothing_graded" if graded == 0 else "passed"
    katas = {"total": len(results)}
    katas |= {s.value: sum(r.status is s for r in results) for s in Status}
    katas |= {"graded": graded, "skipped": sum(r.skipped for r in results)}
    tests = {
        "total": sum(len(r.tests) for r in results),
        "passed": sum(r.passed for r in results),
    }
    return Summary(verdict, katas, tests, round(sum(r.duration for r in results), 3))


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
