"""Rule 8 of the contract, proved: every correct solution passes and every wrong one fails, with a
report that names the function at fault. Every file is graded through the real `dlkata check`,
one file per kata at a time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dlkata.catalogue import load_catalogue
from tests.grading_support import failures, grade_many, summary
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


def rounds() -> list[dict[str, Path]]:
    """Every solution file in a few rounds of one file per kata: round `i` holds each kata's
    `i`-th file, all graded by one real `dlkata check` (judges start once per round, not once
    per file)."""
    by_kata: dict[str, list[Path]] = {}
    for path in SOLUTIONS:
        by_kata.setdefault(path.parent.name, []).append(path)
    count = max(len(files) for files in by_kata.values())
    return [{k: files[i] for k, files in by_kata.items() if i < len(files)} for i in range(count)]


ROUNDS = rounds()


@pytest.mark.parametrize("files", ROUNDS, ids=[f"round{i + 1}" for i in range(len(ROUNDS))])
def test_every_solution_gets_the_right_verdict(files: dict[str, Path]) -> None:
    """A correct file passes; a wrong one fails, naming the function at fault. Reports are in
    Chinese, and a wrong file's report must be Chinese throughout: the hidden tests' notes
    filled with their values and the engine's messages (the learner's own exception aside)."""
    code, graded = grade_many(files, "--lang", "zh")
    problems = []
    for kata_id, path in files.items():
        correct, functions, what = expectation(path)
        name = f"{kata_id}/{path.name}"
        if not path.stem.startswith("correct_" if correct else "wrong_"):
            problems.append(f"{name}: its name and its first line disagree")
        kata = graded[kata_id]
        if correct:
            if kata["status"] != "passed":
                problems.append(f"{name} ({what}) is {kata['status']}:\n{summary(kata)}")
            continue
        if kata["status"] not in ("failed", "error"):
            problems.append(f"{name} ({what}) passed")
            continue
        named = {t["function"] for t in failures(kata)}
        if not named & set(functions):
            problems.append(f"{name} ({what}): names {named}, not {functions}\n{summary(kata)}")
        for test in failures(kata):
            text = "\n".join(
                [test["description"], test.get("message") or "", test.get("hint") or ""]
            )
            text = LEARNERS_EXCEPTION.sub("", text)
            if not HAN.search(text) or english_sentences(text):
                problems.append(f"{name}: {test['name']} is not told in Chinese:\n{text}")
    wrong_in_round = any(not expectation(path)[0] for path in files.values())
    assert code == (1 if wrong_in_round else 0) or problems, f"exit code {code}"
    assert not problems, "\n\n".join(problems)


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
