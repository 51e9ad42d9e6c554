"""Pin every dependency that pyproject.toml declares (runtime and the `test` extra) to its floor,
as pip constraints: `make test-min` installs with them, so the floors we publish are the ones the
suite passed on. A dependency without a floor is an error: its lowest version is then untested.

Usage: python scripts/lowest_constraints.py [pyproject.toml] > constraints.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_REQUIREMENT = re.compile(
    r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?P<specs>[^;]*?)\s*"
    r"(?:;(?P<marker>.*))?$"
)
_FLOOR = re.compile(r"^(?:>=|==|~=)\s*(?P<version>[^,\s*]+)$")
EXTRAS = ("test",)


class NoFloor(ValueError):
    """A declared dependency whose lowest version cannot be read from its specifier."""


def floor(requirement: str) -> str:
    """`numpy>=1.24` -> `numpy==1.24`; an environment marker is kept."""
    match = _REQUIREMENT.match(requirement)
    if match is None:
        raise NoFloor(f"cannot read the requirement {requirement!r}")
    versions = [
        m.group("version")
        for spec in match.group("specs").split(",")
        if (m := _FLOOR.match(spec.strip()))
    ]
    if len(versions) != 1:
        raise NoFloor(f"{requirement!r} needs exactly one floor (>=, == or ~=), e.g. 'numpy>=1.24'")
    marker = match.group("marker")
    pin = f"{match.group('name')}=={versions[0]}"
    return f"{pin}; {marker.strip()}" if marker else pin


def constraints(pyproject: Path, extras: tuple[str, ...] = EXTRAS) -> list[str]:
    """The floors of the project's dependencies and of `extras`, in pyproject's order."""
    import tomllib  # Python 3.11+; this script runs on the developer's Python, not the learner's

    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    declared = list(project.get("dependencies", []))
    for extra in extras:
        declared += project.get("optional-dependencies", {}).get(extra, [])
    return [floor(requirement) for requirement in declared]


def main(argv: list[str]) -> int:
    pyproject = Path(argv[1] if len(argv) > 1 else "pyproject.toml")
    try:
        lines = constraints(pyproject)
    except (NoFloor, OSError) as exc:
        print(f"{pyproject}: {exc}", file=sys.stderr)
        return 2
    print(f"# the lowest versions {pyproject} allows: written by {Path(__file__).name}")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
