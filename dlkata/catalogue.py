"""The kata catalogue: every `katas/<id>/kata.yaml`, read into `Kata` records.

A kata is data: the engine never names one. `load_kata` reads one folder (the judge needs only
its own katas), `load_catalogue` all of them; each `kata.yaml` is checked against its schema
(`schema.KataSpec`), and every problem of every file is reported at once. A kata's words come from
`text/<lang>.yaml` in the current language (`i18n`), English filling any gap, so a course's
English-only kata still reads. `dlkata validate` (see `validate.py`) adds the checks that need more
than one file, among them that every language has every text that English has.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from dlkata import i18n
from dlkata.i18n import _
from dlkata.problems import InvalidFile, Problem, shown
from dlkata.resources import kata_roots

FORMAT_VERSION = 2  # of kata.yaml
TEXT_FORMAT_VERSION = 1  # of text/<lang>.yaml
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
        super().__init__(_no_such_kata(kata_id, suggestions))
        self.kata_id = kata_id
        self.suggestions = suggestions


def _no_such_kata(kata_id: str, suggestions: list[str]) -> str:
    """The message of `UnknownKata`, with up to three suggestions."""
    first, second, third = [*suggestions, "", "", ""][:3]
    if len(suggestions) >= 3:
        message = _(
            "There is no kata named '{kata}'. Did you mean {first} or {second} or {third}? "
            "(`dlkata list` shows all.)"
        )
    elif len(suggestions) == 2:
        message = _(
            "There is no kata named '{kata}'. Did you mean {first} or {second}? "
            "(`dlkata list` shows all.)"
        )
    elif suggestions:
        message = _(
            "There is no kata named '{kata}'. Did you mean {first}? (`dlkata list` shows all.)"
        )
    else:
        message = _("There is no kata named '{kata}'. (`dlkata list` shows all.)")
    return message.format(kata=kata_id, first=first, second=second, third=third)


@dataclass(frozen=True)
class Function:
    name: str
    returns_cache: bool = False


@dataclass(frozen=True)
class Kata:
    """A kata, with its words in one language (`language`)."""

    id: str
    title: str
    topic: Topic
    difficulty: Difficulty
    summary: str
    prerequisites: tuple[str, ...]
    functions: tuple[Function, ...]
    hints: tuple[str, ...]
    folder: Path
    language: str = i18n.DEFAULT
    # each hidden test function's one-line description, and the notes hidden tests show by key
    tests: dict[str, str] = field(default_factory=dict, hash=False)
    notes: dict[str, str] = field(default_factory=dict, hash=False)

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

    def text_path(self, language: str, suffix: str = ".yaml") -> Path:
        return self.folder / "text" / f"{language}{suffix}"

    @property
    def explanation_path(self) -> Path:
        """The explanation in the kata's language, else in English."""
        path = self.text_path(self.language, ".md")
        return path if path.is_file() else self.text_path(i18n.DEFAULT, ".md")

    @property
    def stub_path(self) -> Path:
        return self.folder / "stub.py"

    @property
    def tests_path(self) -> Path:
        return self.folder / f"test_{self.id}.py"

    @property
    def reference_path(self) -> Path:
        """`reference/<id>.py` beside the folder of kata folders (dlkata's or a course's)."""
        return self.folder.parent.parent / "reference" / f"{self.id}.py"

    @property
    def function_names(self) -> list[str]:
        return [f.name for f in self.functions]


def load_kata(folder: Path, language: str | None = None) -> Kata:
    """The kata of one folder, from its `kata.yaml` and its words in `language` (the current
    language by default); `CatalogueError` with every problem."""
    from dlkata.schema import parse_kata
    from dlkata.strict_yaml import read_yaml

    language = language or i18n.language()
    path = folder / "kata.yaml"
    problems: list[Problem] = []
    try:
        spec = parse_kata(read_yaml(path), shown(path), folder.name)
    except InvalidFile as exc:
        problems += exc.problems
    try:
        words = load_words(folder, language)
    except InvalidFile as exc:
        problems += exc.problems
    if problems:
        raise CatalogueError(problems)
    return Kata(
        id=spec.id,
        title=words["title"],
        topic=spec.topic,
        difficulty=spec.difficulty,
        summary=words["summary"],
        prerequisites=tuple(spec.prerequisites),
        functions=tuple(Function(f.name, f.returns_cache) for f in spec.functions),
        hints=tuple(words["hints"]),
        folder=folder,
        language=language,
        tests=words["tests"],
        notes=words["notes"],
    )


