"""Writing the learner's starting file: `dlkata new` and `dlkata reset`. Never loses work."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dlkata.catalogue import Kata
from dlkata.workspace import Workspace, WorkspaceError, write_atomic


@dataclass(frozen=True)
class Scaffolded:
    path: Path
    backup: Path | None


def scaffold(kata: Kata, workspace: Workspace, *, force: bool = False) -> Scaffolded:
    """Write the kata's stub to `<workspace>/<id>.py`; with `force`, back up the old file first."""
    target = workspace.file_for(kata.id)
    backup = None
    if target.exists():
        if not force:
            raise WorkspaceError(
                f"{target} already exists, so it was left untouched. Grade it with "
                f"`dlkata check {kata.id}`, or start over with `dlkata new {kata.id} --force` "
                "(your file is backed up first)."
            )
        backup = workspace.backup(target)
    write_atomic(target, kata.stub_path.read_text(encoding="utf-8"))
    return Scaffolded(target, backup)
