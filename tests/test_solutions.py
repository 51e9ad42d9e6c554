"""Rule 8 of the contract, proved: every correct solution passes and every wrong one fails, with a
report that names the function at fault. Each file is graded through the real `dlkata check`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dlkata.catalogue import load_catalogue
from tests.grading_support import failures, grade_file, summary
from tests.support import HAN, SOLUTIONS_DIR, english_sentences

FIRST_LINE = re.compile(r"# (correct|wrong\((?P<functions>[\w ,]+)\)): (?P<what>.+)")
SOLUTIONS = sorted(p for p in SOLUTIONS_DIR.glob("*/*.py") if not p.name.startswith("_"))
# what the learner's code raised, as Python words it (`IndexError: tuple index out of range`)
LEARNERS_EXCEPTION = re.compile(r"\b\w+(?:Error|Exception|Warning): [^；。\n]*")


def expectation(path: Path) -> tuple[bool, list[str], str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = FIRST_LINE.fullmatch(first.strip())
    assert match, f"{path}: first line must be '# correct: ...' or '# wrong(fn): ...'"
    functions = [f.strip() for f in (match.group("functions") or "").split(",") if f.strip()]
    return match.group(1) == "correct", functions, match.group("what")


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_solution_gets_the_right_verdict(path: Path) -> None:
    """A correct file passes; a wrong one fails, naming the function at fault. Wrong files are
    graded in Chinese, whose report must then be Chinese throughout: the hidden tests' notes
    filled with their values and the engine's messages (the learner's own exception aside)."""
    correct, functions, what = expectation(path)
    assert path.stem.startswith("correct_" if correct else "wrong_"), path
    if correct:
        code, kata = grade_file(path.parent.name, path)
        assert (code, kata["status"]) == (0, "passed"), f"{what}\n{summary(kata)}"
        return
    code, kata = grade_file(path.parent.name, path, "--lang", "zh")
    assert code == 1 and kata["status"] in ("failed", "error"), f"{what} passed"
    named = {t["function"] for t in failures(kata)}
    assert named & set(functions), (
        f"{what}: the report should name {functions}, it names {named}\n{summary(kata)}"
    )
    for test in failures(kata):
        text = "\n".join([test["description"], test.get("message") or "", test.get("hint") or ""])
        text = LEARNERS_EXCEPTION.sub("", text)
        assert HAN.search(text) and not english_sentences(text), f"{test['name']}: {text}"


def test_every_kata_has_its_solution_suite() -> None:
    """At least two correct alternatives and five wrong solutions for every kata."""
    thin = {}
    for kata_id in load_catalogue():
        folder = SOLUTIONS_DIR / kata_id
        correct = len(list(folder.glob("correct_*.py")))
        wrong = len(list(folder.glob("wrong_*.py")))
        if correct < 2 or wrong < 5:
            thin[kata_id] = (correct, wrong)
    assert not thin, f"(correct, wrong) counts too small: {thin}"
