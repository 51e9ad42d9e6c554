"""Where the katas and reference solutions live, installed or in a source checkout."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_INSTALLED_DATA = PACKAGE_DIR / "_data"


def data_root() -> Path:
    """The folder holding `katas/` and `reference/`: a course's own (`DLKATA_COURSE`), packaged
    in a wheel, or the repository root."""
    course = os.environ.get("DLKATA_COURSE")
    if course:
        return Path(course).resolve()
    if (_INSTALLED_DATA / "katas").is_dir():
        return _INSTALLED_DATA
    return PACKAGE_DIR.parent


def katas_dir() -> Path:
    return data_root() / "katas"


def reference_dir() -> Path:
    return data_root() / "reference"


def protected_dirs() -> tuple[Path, ...]:
    """The grader's own folders, which reports name when a solution tries to read them: hidden
    tests, references, dlkata's source and, in a clone, the repository (tests, `.git`). The
    learner's process may read none of these, nor anything else outside its allow-list."""
    folders = [katas_dir(), reference_dir(), PACKAGE_DIR]
    if (PACKAGE_DIR.parent / "pyproject.toml").is_file():  # a source checkout
        folders.append(PACKAGE_DIR.parent)
    return tuple(folders)
