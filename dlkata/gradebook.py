"""A class's gradebook as data: each student's verdict and points per kata, from kata results.

`dlkata grade` builds one from the judge's verdicts (`classroom.py`); the CSV, JSON, Markdown
and HTML files are renderings of it (`render/gradebook.py`). The JSON is the gradebook itself,
versioned (`SCHEMA_VERSION`), so shards graded on other machines merge by concatenating their
students (`merge`), and the summary (pass rates, the most common failure) is computed from the
merged data, never carried in a shard.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dlkata.i18n import _
from dlkata.results import Status

SCHEMA_VERSION = 1
MISSING = "missing"  # a kata with no file in the submission: 0 points


class GradebookError(Exception):
    """A gradebook that cannot be read or merged; the message says which file and why."""


@dataclass(frozen=True)
class Scoring:
    """A course's points: per kata (default one), and whether a kata earns the fraction of
    its tests passed (`partial`) or its points only when it passes."""

    points: dict[str, float] = field(default_factory=dict)
    partial: bool = False

    def max_points(self, kata_id: str) -> float:
        return float(self.points.get(kata_id, 1.0))

    def earned(self, kata_id: str, status: str, passed: int, total: int) -> float:
        """Full points for a pass; with `partial`, a failed kata's fraction of tests passed
        (a kata that could not be graded, not started or missing earns nothing)."""
        most = self.max_points(kata_id)
        if status == Status.PASSED.value:
            return most
        if self.partial and status == Status.FAILED.value and total:
            return round(most * passed / total, 2)
        return 0.0


@dataclass
class KataScore:
    """One student's kata: its status, points, each test's outcome (name, status, the function
    a failure named), and for a kata that could not be graded, why."""

    status: str
    points: float
    max_points: float
    tests: list[dict[str, Any]] = field(default_factory=list)
    # why a kata could not be graded (`error`): its file's or the grader's problem
    message: str | None = None

    @classmethod
    def from_outcome(
        cls, outcome: dict[str, Any] | None, kata_id: str, scoring: Scoring
    ) -> KataScore:
        """From a kata's graded outcome (`{"status", "tests"}`), None when it had no file."""
        if outcome is None:
            return cls(MISSING, 0.0, scoring.max_points(kata_id))
        tests = [
            {"name": t["name"], "status": t["status"], "function": t.get("function")}
            for t in outcome["tests"]
        ]
        passed = sum(t["status"] == Status.PASSED.value for t in tests)
        points = scoring.earned(kata_id, outcome["status"], passed, len(tests))
        most = scoring.max_points(kata_id)
        return cls(outcome["status"], points, most, tests, outcome.get("message"))


@dataclass
class StudentGrades:
    id: str
    folder: str
    katas: dict[str, KataScore]

    @property
    def total(self) -> float:
        return round(sum(k.points for k in self.katas.values()), 2)

    def to_dict(self) -> dict[str, Any]:
        katas = {k: asdict(v) for k, v in self.katas.items()}
        return {"id": self.id, "folder": self.folder, "katas": katas, "total": self.total}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StudentGrades:
        katas = {k: KataScore(**v) for k, v in data["katas"].items()}
        return cls(data["id"], data["folder"], katas)


def salt_id(salt: str) -> str:
    """A fingerprint of the salt: shards compare it, and the salt itself stays secret."""
    return hashlib.sha256(f"dlkata-salt:{salt}".encode()).hexdigest()[:16]


