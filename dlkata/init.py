"""`dlkata init`: make a folder (a fork of dlkata, or any git repository) a dlkata workspace with
a `dlkata.yaml` and a GitHub Actions workflow that grades every push; with `--course`, a course
repository whose workflow grades the class's roster as a matrix of shards and merges them.

The files come from `dlkata/templates/`; nothing is overwritten without `force`. Kata files that
the learner already wrote in `workspace/` (dlkata's folder before there was a `dlkata.yaml`) can
move, with dlkata's progress, to the new folder: `init` never hides them silently.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template

from dlkata.i18n import _, ngettext
from dlkata.resources import PACKAGE_DIR
from dlkata.workspace import CONFIG_NAME, STATE_DIR, WorkspaceError, file_errors, write_atomic
from dlkata.workspace import DEFAULT_FOLDER as UNCONFIGURED_FOLDER

WORKFLOW_PATH = Path(".github", "workflows", "dlkata.yml")
COURSE_WORKFLOW_PATH = Path(".github", "workflows", "grade.yml")
ROSTER_NAME = "roster.csv"
COURSE_KATAS = "katas"
DEFAULT_SHARDS = 4
MAX_SHARDS = 256  # the most jobs a GitHub Actions matrix runs
DEFAULT_FOLDER = "solutions"
INSTALL_EXAMPLE = "git+https://github.com/YOU/dlkata"
_TEMPLATES = PACKAGE_DIR / "templates"


@dataclass(frozen=True)
class Initialised:
    config: Path
    workflow: Path
    folder: Path
    install: str | None  # None: the workflow's install step fails, saying what to do
    moved: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Leftover:
    """What `workspace/` holds when `init` points dlkata at another folder: the learner's kata
    files and dlkata's progress, which dlkata would no longer see where they are."""

    source: Path
    destination: Path
    entries: tuple[Path, ...]  # everything in `source`: all of it moves, or none
    kata_files: tuple[str, ...]
    progress: bool
    clashes: tuple[str, ...]  # names that exist in `destination` already


def find_leftover(target: Path, folder: str) -> Leftover | None:
    """The kata files and progress in `target/workspace/`, if `folder` is another folder."""
    source = (target / UNCONFIGURED_FOLDER).resolve()
    destination = (target / folder).resolve()
    if not source.is_dir() or source == destination or source in destination.parents:
        return None
    try:
        entries = tuple(sorted(source.iterdir()))
    except OSError as exc:
        raise WorkspaceError(
            _(
                "{source} cannot be read ({reason}), so its kata files cannot be moved. Fix its "
                "permissions, or run `dlkata init --workspace workspace` to keep using it."
            ).format(source=source, reason=exc.strerror)
        ) from exc
    kata_files = tuple(p.name for p in entries if p.suffix == ".py" and p.is_file())
    progress = (source / STATE_DIR).is_dir()
    if not kata_files and not progress:
        return None
    clashes = tuple(p.name for p in entries if _exists(destination / p.name))
    return Leftover(source, destination, entries, kata_files, progress, clashes)


def refuse_overwrite(target: Path, force: bool) -> None:
    """Raise unless `init` may write its files into `target`."""
    existing = [p for p in (target / CONFIG_NAME, target / WORKFLOW_PATH) if p.exists()]
    if existing and not force:
        raise WorkspaceError(
            ngettext(
                "{names} already exists, so nothing was written. `dlkata init --force` replaces "
                "it.",
                "{names} already exist, so nothing was written. `dlkata init --force` replaces "
                "them.",
                len(existing),
            ).format(names=", ".join(str(p) for p in existing))
        )


def initialise(
    target: Path,
    *,
    folder: str = DEFAULT_FOLDER,
    required: Sequence[str] = (),
    install: str | None = None,
    force: bool = False,
    move: Leftover | None = None,
) -> Initialised:
    """Write `dlkata.yaml` and the workflow into `target`, then move `move`'s files (if given)
    into the new folder. Nothing is written when a file exists (without `force`) or when a
    moved file would land on one."""
    refuse_overwrite(target, force)
    if move is not None and move.clashes:
        raise WorkspaceError(
            ngettext(
                "{names} already exists in {folder}, so nothing was moved or written. Move or "
                "rename it first, then run `dlkata init` again.",
                "{names} already exist in {folder}, so nothing was moved or written. Move or "
                "rename them first, then run `dlkata init` again.",
                len(move.clashes),
            ).format(names=", ".join(move.clashes), folder=move.destination)
        )
    install = install or ("." if is_dlkata_checkout(target) else None)
    config, workflow = target / CONFIG_NAME, target / WORKFLOW_PATH
    settings = {"workspace": json.dumps(folder), "required": json.dumps(list(required))}
    with file_errors(target / folder, _("cannot make the folder")):  # first: nothing half-written
        (target / folder).mkdir(parents=True, exist_ok=True)
    write_atomic(config, _template("dlkata.yaml", settings))
    write_atomic(workflow, _template("workflow.yml", {"install_run": _install_run(install)}))
    moved = move_leftover(move) if move is not None else ()
    return Initialised(config, workflow, (target / folder).resolve(), install, moved)


