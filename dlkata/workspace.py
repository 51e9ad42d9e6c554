"""The learner's workspace: where their files live, and what dlkata remembers about them.

The workspace folder is `--dir`, else `DLKATA_WORKSPACE`, else the `workspace:` of the nearest
`dlkata.yaml` upwards, else `./workspace`. dlkata's own state (progress, hints shown, backups)
lives in `<workspace>/.dlkata/`. Every write is atomic (a temporary file, then a rename) under a
file lock, and an unreadable state file is set aside and rebuilt rather than crashing a command.
Stored progress is only a record: `check` always grades the code.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dlkata.catalogue import load_catalogue
from dlkata.i18n import _
from dlkata.problems import InvalidFile, file_problem, shown

CONFIG_NAME = "dlkata.yaml"
STATE_DIR = ".dlkata"
STATE_VERSION = 1
LOCK_TIMEOUT = 10.0  # seconds to wait for another dlkata to release the state file
DEFAULT_FOLDER = "workspace"


class WorkspaceError(Exception):
    """A problem with the learner's files that the learner can fix; the message says how."""


@dataclass(frozen=True)
class WorkspaceConfig:
    """What a `dlkata.yaml` says: the learner's folder, the katas a course requires, limits."""

    path: Path
    folder: Path
    required: tuple[str, ...] = ()
    limits: dict[str, Any] = field(default_factory=dict)
    # what `dlkata grade` reads (a course's file): graded katas, points, partial credit
    katas_graded: tuple[str, ...] = ()
    points: dict[str, float] = field(default_factory=dict)
    partial: bool = False


def find_config(start: Path) -> Path | None:
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def read_config(path: Path) -> WorkspaceConfig:
    """A `dlkata.yaml`, checked against its schema (`schema.ConfigSpec`): `WorkspaceError` with
    one line per problem, each naming the file and the field."""
    from dlkata.schema import parse_config
    from dlkata.strict_yaml import read_yaml

    try:
        spec = parse_config(read_yaml(path), shown(path), load_catalogue())
    except InvalidFile as exc:
        raise WorkspaceError(str(exc)) from None
    limits = spec.limits.model_dump(exclude_none=True) if spec.limits else {}
    folder = (path.parent / spec.workspace).resolve()
    return WorkspaceConfig(
        path,
        folder,
        tuple(spec.required or ()),
        limits,
        tuple(spec.katas_graded or ()),
        dict(spec.points or {}),
        spec.partial,
    )


