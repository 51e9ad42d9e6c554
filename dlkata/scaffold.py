"""Writing the learner's starting file: `dlkata new` and `dlkata reset`. Never loses work."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dlkata import i18n
from dlkata.catalogue import Kata
from dlkata.i18n import _
from dlkata.workspace import Workspace, WorkspaceError, write_atomic


@dataclass(frozen=True)
class Scaffolded:
    path: Path
    backup: Path | None
    warnings: tuple[str, ...] = ()


def stub_text(kata: Kata) -> str:
    """The stub a learner starts from. Code and docstrings are English; in another language it
    begins with the task in that language, as comments (which `untouched` ignores)."""
    stub = kata.stub_path.read_text(encoding="utf-8")
    if kata.language == i18n.DEFAULT:
        return stub
    lines = [
        f"# {kata.title}",
        f"# {kata.summary}",
        "# "
        + _("Code and docstrings stay in English; `dlkata explain {kata}` explains.").format(
            kata=kata.id
        ),
    ]
    return "\n".join(lines) + "\n\n" + stub


def untouched(text: str, kata: Kata) -> bool:
    """Whether a learner's file is still the stub (in any language: the comments before the
    code are not compared)."""
    return _code(text) == _code(kata.stub_path.read_text(encoding="utf-8"))


def _code(text: str) -> str:
    lines = text.splitlines()
    while lines and (not lines[0].strip() or lines[0].lstrip().startswith("#")):
        lines.pop(0)
    return "\n".join(lines)


def scaffold(kata: Kata, workspace: Workspace, *, force: bool = False) -> Scaffolded:
    """Write the kata's stub to `<workspace>/<id>.py`; with `force`, back up the old file first."""
    target = workspace.file_for(kata.id)
    backup = None
    if target.exists():
        if not force:
            raise WorkspaceError(
                _(
                    "{path} already exists, so it was left untouched. Grade it with "
                    "`dlkata check {kata}`, or start over with `dlkata new {kata} --force` "
                    "(your file is backed up first)."
                ).format(path=target, kata=kata.id)
            )
        backup = workspace.backup(target)
    write_atomic(target, stub_text(kata))
    return Scaffolded(target, backup)


def reset(kata: Kata, workspace: Workspace) -> Scaffolded:
    """Put the stub back (the learner's file is backed up first) and forget the recorded verdict
    and the hints shown, so that the kata starts over as if new."""
    target = workspace.file_for(kata.id)
    stub = stub_text(kata)
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
            _("There is no backup of {kata} in {folder}.").format(
                kata=kata.id, folder=workspace.state_dir / "backups"
            )
        )
    chosen = backups[-1] if name is None else next((b for b in backups if b.name == name), None)
    if chosen is None:
        listed = ", ".join(b.name for b in backups)
        raise WorkspaceError(
            _("There is no backup named {name}; the backups of {kata}: {listed}.").format(
                name=name, kata=kata.id, listed=listed
            )
        )
    target = workspace.file_for(kata.id)
    backup = workspace.backup(target) if target.exists() else None
    write_atomic(target, chosen.read_text(encoding="utf-8"))
    return Scaffolded(target, backup)
