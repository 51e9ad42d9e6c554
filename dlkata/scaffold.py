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
    warnings: tuple[str, ...] = ()


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


def reset(kata: Kata, workspace: Workspace) -> Scaffolded:
    """Put the stub back (the learner's file is backed up first) and forget the recorded verdict
    and the hints shown, so that the kata starts over as if new."""
    target = workspace.file_for(kata.id)
    stub = kata.stub_path.read_text(encoding="utf-8")
    backup = None
    if target.exists() and target.read_bytes() != stub.encode("utf-8"):
        backup = workspace.backup(target)
    write_atomic(target, stub)
    state = workspace.state
    if state.path.exists():
        state.update(lambda data: [data[part].pop(kata.id, None) for part in ("progress", "hints")])
    return Scaffolded(target, backup, tuple(state.warnings))


def restore(kata: Kata, workspace: Workspace, name: str | None = None) -> Scaffolded:
    """Bring back a backup of the learner's file (the latest, or the one named); the current
    file is backed up first, so a restore never loses work either."""
    backups = workspace.backups(kata.id)
    if not backups:
        raise WorkspaceError(
            f"There is no backup of {kata.id} in {workspace.state_dir / 'backups'}."
        )
    chosen = backups[-1] if name is None else next((b for b in backups if b.name == name), None)
    if chosen is None:
        listed = ", ".join(b.name for b in backups)
        raise WorkspaceError(
            f"There is no backup named {name}; the backups of {kata.id}: {listed}."
        )
    target = workspace.file_for(kata.id)
    backup = workspace.backup(target) if target.exists() else None
    write_atomic(target, chosen.read_text(encoding="utf-8"))
    return Scaffolded(target, backup)