@dataclass
class Gradebook:
    """Every student's grades for the same katas, graded with the same salt."""

    salt_id: str
    katas: list[str]
    students: list[StudentGrades]
    # the salt itself, only when `grade` generated it (a salt the teacher gave is never written)
    salt: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "salt_id": self.salt_id}
        if self.salt is not None:
            data["salt"] = self.salt
        data["katas"] = list(self.katas)
        data["students"] = [s.to_dict() for s in self.students]
        return data

    @classmethod
    def from_dict(cls, data: Any, source: str) -> Gradebook:
        if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
            version = data.get("schema_version") if isinstance(data, dict) else None
            raise GradebookError(
                _(
                    "{file} is not a gradebook of schema version {expected} (it says {version}): "
                    "grade it again with this dlkata."
                ).format(file=source, expected=SCHEMA_VERSION, version=version)
            )
        try:
            students = [StudentGrades.from_dict(s) for s in data["students"]]
            return cls(str(data["salt_id"]), list(data["katas"]), students, data.get("salt"))
        except (KeyError, TypeError, AttributeError) as exc:
            raise GradebookError(
                _("{file} is not a gradebook: {problem} is missing or malformed.").format(
                    file=source, problem=exc
                )
            ) from None


def read_gradebook(path: Path) -> Gradebook:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GradebookError(
            _("{file} cannot be read as JSON: {problem}").format(file=path, problem=exc)
        ) from None
    return Gradebook.from_dict(data, str(path))


def merge(books: Sequence[tuple[str, Gradebook]]) -> Gradebook:
    """Shards (each named by its file) as one gradebook: same salt, same katas, no student in
    two shards; students in id order, as a single run lists them."""
    if not books:
        raise GradebookError(_("--merge needs at least one gradebook (a .json file)."))
    first_name, first = books[0]
    seen: dict[str, str] = {}
    students: list[StudentGrades] = []
    for name, book in books:
        if book.salt_id != first.salt_id:
            raise GradebookError(
                _(
                    "{file} was graded with another salt than {first}: grade every shard with "
                    "the same --salt."
                ).format(file=name, first=first_name)
            )
        if book.katas != first.katas:
            raise GradebookError(
                _("{file} grades other katas than {first} ({katas} against {first_katas}).").format(
                    file=name,
                    first=first_name,
                    katas=", ".join(book.katas),
                    first_katas=", ".join(first.katas),
                )
            )
        for student in book.students:
            if student.id in seen:
                raise GradebookError(
                    _("Student {student} is in both {first} and {second}.").format(
                        student=student.id, first=seen[student.id], second=name
                    )
                )
            seen[student.id] = name
            students.append(student)
    students.sort(key=lambda s: s.id)
    return Gradebook(first.salt_id, first.katas, students, first.salt)


@dataclass(frozen=True)
class KataSummary:
    """How the class did on one kata: passes, and the most frequent failing test among those
    who did not pass (with the function it named, and how many students it failed)."""

    kata: str
    students: int
    passed: int
    submitted: int
    mean_points: float
    max_points: float
    common_failure: tuple[str, str | None, int] | None


def summarise(book: Gradebook) -> list[KataSummary]:
    summaries = []
    for kata in book.katas:
        scores = [s.katas[kata] for s in book.students if kata in s.katas]
        failing: Counter[tuple[str, str | None]] = Counter()
        for score in scores:
            if score.status in (Status.FAILED.value, Status.ERROR.value):
                # each failing test once per student
                failing.update(
                    {
                        (t["name"], t.get("function"))
                        for t in score.tests
                        if t["status"] != Status.PASSED.value
                    }
                )
        common = None
        if failing:
            (name, function), count = min(failing.items(), key=_most_then_name)
            common = (name, function, count)
        most = scores[0].max_points if scores else 0.0
        summaries.append(
            KataSummary(
                kata=kata,
                students=len(scores),
                passed=sum(s.status == Status.PASSED.value for s in scores),
                submitted=sum(s.status != MISSING for s in scores),
                mean_points=round(sum(s.points for s in scores) / len(scores), 2) if scores else 0,
                max_points=most,
                common_failure=common,
            )
        )
    return summaries


def _most_then_name(item: tuple[tuple[str, str | None], int]) -> tuple[int, str, str]:
    (name, function), count = item
    return (-count, name, function or "")
