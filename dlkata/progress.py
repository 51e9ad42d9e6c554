"""What the learner has done: recorded verdicts, and where each kata stands.

A kata is `passed` when its last check passed, `in progress` when the learner's file exists and
differs from the stub (or was checked and failed), and `not started` otherwise. This is a record
for `list` and `status`; `check` always grades the code itself.
"""

from __future__ import annotations

import time
from enum import Enum
from typing import Any

from dlkata.catalogue import Kata
from dlkata.results import KataResult, Status
from dlkata.workspace import Workspace


class Progress(str, Enum):
    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    PASSED = "passed"


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
            }

    state.update(change)
    return state.warnings


def learner_progress(kata: Kata, workspace: Workspace, recorded: dict[str, Any]) -> Progress:
    entry = recorded.get(kata.id) or {}
    path = workspace.file_for(kata.id)
    if not path.exists():
        return Progress.NOT_STARTED
    if entry.get("status") == Status.PASSED.value:
        return Progress.PASSED
    try:
        untouched = path.read_text(encoding="utf-8") == kata.stub_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        untouched = False
    if untouched and entry.get("status") in (None, Status.NOT_STARTED.value):
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