@dataclass(frozen=True)
class Workspace:
    root: Path
    config: WorkspaceConfig | None = None

    def file_for(self, kata_id: str) -> Path:
        return self.root / f"{kata_id}.py"

    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    @property
    def state(self) -> StateFile:
        return StateFile(self.state_dir / "state.json")

    def backups(self, kata_id: str) -> list[Path]:
        """The backups of a kata's file, oldest first."""
        folder = self.state_dir / "backups"
        pattern = re.compile(rf"{re.escape(kata_id)}-(\d{{8}}-\d{{6}})(?:-(\d+))?\.py")
        found = []
        for path in folder.glob(f"{kata_id}-*.py") if folder.is_dir() else []:
            match = pattern.fullmatch(path.name)
            if match:
                found.append(((match.group(1), int(match.group(2) or 0)), path))
        return [path for _stamp, path in sorted(found)]

    def backup(self, path: Path) -> Path:
        """Copy a learner's file into `.dlkata/backups/` before it is replaced."""
        if path.is_dir():
            raise WorkspaceError(
                _(
                    "{path} is a folder where your kata file should be. Move it away, e.g. "
                    "`mv {path} {path}.old`."
                ).format(path=path)
            )
        make_state_dir(self.state_dir)
        backups = self.state_dir / "backups"
        with file_errors(backups, _("cannot back up to")):
            backups.mkdir(exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            target = backups / f"{path.stem}-{stamp}{path.suffix}"
            counter = 1
            while target.exists():
                target = backups / f"{path.stem}-{stamp}-{counter}{path.suffix}"
                counter += 1
            shutil.copy2(path, target)
        return target


def resolve_workspace(directory: Path | None = None, cwd: Path | None = None) -> Workspace:
    try:
        cwd = cwd or Path.cwd()
    except FileNotFoundError:
        raise WorkspaceError(
            _(
                "The current folder no longer exists (deleted or moved): `cd` into a folder that "
                "does, then run the command again."
            )
        ) from None
    config_path = find_config(cwd)
    config = read_config(config_path) if config_path else None
    from_env = os.environ.get("DLKATA_WORKSPACE")
    if directory is not None:
        root, source = directory.resolve(), "--dir"
    elif from_env:
        root, source = Path(from_env).resolve(), "DLKATA_WORKSPACE"
    elif config is not None:
        root, source = config.folder, _("{file}'s workspace").format(file=shown(config.path))
    else:
        root, source = (cwd / DEFAULT_FOLDER).resolve(), _("the default workspace")
    if root.exists() and not root.is_dir():
        raise WorkspaceError(
            _(
                "{path} ({source}) is a file where dlkata needs the workspace folder. Name a "
                "folder, or move the file away."
            ).format(path=shown(root), source=source)
        )
    return Workspace(root, config)


@contextlib.contextmanager
def file_errors(path: Path, doing: str) -> Iterator[None]:
    """A file-system error while working on `path` (permissions, a full disk, a file where a
    folder should be) as a `WorkspaceError` that names it and says what to do."""
    try:
        yield
    except OSError as exc:
        raise WorkspaceError(file_problem(exc, path, doing)) from None


def make_state_dir(path: Path) -> None:
    """Create `.dlkata/` with a `.gitignore` of its own, so that a learner who commits their
    workspace (a fork graded in CI) never commits dlkata's state and backups."""
    with file_errors(path, _("cannot write")):
        path.mkdir(parents=True, exist_ok=True)
        ignore = path / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# dlkata's own state: progress, hints shown, backups\n*\n")


def write_atomic(path: Path, text: str) -> None:
    """Write a whole file or nothing: a reader never sees half of it.

    A symlink is written through (its target is replaced, the link stays); a replaced file keeps
    its mode, and a new one gets the permissions of the user's umask, as `open()` would give.
    """
    path = Path(os.path.realpath(path))
    with file_errors(path, _("cannot write")):
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
                stream.flush()
                os.fchmod(stream.fileno(), mode)
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise


def _umask() -> int:
    current = os.umask(0o022)  # the only way to read it is to set it: put it straight back
    os.umask(current)
    return current


class StateFile:
    """dlkata's memory of a workspace: `{"progress": {...}, "hints": {...}}`, versioned."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warnings: list[str] = []

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """The state file's lock, waited for at most LOCK_TIMEOUT seconds: another dlkata that
        hangs never makes this one hang too."""
        make_state_dir(self.path.parent)
        lock_path = self.path.with_suffix(".lock")
        with file_errors(lock_path, _("cannot write")):
            lock = open(lock_path, "a")  # closed by the `with` below
        with lock:
            deadline = time.monotonic() + LOCK_TIMEOUT
            while True:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise WorkspaceError(
                            _(
                                "{path} is held by another dlkata process for more than "
                                "{seconds} s. Let it finish (or stop it), then try again."
                            ).format(path=lock_path, seconds=f"{LOCK_TIMEOUT:g}")
                        ) from None
                    time.sleep(0.05)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _read_unlocked(self) -> dict[str, Any]:
        empty: dict[str, Any] = {"format_version": STATE_VERSION, "progress": {}, "hints": {}}
        if not self.path.exists():
            return empty
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format_version") != STATE_VERSION:
                raise ValueError(_("unexpected structure or version"))
            if not isinstance(data.get("progress"), dict) or not isinstance(
                data.get("hints"), dict
            ):
                raise ValueError(_("unexpected structure"))
            return data
        except (OSError, ValueError, RecursionError) as exc:  # RecursionError: deep nesting
            aside = self.path.with_name(
                f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}"
            )
            with contextlib.suppress(OSError):
                os.replace(self.path, aside)
            self.warnings.append(
                _(
                    "dlkata's progress file {path} was unreadable ({reason}); it was moved to "
                    "{aside} and progress starts afresh (your solutions are untouched)."
                ).format(path=self.path, reason=exc, aside=aside.name)
            )
            return empty

    def read(self) -> dict[str, Any]:
        with self._locked():
            return self._read_unlocked()

    def update(self, change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
        """Read, change and write back under the lock, so concurrent runs never lose a write."""
        with self._locked():
            data = self._read_unlocked()
            change(data)
            write_atomic(self.path, json.dumps(data, indent=2, sort_keys=True))
            return data
