"""`dlkata init`: make a folder (a fork of dlkata, or any git repository) a dlkata workspace with
a `dlkata.yaml` and a GitHub Actions workflow that grades every push.

The files come from `dlkata/templates/`; nothing is overwritten without `force`.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template

from dlkata import __version__
from dlkata.resources import PACKAGE_DIR
from dlkata.workspace import CONFIG_NAME, WorkspaceError, file_errors, write_atomic

WORKFLOW_PATH = Path(".github", "workflows", "dlkata.yml")
DEFAULT_FOLDER = "solutions"
_TEMPLATES = PACKAGE_DIR / "templates"


@dataclass(frozen=True)
class Initialised:
    config: Path
    workflow: Path
    folder: Path
    install: str


def initialise(
    target: Path,
    *,
    folder: str = DEFAULT_FOLDER,
    required: Sequence[str] = (),
    install: str | None = None,
    force: bool = False,
) -> Initialised:
    """Write `dlkata.yaml` and the workflow into `target`. `install` is what the workflow passes
    to pip: by default `.` in a dlkata checkout (a fork), else this version from the index."""
    config, workflow = target / CONFIG_NAME, target / WORKFLOW_PATH
    existing = [p for p in (config, workflow) if p.exists()]
    if existing and not force:
        names = " and ".join(str(p) for p in existing)
        raise WorkspaceError(
            f"{names} already exist{'s' if len(existing) == 1 else ''}, so nothing was written. "
            "`dlkata init --force` replaces them."
        )
    install = install or ("." if is_dlkata_checkout(target) else f"dlkata=={__version__}")
    settings = {"workspace": json.dumps(folder), "required": json.dumps(list(required))}
    with file_errors(target / folder, "cannot make the folder"):  # first: nothing half-written
        (target / folder).mkdir(parents=True, exist_ok=True)
    write_atomic(config, _template("dlkata.yaml", settings))
    write_atomic(workflow, _template("workflow.yml", {"install": shlex.quote(install)}))
    return Initialised(config, workflow, (target / folder).resolve(), install)


def is_dlkata_checkout(folder: Path) -> bool:
    """A clone or fork of dlkata itself: its pyproject names the project `dlkata`."""
    try:
        text = (folder / "pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        return False
    return re.search(r'^name\s*=\s*"dlkata"\s*$', text, re.MULTILINE) is not None


def _template(name: str, values: dict[str, str]) -> str:
    return Template((_TEMPLATES / name).read_text(encoding="utf-8")).substitute(values)
