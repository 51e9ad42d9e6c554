"""Which language a run of dlkata speaks, decided before the command line is parsed, so that
even `--help` is in it: `--lang`, `DLKATA_LANG`, `lang:` of the nearest `dlkata.yaml`, the
locale."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from dlkata import i18n

FLAG = "--lang"


def flag_value(argv: Sequence[str]) -> str | None:
    """The last `--lang X` or `--lang=X` before a `--`."""
    value = None
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == FLAG and index + 1 < len(argv):
            value = argv[index + 1]
        elif argument.startswith(FLAG + "="):
            value = argument.partition("=")[2]
    return value


def configured_language(cwd: Path) -> str | None:
    """`lang:` of the nearest `dlkata.yaml`, unchecked: a file that cannot be read says nothing
    here, and the command that reads it in full reports its problems."""
    from dlkata.problems import InvalidFile
    from dlkata.strict_yaml import read_yaml
    from dlkata.workspace import find_config

    try:
        path = find_config(cwd)
        data = read_yaml(path) if path else None
    except (InvalidFile, OSError):
        return None
    value = data.get("lang") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def decide(argv: Sequence[str], environ: Mapping[str, str], cwd: Path | None = None) -> str:
    """The language of this run (a value that is not a language is skipped here; the option's
    or the file's check reports it)."""
    try:
        cwd = cwd or Path.cwd()
    except FileNotFoundError:
        cwd = None
    configured = configured_language(cwd) if cwd else None
    return i18n.choose(flag_value(argv), environ, configured)