def move_leftover(leftover: Leftover) -> tuple[Path, ...]:
    """Move every entry of `workspace/` (progress included) to the new folder; the emptied
    `workspace/` goes. A name that exists there already stops the move before it is touched."""
    leftover.destination.mkdir(parents=True, exist_ok=True)
    moved = []
    for entry in leftover.entries:
        landing = leftover.destination / entry.name
        if _exists(landing):
            done = ", ".join(p.name for p in moved) or "-"
            raise WorkspaceError(
                _(
                    "{landing} already exists, so {entry} stayed where it is (moved so far: "
                    "{done}). Move or rename it, then move the rest of {source} yourself."
                ).format(landing=landing, entry=entry, done=done, source=leftover.source)
            )
        with file_errors(entry, _("cannot move")):
            moved.append(Path(shutil.move(entry, landing)))
    try:
        leftover.source.rmdir()
    except OSError:  # something appeared meanwhile: leave it, and the folder, alone
        pass
    return tuple(moved)


def is_dlkata_checkout(folder: Path) -> bool:
    """A clone or fork of dlkata itself: its pyproject names the project `dlkata`."""
    try:
        text = (folder / "pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        return False
    return re.search(r'^name\s*=\s*"dlkata"\s*$', text, re.MULTILINE) is not None


def _install_run(install: str | None) -> str:
    """The install step's shell command, as a YAML (JSON) string. Without a requirement it fails
    with the fix: dlkata is not on the package index yet, so `pip install dlkata` cannot work."""
    if install is not None:
        return json.dumps(f"python -m pip install {shlex.quote(install)}")
    return json.dumps(
        "echo '::error title=dlkata is not on the package index yet::Say where this workflow "
        f"installs dlkata from: dlkata init --force --install {INSTALL_EXAMPLE} (a repository "
        "that holds dlkata, such as your fork), or edit this step.' && exit 1"
    )


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _template(name: str, values: dict[str, str]) -> str:
    return Template((_TEMPLATES / name).read_text(encoding="utf-8")).substitute(values)


class _WorkflowTemplate(Template):
    """`%name` placeholders, so that GitHub's own `${{ ... }}` expressions stay as written."""

    delimiter = "%"


@dataclass(frozen=True)
class CourseInitialised:
    files: tuple[Path, ...]  # dlkata.yaml, roster.csv, the workflow, katas/README.md
    workflow: Path
    shards: int
    install: str | None  # None: the workflow's install steps fail, saying what to do


def course_files(target: Path) -> tuple[Path, ...]:
    return (
        target / CONFIG_NAME,
        target / ROSTER_NAME,
        target / COURSE_WORKFLOW_PATH,
        target / COURSE_KATAS / "README.md",
    )


def initialise_course(
    target: Path, *, shards: int = DEFAULT_SHARDS, install: str | None = None, force: bool = False
) -> CourseInitialised:
    """Write a course repository's skeleton into `target`: `dlkata.yaml` (its katas' folder,
    graded katas, points), an example `roster.csv`, `katas/README.md` and the grading workflow
    (`shards` machines, then a merge). Nothing is written if one of them exists, unless `force`."""
    files = course_files(target)
    existing = [p for p in files if _exists(p)]
    if existing and not force:
        raise WorkspaceError(
            ngettext(
                "{names} already exists, so nothing was written. `dlkata init --course --force` "
                "replaces it.",
                "{names} already exist, so nothing was written. `dlkata init --course --force` "
                "replaces them.",
                len(existing),
            ).format(names=", ".join(str(p) for p in existing))
        )
    install = install or ("." if is_dlkata_checkout(target) else None)
    workflow = _WorkflowTemplate(_course_template("grade.yml")).substitute(
        shards=str(shards),
        shard_list=", ".join(str(k) for k in range(1, shards + 1)),
        install_run=_install_run(install),
    )
    texts = [
        _course_template("dlkata.yaml"),
        _course_template("roster.csv"),
        workflow,
        _course_template("katas-README.md"),
    ]
    with file_errors(target / COURSE_KATAS, _("cannot make the folder")):
        (target / COURSE_KATAS).mkdir(parents=True, exist_ok=True)
    for path, text in zip(files, texts):
        write_atomic(path, text)
    return CourseInitialised(files, target / COURSE_WORKFLOW_PATH, shards, install)


def _course_template(name: str) -> str:
    return (_TEMPLATES / "course" / name).read_text(encoding="utf-8")
