"""`dlkata kata prove`: an author's proof that a kata's hidden tests tell right from wrong.

For each kata, graded by the real judge: the reference passes; every `correct_*.py` of the kata's
solutions folder passes; every `wrong_*.py` (first line `# wrong(<function>): <the mistake>`)
fails and its failures name that function; the untouched stub is not started; the reference
without any one of its `raise ValueError` fails an error-rule test (each rule is needed); and a
reference whose backward passes share the latest cache fails (the suite proves caches
independent). One file per kata per round, since a judge grades a kata once.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dlkata.catalogue import Kata
from dlkata.i18n import _
from dlkata.results import KataResult, Status, TestResult

FIRST_LINE = re.compile(r"#\s*(correct|wrong\((?P<functions>[\w ,]+)\))\s*:\s*(?P<what>.+)")


@dataclass(frozen=True)
class ProofRow:
    """One check of one kata: `proved` is whether it held; `detail` says what was seen."""

    kata: str
    check: str
    proved: bool
    detail: str


@dataclass(frozen=True)
class _Trial:
    """A file to grade and how to judge its verdict."""

    kata: Kata
    check: str
    path: Path
    judge: Callable[[KataResult], tuple[bool, str]]


def solutions_folder(kata: Kata) -> Path:
    """`tests/solutions/<id>/` beside the kata's folder of katas (a course's, or dlkata's)."""
    return kata.folder.parent.parent / "tests" / "solutions" / kata.id


def prove(katas: list[Kata]) -> list[ProofRow]:
    """Every check of every kata, in order: kata, then reference, solutions, stub, error rules
    and caches."""
    from dlkata.grading import GradeRequest, grade

    rows: list[ProofRow] = []
    with tempfile.TemporaryDirectory(prefix="dlkata-prove-") as scratch:
        trials = {kata.id: _trials(kata, Path(scratch), rows) for kata in katas}
        verdicts: dict[tuple[str, int], tuple[bool, str]] = {}
        for index in range(max((len(t) for t in trials.values()), default=0)):
            chosen = [t[index] for t in trials.values() if index < len(t)]
            results = grade([GradeRequest(t.kata, t.path) for t in chosen])
            for trial, result in zip(chosen, results):
                verdicts[(trial.kata.id, index)] = trial.judge(result)
    for kata in katas:
        for index, trial in enumerate(trials[kata.id]):
            rows.append(ProofRow(kata.id, trial.check, *verdicts[(kata.id, index)]))
    order = {kata.id: n for n, kata in enumerate(katas)}
    return sorted(rows, key=lambda row: order[row.kata])  # stable: each kata's own order kept


def _trials(kata: Kata, scratch: Path, rows: list[ProofRow]) -> list[_Trial]:
    """The files to grade for one kata; a check that needs no grading goes into `rows`."""
    from dlkata.proof import value_error_sites, with_shared_cache, without_checks

    folder = scratch / kata.id
    folder.mkdir()
    trials = [_Trial(kata, _("reference"), kata.reference_path, _passes)]
    solutions = solutions_folder(kata)
    files = sorted(solutions.glob("*.py")) if solutions.is_dir() else []
    for path in files:
        if path.name.startswith("correct_"):
            trials.append(_Trial(kata, path.name, _one_file(path, folder), _passes))
            continue
        if not path.name.startswith("wrong_"):
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        match = FIRST_LINE.fullmatch(lines[0].strip()) if lines else None
        if match is None or match.group("functions") is None:
            rows.append(
                ProofRow(
                    kata.id,
                    path.name,
                    False,
                    _("its first line must be `# wrong(<function>): <the mistake>`"),
                )
            )
            continue
        named = [f.strip() for f in match.group("functions").split(",") if f.strip()]
        trials.append(_Trial(kata, path.name, _one_file(path, folder), _names(named)))
    if not files:
        rows.append(
            ProofRow(
                kata.id,
                _("solutions"),
                False,
                _("{folder} has no correct_*.py or wrong_*.py").format(folder=solutions),
            )
        )
    trials.append(_Trial(kata, _("stub"), kata.stub_path, _not_started))
    source = kata.reference_path.read_text(encoding="utf-8")
    for line in value_error_sites(source):
        stripped = folder / f"{kata.id}_line{line}.py"
        stripped.write_text(without_checks(source, line), encoding="utf-8")
        check = _("error rule, line {line}").format(line=line)
        trials.append(_Trial(kata, check, stripped, _error_rule_bites(line)))
    forwards = [f.name for f in kata.functions if f.returns_cache]
    if forwards:
        others = [f.name for f in kata.functions if not f.returns_cache]
        shared = folder / f"{kata.id}_shared_cache.py"
        shared.write_text(with_shared_cache(source, forwards, others), encoding="utf-8")
        trials.append(_Trial(kata, _("independent caches"), shared, _caches_independent))
    return trials


def _one_file(path: Path, scratch: Path) -> Path:
    """The solution as one file: the grader reads only that, so a sibling it imports from
    (`from correct_loops import f`) is embedded."""
    from dlkata.bundle import bundle

    return bundle(path, scratch / "solutions")


def _failures(result: KataResult) -> list[TestResult]:
    return [t for t in result.tests if t.status is not Status.PASSED]


def _seen(result: KataResult) -> str:
    """What the judge said, in a few words: the status, and the first failure or error."""
    failures = _failures(result)
    if result.error:
        what = str(result.error.get("message", ""))
    elif failures:
        what = f"{failures[0].name}: {failures[0].message}"
    else:
        return result.status.value
    return f"{result.status.value}: {what.splitlines()[0] if what else ''}"


def _passes(result: KataResult) -> tuple[bool, str]:
    return result.status is Status.PASSED, _seen(result)


def _not_started(result: KataResult) -> tuple[bool, str]:
    if result.status is Status.NOT_STARTED:
        return True, result.status.value
    return False, _seen(result)


def _names(functions: list[str]) -> Callable[[KataResult], tuple[bool, str]]:
    def judge(result: KataResult) -> tuple[bool, str]:
        if result.status is Status.PASSED:
            return False, _("passed: no hidden test catches this mistake")
        named = sorted({t.function for t in _failures(result) if t.function})
        if not set(named) & set(functions):
            return False, _("failed, but names {named}, not {wanted}").format(
                named=", ".join(named) or "-", wanted=", ".join(functions)
            )
        return True, _("failed, naming {named}").format(named=", ".join(named))

    return judge


def _error_rule_bites(line: int) -> Callable[[KataResult], tuple[bool, str]]:
    def judge(result: KataResult) -> tuple[bool, str]:
        if result.status is Status.PASSED:
            return False, _(
                "the suite passes without this check: no hidden test needs it (add a case "
                "that NumPy would accept)"
            )
        caught = [t.name for t in _failures(result) if t.kind == "error_rule"]
        if not caught:
            return False, _("fails, but no error-rule test does: {seen}").format(seen=_seen(result))
        return True, _("without it, {test} fails").format(test=caught[0])

    return judge


def _caches_independent(result: KataResult) -> tuple[bool, str]:
    if result.status is Status.PASSED:
        return False, _(
            "backward passes given the latest forward pass's cache still pass: run two "
            "forward passes, then their backward passes in reverse order"
        )
    caught = _failures(result)
    return True, _("a shared cache fails {test}").format(
        test=caught[0].name if caught else _seen(result)
    )
