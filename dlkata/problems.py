"""A problem in a file dlkata reads, named by its file and field, and the error that lists them.

Every reader of a user's or an author's file (a `kata.yaml`, a `dlkata.yaml`) reports all the
problems it found at once, one line each, so that one run shows everything to fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


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
