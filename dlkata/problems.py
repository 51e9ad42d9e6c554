"""A problem in a file dlkata reads, named by its file and field, and the error that lists them.

Every reader of a user's or an author's file (a `kata.yaml`, a `dlkata.yaml`) reports all the
problems it found at once, one line each, so that one run shows everything to fix.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dlkata.i18n import _


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


class InvalidFile(Exception):
    """One or more files cannot be used as they are; the message has one line per problem."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def shown(path: Path) -> str:
    """A path as a message shows it: relative to the current folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except (OSError, ValueError):  # outside the current folder, or no current folder at all
        return str(path)


def file_problem(exc: OSError, path: Path | None = None, doing: str = "") -> str:
    """One line for a file-system error: the file (`path`, else the error's), what dlkata was
    `doing` (a translated phrase such as `_("cannot write")`), what went wrong, and what to do
    about it."""
    where = path if path is not None else Path(exc.filename) if exc.filename else None
    name = shown(where) if where is not None else _("a file")
    head = _("{doing} {file}").format(doing=doing, file=name) if doing else name
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        return _(
            "{head}: permission denied. Check the permissions of it and of its folders, "
            "e.g. `ls -ld {file}`."
        ).format(head=head, file=name)
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _("{head}: the disk is full. Free some space, then run the command again.").format(
            head=head
        )
    if code == errno.EROFS:
        return _(
            "{head}: the file system is read-only. Choose another workspace with --dir."
        ).format(head=head)
    if code in (errno.ENOTDIR, errno.EEXIST) and where is not None:
        blocker = _file_in_the_way(where)
        if blocker is not None:
            if doing:
                return _(
                    "{head}: {blocker} is a file where dlkata needs a folder. Move it away, "
                    "e.g. `mv {blocker} {blocker}.old`."
                ).format(head=head, blocker=shown(blocker))
            return _(
                "{blocker} is a file where dlkata needs a folder. Move it away, "
                "e.g. `mv {blocker} {blocker}.old`."
            ).format(blocker=shown(blocker))
    if code == errno.EISDIR:
        return _(
            "{head}: it is a folder where dlkata needs a file. Move it away or name a file."
        ).format(head=head)
    if code == errno.ENOENT:
        return _("{head}: it does not exist.").format(head=head)
    # the system's own words for any other error
    return _("{head}: {reason}.").format(head=head, reason=exc.strerror or exc)


def _file_in_the_way(path: Path) -> Path | None:
    """The first of `path` and its folders (outermost first) that exists but is no folder."""
    for candidate in (*reversed(path.parents), path):
        try:
            if candidate.exists() and not candidate.is_dir():
                return candidate
        except OSError:  # a folder that cannot be searched: nothing to see below it
            return None
    return None
