"""`dlkata validate`: the kata authors' linter. Every problem names its file and field, so adding
a kata (a folder, no engine change) is safe. `kata.yaml` is checked by the same schema as every
command reads it with (`schema.KataSpec`); this adds what needs the other files: prerequisites
that exist, the stub, tests and reference, signatures that agree, no cycles, and the kata's words
in every language (`validate_text`)."""

from __future__ import annotations

import ast
import tempfile
from pathlib import Path
from typing import Any

from dlkata.catalogue import CatalogueError, Kata, clash, load_kata
from dlkata.i18n import _, ngettext
from dlkata.problems import Problem, shown
from dlkata.resources import kata_roots
from dlkata.results import Status
from dlkata.validate_text import check_words


def _signatures(path: Path) -> dict[str, list[Any]]:
    """Top-level functions' parameters (name, kind, default source), read without running it."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            a = node.args
            positional = a.posonlyargs + a.args
            defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
            params = [
                (p.arg, "positional", ast.unparse(d) if d else None)
                for p, d in zip(positional, defaults)
            ]
            params += [
                (p.arg, "keyword", ast.unparse(d) if d else None)
                for p, d in zip(a.kwonlyargs, a.kw_defaults)
            ]
            found[node.name] = params
    return found


def validate_folder(folder: Path, known_ids: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    yaml_path = folder / "kata.yaml"

    def add(path: Path, field: str, message: str) -> None:
        problems.append(Problem(shown(path), field, message))

    if not yaml_path.is_file():
        add(yaml_path, "", _("missing"))
        return problems
    try:
        kata = load_kata(folder)
    except CatalogueError as exc:
        return list(exc.problems)
    for prerequisite in kata.prerequisites:
        if prerequisite not in known_ids:
            add(
                yaml_path,
                "prerequisites",
                _("'{value}' is not a kata").format(value=prerequisite),
            )
    for path, field in (
        (kata.stub_path, "stub"),
        (kata.tests_path, "tests"),
        (kata.reference_path, "reference"),
    ):
        if not path.is_file():
            add(path, field, _("missing"))
    check_words(kata, add)
    for path in _authored_files(kata):
        lines = _todo_lines(path)
        if lines:
            where = ngettext("line {lines}", "lines {lines}", len(lines)).format(
                lines=", ".join(map(str, lines))
            )
            add(path, where, _("TODO left by `dlkata kata new`: write your own"))
    signatures = {}
    for path, field in (
        (kata.stub_path, "stub"),
        (kata.reference_path, "reference"),
        (kata.tests_path, "tests"),
    ):
        if path.is_file():
            try:
                signatures[field] = _signatures(path)
            except SyntaxError as exc:
                add(
                    path,
                    field,
                    _("syntax error on line {line}: {problem}").format(
                        line=exc.lineno, problem=exc.msg
                    ),
                )
    for name in kata.function_names:
        if "stub" in signatures and name not in signatures["stub"]:
            add(yaml_path, "functions", _("'{name}' is not defined in the stub").format(name=name))
        if "reference" in signatures and name not in signatures["reference"]:
            add(
                yaml_path,
                "functions",
                _("'{name}' is not defined in the reference").format(name=name),
            )
        stub, ref = signatures.get("stub", {}).get(name), signatures.get("reference", {}).get(name)
        if stub is not None and ref is not None and stub != ref:
            add(kata.reference_path, name, _("signature differs from the stub's"))
    return problems


TODO = "TODO"


def _authored_files(kata: Kata) -> list[Path]:
    """Every file an author writes for a kata (`dlkata kata new` marks what to write with TODO)."""
    text = sorted((kata.folder / "text").glob("*.*")) if (kata.folder / "text").is_dir() else []
    found = [kata.folder / "kata.yaml", kata.stub_path, kata.tests_path, *text]
    return [p for p in (*found, kata.reference_path) if p.is_file()]


def _todo_lines(path: Path) -> list[int]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):  # reported where the file is read
        return []
    return [number for number, line in enumerate(lines, 1) if TODO in line]


def authored_roots() -> tuple[Path, ...]:
    """The folders `validate` checks: a course's own katas when there is a course (dlkata's are
    proved by dlkata's tests), else dlkata's."""
    roots = kata_roots()
    return roots[1:] if len(roots) > 1 else roots


def error_rules_numpy_rejects_alone(root: Path | None = None) -> list[Problem]:
    """Grade each reference with every `raise ValueError` taken out: an error-rule test that still
    passes has only cases that NumPy rejects by itself, so it proves nothing about the learner's
    own checks (a solution without any would pass it)."""
    from dlkata.grading import GradeRequest, grade
    from dlkata.proof import without_checks

    roots = (root,) if root else authored_roots()
    problems = []
    with tempfile.TemporaryDirectory(prefix="dlkata-validate-") as scratch:
        requests = []
        for yaml_path in sorted(y for base in roots for y in base.glob("*/kata.yaml")):
            kata = load_kata(yaml_path.parent)
            kata_id = kata.id
            source = kata.reference_path.read_text(encoding="utf-8")
            folder = Path(scratch) / kata_id
            folder.mkdir()
            stripped = folder / f"{kata_id}.py"
            stripped.write_text(without_checks(source), encoding="utf-8")
            requests.append(GradeRequest(kata, stripped))
        for kata, result in zip((r.kata for r in requests), grade(requests)):
            for test in result.tests:
                if test.status is Status.PASSED and test.facts.get("error_rule_checks"):
                    problems.append(  # one per test function: parametrised cases share a name
                        Problem(
                            shown(kata.tests_path),
                            test.name,
                            _(
                                "NumPy rejects every case of this error-rule test by itself (it "
                                "passes with the reference's ValueError checks removed): add a "
                                "case NumPy would accept, such as a shape that broadcasts"
                            ),
                        )
                    )
    return list(dict.fromkeys(problems))


def validate_all(root: Path | None = None) -> tuple[int, list[Problem]]:
    """Check every kata folder (of `root`, else `authored_roots()`); returns how many folders
    were checked and every problem found, an id that two folders share among them."""
    roots = (root,) if root else authored_roots()
    folders = [folder for base in roots for folder in _kata_folders(base)]
    known: dict[str, Path] = {}
    problems = []
    for base in (root,) if root else kata_roots():
        for folder in _kata_folders(base):
            if folder.name in known:
                problems.append(clash(folder, known[folder.name]))
            known.setdefault(folder.name, folder)
    problems += [problem for folder in folders for problem in validate_folder(folder, set(known))]
    for base in roots:
        problems += _cycles(base, {f.name for f in _kata_folders(base)})
    return len(folders), problems


def _kata_folders(base: Path) -> list[Path]:
    if not base.is_dir():
        return []
    return sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def _cycles(base: Path, known: set[str]) -> list[Problem]:
    graph = {}
    for kata_id in known:
        try:
            kata = load_kata(base / kata_id)
        except CatalogueError:  # reported with the folder's other problems
            continue
        graph[kata_id] = [p for p in kata.prerequisites if p in known]
    problems = []

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, []):
            if nxt == target or (nxt not in seen and reaches(nxt, target, seen | {nxt})):
                return True
        return False

    for kata_id in sorted(graph):
        if reaches(kata_id, kata_id, {kata_id}):
            problems.append(
                Problem(shown(base / kata_id / "kata.yaml"), "prerequisites", _("forms a cycle"))
            )
    return problems
