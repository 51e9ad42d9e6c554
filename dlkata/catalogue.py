"""The kata catalogue: every `katas/<id>/kata.yaml`, read into `Kata` records.

A kata is data: the engine never names one. `load_kata` reads one folder (the judge needs only
its own katas), `load_catalogue` all of them; each `kata.yaml` is checked against its schema
(`schema.KataSpec`), and every problem of every file is reported at once. `dlkata validate` (see
`validate.py`) adds the checks that need more than one file.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from dlkata.problems import InvalidFile, Problem, shown
from dlkata.resources import katas_dir, reference_dir

FORMAT_VERSION = 1
Difficulty = Literal["easy", "medium", "hard"]
# Every topic of the path, in the order the path reaches them: the nineteen first katas, and the
# second wave's training, optimisers, metrics, generative losses, sequences and compression.
Topic = Literal[
    "initialisation",
    "layers",
    "activations",
    "losses",
    "regularisation",
    "training",
    "data",
    "optimisation",
    "metrics",
    "convolution",
    "normalisation",
    "recurrent",
    "attention",
    "generative",
    "compression",
    "robustness",
]
DIFFICULTIES: tuple[str, ...] = get_args(Difficulty)
TOPICS: tuple[str, ...] = get_args(Topic)


class CatalogueError(InvalidFile):
    """A kata folder cannot be read; one line per problem, each naming its file and field."""


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
    topic: Topic
    difficulty: Difficulty
    summary: str
    prerequisites: tuple[str, ...]
    functions: tuple[Function, ...]
    hints: tuple[str, ...]
    folder: Path

    def to_json(self) -> dict[str, Any]:
        """Every field as JSON: a judge rebuilds the kata from it (`from_json`) without reading
        and checking `kata.yaml` again."""
        return {**asdict(self), "folder": str(self.folder)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Kata:
        return cls(
            **{
                **data,
                "prerequisites": tuple(data["prerequisites"]),
                "functions": tuple(Function(**f) for f in data["functions"]),
                "hints": tuple(data["hints"]),
                "folder": Path(data["folder"]),
            }
        )

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


def load_kata(folder: Path) -> Kata:
    """The kata of one folder, from its `kata.yaml`; `CatalogueError` with every problem."""
    from dlkata.schema import parse_kata
    from dlkata.strict_yaml import read_yaml

    path = folder / "kata.yaml"
    try:
        spec = parse_kata(read_yaml(path), shown(path), folder.name)
    except InvalidFile as exc:
        raise CatalogueError(exc.problems) from None
    return Kata(
        id=spec.id,
        title=spec.title,
        topic=spec.topic,
        difficulty=spec.difficulty,
        summary=spec.summary,
        prerequisites=tuple(spec.prerequisites),
        functions=tuple(Function(f.name, f.returns_cache) for f in spec.functions),
        hints=tuple(spec.hints),
        folder=folder,
    )


def load_catalogue(root: Path | None = None) -> dict[str, Kata]:
    """Every kata under `root` (the packaged katas, or a course's, by default), in a
    path-friendly order; `CatalogueError` with the problems of every broken folder."""
    return _catalogue(root or katas_dir())


@functools.cache
def _catalogue(base: Path) -> dict[str, Kata]:
    if not base.is_dir():  # a course (DLKATA_COURSE) without its katas
        raise CatalogueError(
            [Problem(shown(base), "", "is not a folder (a course, DLKATA_COURSE, holds katas/)")]
        )
    katas: dict[str, Kata] = {}
    problems: list[Problem] = []
    for yaml_path in sorted(base.glob("*/kata.yaml")):
        try:
            kata = load_kata(yaml_path.parent)
        except CatalogueError as exc:
            problems += exc.problems
        else:
            katas[kata.id] = kata
    if problems:
        raise CatalogueError(problems)
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
