"""Where the katas and reference solutions live: dlkata's own (installed or in a source
checkout) and a course's (`course.py`)."""

from __future__ import annotations

from pathlib import Path

from dlkata.course import active_course

PACKAGE_DIR = Path(__file__).resolve().parent
_INSTALLED_DATA = PACKAGE_DIR / "_data"


def data_root() -> Path:
    """The folder holding dlkata's own `katas/` and `reference/`: packaged in a wheel, or the
    repository root."""
    if (_INSTALLED_DATA / "katas").is_dir():
        return _INSTALLED_DATA
    return PACKAGE_DIR.parent


def katas_dir() -> Path:
    """dlkata's own katas."""
    return data_root() / "katas"


def reference_dir() -> Path:
    """dlkata's own references."""
    return data_root() / "reference"


def kata_roots() -> tuple[Path, ...]:
    """Every folder of kata folders this run offers: dlkata's own unless the course says
    `builtin: false`, then the course's."""
    course = active_course()
    if course is None:
        return (katas_dir(),)
    return (katas_dir(), course.katas) if course.builtin else (course.katas,)


def protected_dirs(*kata_folders: Path) -> tuple[Path, ...]:
    """The grader's own folders, which reports name when a solution tries to read them: hidden
    tests, references (dlkata's and those of the katas in `kata_folders`), dlkata's source and,
    in a clone, the repository (tests, `.git`). The learner's process may read none of these,
    nor anything else outside its allow-list."""
    folders = [katas_dir(), reference_dir(), PACKAGE_DIR]
    for folder in dict.fromkeys(f.parent for f in kata_folders):
        folders += [folder, folder.parent / "reference"]
    if (PACKAGE_DIR.parent / "pyproject.toml").is_file():  # a source checkout
        folders.append(PACKAGE_DIR.parent)
    return tuple(dict.fromkeys(folders))
