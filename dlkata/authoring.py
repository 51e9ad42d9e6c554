"""`dlkata kata new ID`: a course's new kata, whole and working, for its author to change.

The kata is a tiny real example (each row of `x` summed, then scaled, with a `ValueError` rule)
in every file a kata has, both languages, a hidden test using the judge's helpers, a reference and
one correct and one wrong solution, so `dlkata kata prove ID` passes as generated and the author
sees the whole loop work. What the author must write is marked TODO, which `dlkata validate`
reports until it is gone.
"""

from __future__ import annotations

import keyword
import re
from importlib import resources
from pathlib import Path

from dlkata.catalogue import clear_catalogue, load_catalogue
from dlkata.course import Course
from dlkata.i18n import _
from dlkata.problems import shown

_KATA_ID = re.compile(r"[a-z][a-z0-9_]*")
PLACEHOLDER = "KATA_ID"


class AuthoringError(Exception):
    """A kata cannot be created as asked; the message says why and what to do."""


def _files(course: Course, kata_id: str) -> dict[Path, str]:
    """Each file of a new kata and the template it is written from."""
    folder = course.katas / kata_id
    solutions = course.solutions / kata_id
    return {
        folder / "kata.yaml": "kata.yaml.tmpl",
        folder / "stub.py": "stub.py.tmpl",
        folder / f"test_{kata_id}.py": "test.py.tmpl",
        folder / "text" / "en.yaml": "en.yaml.tmpl",
        folder / "text" / "zh.yaml": "zh.yaml.tmpl",
        folder / "text" / "en.md": "en.md.tmpl",
        folder / "text" / "zh.md": "zh.md.tmpl",
        course.reference / f"{kata_id}.py": "reference.py.tmpl",
        solutions / "correct_loops.py": "correct.py.tmpl",
        solutions / "wrong_columns.py": "wrong.py.tmpl",
    }


def new_kata(course: Course, kata_id: str) -> list[Path]:
    """Write a new kata into `course` and return its files; `AuthoringError` if the id is not
    a kata id, is taken, or any of its files exists (nothing is then written)."""
    if not _KATA_ID.fullmatch(kata_id) or keyword.iskeyword(kata_id):
        raise AuthoringError(
            _(
                "'{kata}' is not a kata id: lower-case letters, digits and underscores, starting "
                "with a letter (e.g. scaled_sum)."
            ).format(kata=kata_id)
        )
    course.katas.mkdir(parents=True, exist_ok=True)  # a new course's first kata
    clear_catalogue()
    taken = load_catalogue().get(kata_id)
    if taken is not None:
        raise AuthoringError(
            _("'{kata}' is already a kata ({folder}): choose another id.").format(
                kata=kata_id, folder=shown(taken.folder)
            )
        )
    files = _files(course, kata_id)
    existing = [path for path in files if path.exists()]
    if existing:
        raise AuthoringError(
            _("{file} exists already: move it away or choose another id.").format(
                file=shown(existing[0])
            )
        )
    templates = resources.files("dlkata") / "templates" / "kata"
    for path, template in files.items():
        text = (templates / template).read_text(encoding="utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.replace(PLACEHOLDER, kata_id), encoding="utf-8")
    clear_catalogue()
    return list(files)
