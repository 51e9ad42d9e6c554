"""A course's own katas: where they live, and whether the built-in katas come with them.

A course is a folder. Its katas sit in the same layout as dlkata's own, with everything beside
the kata folders' parent:

```
<course>/dlkata.yaml                    katas: katas   builtin: true   (both optional)
<course>/katas/<id>/                    kata.yaml, stub.py, test_<id>.py, text/{en,zh}.{yaml,md}
<course>/reference/<id>.py              the reference
<course>/tests/solutions/<id>/          correct_*.py and wrong_*.py, for `dlkata kata prove`
```

The course of a run is `--course DIR`, else `DLKATA_COURSE`, else the nearest `dlkata.yaml` (from
the current folder upwards) that has a `katas:` key. `katas:` is a path relative to its file;
`reference/` and `tests/solutions/` sit beside the folder it names. With `builtin: false` the
course's katas replace dlkata's own instead of joining them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dlkata.i18n import _
from dlkata.problems import InvalidFile, Problem, shown

CONFIG_NAME = "dlkata.yaml"
DEFAULT_KATAS = "katas"
_chosen: Path | None = None  # --course, for this run


@dataclass(frozen=True)
class Course:
    """Where a course keeps its katas, and whether dlkata's own katas are offered too."""

    katas: Path
    builtin: bool = True

    @property
    def folder(self) -> Path:
        """The folder that holds the katas' folder, `reference/` and `tests/solutions/`."""
        return self.katas.parent

    @property
    def reference(self) -> Path:
        return self.folder / "reference"

    @property
    def solutions(self) -> Path:
        return self.folder / "tests" / "solutions"


def use_course(folder: Path | None) -> None:
    """The course of this run (`--course`), or None to look for one (`DLKATA_COURSE`, then the
    nearest `dlkata.yaml`). The judge needs no course: each kata carries its own folders."""
    global _chosen
    _chosen = folder.resolve() if folder is not None else None


def active_course() -> Course | None:
    """The course of this run, or None (dlkata's own katas only)."""
    if _chosen is not None:
        return course_in(_chosen)
    from_env = os.environ.get("DLKATA_COURSE")
    if from_env:
        return course_in(Path(from_env).resolve())
    config = _nearest_config()
    if config is not None and "katas" in _settings(config):
        return _course_of(config)
    return None


def course_in(folder: Path) -> Course:
    """The course of a folder: its `dlkata.yaml` says where the katas are, else `katas/`."""
    config = folder / CONFIG_NAME
    if config.is_file():
        return _course_of(config)
    return Course(folder / DEFAULT_KATAS)


def _nearest_config() -> Path | None:
    try:
        cwd = Path.cwd().resolve()
    except FileNotFoundError:  # the workspace reports a deleted current folder
        return None
    for folder in (cwd, *cwd.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder / CONFIG_NAME
    return None


def _settings(path: Path) -> dict[str, Any]:
    from dlkata.strict_yaml import read_yaml

    data = read_yaml(path)
    return data if isinstance(data, dict) else {}


def _course_of(path: Path) -> Course:
    """`katas:` and `builtin:` of a `dlkata.yaml` (the rest is the workspace's, read there)."""
    data = _settings(path)
    katas, builtin = data.get("katas", DEFAULT_KATAS), data.get("builtin", True)
    problems = []
    if not isinstance(katas, str) or not katas:
        problems.append(Problem(shown(path), "katas", _("must be a folder's path")))
    if not isinstance(builtin, bool):
        problems.append(Problem(shown(path), "builtin", _("must be true or false")))
    if problems:
        raise InvalidFile(problems)
    return Course((path.parent / katas).resolve(), builtin)
