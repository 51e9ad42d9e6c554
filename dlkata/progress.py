"""What the learner has done: recorded verdicts, and where each kata stands.

A kata is `passed` when its last check passed, `in_progress` when the learner's file exists and
differs from the stub (or was checked and failed), and `not_started` otherwise. This is a record
for `list` and `status`; `check` always grades the code itself.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from dlkata.catalogue import Kata, load_catalogue
from dlkata.i18n import N_, _
from dlkata.results import KataResult, Status
from dlkata.scaffold import untouched
from dlkata.workspace import Workspace


class Progress(str, Enum):
    """Spelled as `check` spells statuses (`not_started`) in every JSON document."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    PASSED = "passed"

    @property
    def label(self) -> str:
        """The words people read, in their language: `not started`."""
        return _(LABELS[self])


LABELS = {
    Progress.NOT_STARTED: N_("not started"),
    Progress.IN_PROGRESS: N_("in progress"),
    Progress.PASSED: N_("passed"),
}


def record_results(workspace: Workspace, results: list[KataResult]) -> list[str]:
    """Store the verdicts; returns warnings (for example a corrupt state file set aside)."""
    state = workspace.state

    def change(data: dict[str, Any]) -> None:
        for result in results:
            data["progress"][result.id] = {
                "status": result.status.value,
                "passed_tests": result.passed,
                "total_tests": len(result.tests),
                "checked_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "file_sha256": file_digest(Path(result.file)),
            }

    state.update(change)
    return state.warnings


def file_digest(path: Path) -> str | None:
    """The file's SHA-256, to tell later whether it changed since it was checked."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def changed_since_checked(kata: Kata, workspace: Workspace, recorded: dict[str, Any]) -> bool:
    """The learner's file differs from the one the recorded verdict was given for."""
    digest = (recorded.get(kata.id) or {}).get("file_sha256")
    path = workspace.file_for(kata.id)
    return digest is not None and path.exists() and file_digest(path) != digest


def learner_progress(kata: Kata, workspace: Workspace, recorded: dict[str, Any]) -> Progress:
    """A pass counts only for the file it was given to: a file changed since is in progress."""
    entry = recorded.get(kata.id) or {}
    path = workspace.file_for(kata.id)
    if not path.exists():
        return Progress.NOT_STARTED
    if entry.get("status") == Status.PASSED.value:
        if changed_since_checked(kata, workspace, recorded):
            return Progress.IN_PROGRESS
        return Progress.PASSED
    try:
        still_stub = untouched(path.read_text(encoding="utf-8"), kata)
    except (OSError, UnicodeDecodeError):
        still_stub = False
    if still_stub and entry.get("status") in (None, Status.NOT_STARTED.value):
        return Progress.NOT_STARTED
    return Progress.IN_PROGRESS


def reveal_hint(kata: Kata, workspace: Workspace, *, show_all: bool) -> tuple[int, list[str]]:
    """One more hint each time (remembered in the workspace): how many are shown now, and any
    warnings about the state file."""
    shown = 0

    def change(data: dict[str, Any]) -> None:
        nonlocal shown
        before = int(data["hints"].get(kata.id, 0))
        shown = len(kata.hints) if show_all else min(before + 1, len(kata.hints))
        data["hints"][kata.id] = max(before, shown)

    state = workspace.state
    state.update(change)
    return shown, state.warnings


@dataclass(frozen=True)
class CourseStatus:
    """Where the learner stands on the whole path: each kata's progress in learning order, the
    katas the course requires, and the kata to start next (None when none is left to start)."""

    workspace: Path
    katas: list[tuple[Kata, Progress]]
    required: frozenset[str]
    next: Kata | None
    changed: frozenset[str] = frozenset()  # files edited since their last check

    def ids(self, progress: Progress) -> list[str]:
        return [k.id for k, p in self.katas if p is progress]

    def topics(self) -> dict[str, list[Progress]]:
        """Each topic's katas' progress, topics in the order the path reaches them."""
        grouped: dict[str, list[Progress]] = {}
        for kata, progress in self.katas:
            grouped.setdefault(kata.topic, []).append(progress)
        return grouped


def course_status(workspace: Workspace) -> tuple[CourseStatus, list[str]]:
    """The learner's status, read without writing anything; and warnings about the state file."""
    state = workspace.state
    recorded = state.read()["progress"] if state.path.exists() else {}
    rows = [
        (kata, learner_progress(kata, workspace, recorded)) for kata in load_catalogue().values()
    ]
    required = frozenset(workspace.config.required if workspace.config else ())
    changed = frozenset(
        kata.id for kata, _progress in rows if changed_since_checked(kata, workspace, recorded)
    )
    return CourseStatus(
        workspace.root, rows, required, suggest_next(rows, required), changed
    ), state.warnings


def suggest_next(rows: list[tuple[Kata, Progress]], required: frozenset[str]) -> Kata | None:
    """The first kata not started whose prerequisites are all passed (required katas first); if
    none is ready, the first not started on the path."""
    passed = {k.id for k, p in rows if p is Progress.PASSED}
    known = {k.id for k, _progress in rows}
    waiting = [k for k, p in rows if p is Progress.NOT_STARTED]
    waiting.sort(key=lambda k: k.id not in required)
    ready = [k for k in waiting if all(p in passed or p not in known for p in k.prerequisites)]
    return (ready or waiting or [None])[0]
