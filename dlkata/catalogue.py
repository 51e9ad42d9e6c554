"""The kata catalogue: every `katas/<id>/kata.yaml`, read into `Kata` records.

A kata is data: the engine never names one. `load_catalogue` finds them all; `dlkata validate`
(see `validate.py`) says what is wrong with a folder, field by field.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from dlkata.resources import katas_dir, reference_dir
from dlkata.yamlfile import load_yaml

FORMAT_VERSION = 1
DIFFICULTIES = ("easy", "medium", "hard")


class CatalogueError(Exception):
    """A kata folder cannot be read; the message names the file and field."""


class UnknownKata(Exception):
    """No kata has this id; carries the closest ids for a did-you-mean."""

    def __init__(self, kata_id: str, suggestions: list[str]) -> None:
        hint = f" Did you mean {' or '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"There is no kata named '{kata_id}'.{hint} (`dlkata list` shows all.)")
        self.kata_id = kata_id
        self.suggestions = suggestions


@dataclass(frozen=True)
class Function:
    name: str
    returns_cache: bool = False


@dataclass(frozen=True)
class Kata:
    id: str
    title: str
    topic: str
    difficulty: str
    summary: str
    prerequisites: tuple[str, ...]
    functions: tuple[Function, ...]
    hints: tuple[str, ...]
    folder: Path

    @property
    def stub_path(self) -> Path:
        return self.folder / "stub.py"

    @property
    def explanation_path(self) -> Path:
        return self.folder / "explanation.md"

    @property
    def tests_path(self) -> Path:
        return self.folder / f"test_{self.id}.py"

    @property
    def reference_path(self) -> Path:
        return reference_dir() / f"{self.id}.py"

    @property
    def function_names(self) -> list[str]:
        return [f.name for f in self.functions]


def read_kata_yaml(path: Path) -> dict[str, Any]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogueError(f"{path}: cannot be read as YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise CatalogueError(f"{path}: expected a mapping of fields")
    return data


def kata_from_data(data: dict[str, Any], folder: Path) -> Kata:
    """Build a `Kata`, raising `CatalogueError` for the first missing or malformed field."""
    where = folder / "kata.yaml"
    version = data.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise CatalogueError(
            f"{where}: format_version {version!r} is not supported by this dlkata "
            f"(it reads version {FORMAT_VERSION}); upgrade dlkata"
        )

    def text(field: str) -> str:
        value = data.get(field)
        if not isinstance(value, str) or not value.strip():
            raise CatalogueError(f"{where}: field '{field}' must be a non-empty string")
        return value.strip()

    functions = []
    for entry in data.get("functions") or []:
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            functions.append(Function(entry["name"], bool(entry.get("returns_cache", False))))
        else:
            raise CatalogueError(f"{where}: each entry of 'functions' needs a 'name'")
    if not functions:
        raise CatalogueError(f"{where}: field 'functions' must list at least one function")
    hints = data.get("hints") or []
    prerequisites = data.get("prerequisites") or []
    if not all(isinstance(h, str) for h in hints):
        raise CatalogueError(f"{where}: field 'hints' must be a list of strings")
    if not all(isinstance(p, str) for p in prerequisites):
        raise CatalogueError(f"{where}: field 'prerequisites' must be a list of kata ids")
    return Kata(
        id=text("id"),
        title=text("title"),
        topic=text("topic"),
        difficulty=text("difficulty"),
        summary=text("summary"),
        prerequisites=tuple(prerequisites),
        functions=tuple(functions),
        hints=tuple(hints),
        folder=folder,
    )


def load_kata(folder: Path) -> Kata:
    """One kata, from its folder alone (the judge needs only the katas it grades)."""
    return kata_from_data(read_kata_yaml(folder / "kata.yaml"), folder)


@functools.cache
def load_catalogue(root: Path | None = None) -> dict[str, Kata]:
    """Every kata under `root` (the packaged katas by default), in a path-friendly order."""
    base = root or katas_dir()
    katas = {}
    for yaml_path in sorted(base.glob("*/kata.yaml")):
        kata = kata_from_data(read_kata_yaml(yaml_path), yaml_path.parent)
        katas[kata.id] = kata
    return dict(_in_learning_order(katas))


def _in_learning_order(katas: dict[str, Kata]) -> list[tuple[str, Kata]]:
    """Prerequisites first, otherwise alphabetical: the order `list` shows and `next` follows."""
    done: dict[str, Kata] = {}

    def visit(kata_id: str, trail: tuple[str, ...]) -> None:
        if kata_id in done or kata_id not in katas or kata_id in trail:
            return
        for prerequisite in katas[kata_id].prerequisites:
            visit(prerequisite, (*trail, kata_id))
        done[kata_id] = katas[kata_id]

    for kata_id in sorted(katas):
        visit(kata_id, ())
    return list(done.items())


def get_kata(kata_id: str) -> Kata:
    catalogue = load_catalogue()
    if kata_id in catalogue:
        return catalogue[kata_id]
    raise UnknownKata(kata_id, difflib.get_close_matches(kata_id, list(catalogue), n=3, cutoff=0.5))