def read_words(path: Path) -> dict[str, Any]:
    """One `text/<lang>.yaml`, checked against its schema; `InvalidFile` with every problem."""
    from dlkata.schema import parse_text
    from dlkata.strict_yaml import read_yaml

    return parse_text(read_yaml(path), shown(path)).model_dump()


def load_words(folder: Path, language: str) -> dict[str, Any]:
    """A kata's words in `language`, English filling any text the language lacks (validate
    reports the gaps; a learner still reads the kata)."""
    english = read_words(folder / "text" / f"{i18n.DEFAULT}.yaml")
    path = folder / "text" / f"{language}.yaml"
    if language == i18n.DEFAULT or not path.is_file():
        return english
    words = read_words(path)
    return {
        "title": words["title"],
        "summary": words["summary"],
        "hints": words["hints"] or english["hints"],
        "tests": {**english["tests"], **words["tests"]},
        "notes": {**english["notes"], **words["notes"]},
    }


def load_catalogue(root: Path | None = None) -> dict[str, Kata]:
    """Every kata under `root`, or by default dlkata's own and the course's (`course.py`), in a
    path-friendly order; `CatalogueError` with the problems of every broken folder, and of every
    id two folders share."""
    return _catalogue((root,) if root else kata_roots(), i18n.language())


def clear_catalogue() -> None:
    """Forget the katas read so far: a kata was just added (`dlkata kata new`)."""
    _catalogue.cache_clear()


@functools.cache
def _catalogue(roots: tuple[Path, ...], language: str) -> dict[str, Kata]:
    katas: dict[str, Kata] = {}
    problems: list[Problem] = []
    for base in roots:
        if not base.is_dir():  # a course without its katas
            problems.append(
                Problem(
                    shown(base), "", _("is not a folder (a course, DLKATA_COURSE, holds katas/)")
                )
            )
            continue
        for yaml_path in sorted(base.glob("*/kata.yaml")):
            try:
                kata = load_kata(yaml_path.parent, language)
            except CatalogueError as exc:
                problems += exc.problems
                continue
            if kata.id in katas:
                problems.append(clash(kata.folder, katas[kata.id].folder))
            else:
                katas[kata.id] = kata
    if problems:
        raise CatalogueError(problems)
    return dict(_in_learning_order(katas))


def clash(folder: Path, first: Path) -> Problem:
    """Two kata folders with one id: the second is named, with the first."""
    return Problem(
        shown(folder / "kata.yaml"),
        "id",
        _(
            "'{kata}' is also the id of {other}: ids must differ, so rename the course's kata "
            "(its folder, id, stub, tests and reference), or set `builtin: false` in the "
            "course's dlkata.yaml"
        ).format(kata=folder.name, other=shown(first)),
    )


def _in_learning_order(katas: dict[str, Kata]) -> list[tuple[str, Kata]]:
    """Prerequisites first, otherwise by topic in the path's order, easier first, then by id:
    the order `next` follows (initialisers and the linear layer before optimisers)."""
    done: dict[str, Kata] = {}

    def visit(kata_id: str, trail: tuple[str, ...]) -> None:
        if kata_id in done or kata_id not in katas or kata_id in trail:
            return
        for prerequisite in katas[kata_id].prerequisites:
            visit(prerequisite, (*trail, kata_id))
        done[kata_id] = katas[kata_id]

    def rank(kata_id: str) -> tuple[int, int, str]:
        kata = katas[kata_id]
        return (TOPICS.index(kata.topic), DIFFICULTIES.index(kata.difficulty), kata_id)

    for kata_id in sorted(katas, key=rank):
        visit(kata_id, ())
    return list(done.items())


def get_kata(kata_id: str) -> Kata:
    catalogue = load_catalogue()
    if kata_id in catalogue:
        return catalogue[kata_id]
    raise UnknownKata(kata_id, difflib.get_close_matches(kata_id, list(catalogue), n=3, cutoff=0.5))
