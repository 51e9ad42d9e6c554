"""Salted inputs: class grading draws every hidden test's random inputs from the course's salt.

Answers memorised from local runs fail, the same salt gives the same verdicts, and no salt
changes nothing. A salt reaches the judge through the library's `grade(..., salt=...)`, which
`dlkata grade --salt` calls; `dlkata check` (a learner's local run) never salts.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from dlkata.bundle import bundle
from dlkata.catalogue import load_catalogue
from dlkata.grading import GradeRequest, grade
from dlkata.judge.salt import salted_inputs
from dlkata.results import KataResult
from tests.grading_support import grade_file, summary
from tests.memorising import memorising_solution
from tests.support import ROOT, SOLUTIONS_DIR

KATAS = load_catalogue()
SALTS = ["course-2026-spring", "another course", "盐"]


def grade_salted(files: dict[str, Path], salt: str | None) -> dict[str, KataResult]:
    """Each kata's result for one file per kata, graded together under `salt`."""
    with tempfile.TemporaryDirectory(prefix="dlkata-salted-") as folder:
        requests = [
            GradeRequest(KATAS[kata_id], bundle(path, Path(folder) / kata_id))
            for kata_id, path in files.items()
        ]
        return {r.id: r for r in grade(requests, salt=salt)}


def verdicts(results: dict[str, KataResult]) -> str:
    """The results as JSON, without the times they took (the only thing a run may change)."""
    data = [r.to_dict() | {"duration": None, "file": Path(r.file).name} for r in results.values()]
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def messages(result: KataResult) -> dict[str, Any]:
    return {t.name: t.message for t in result.failures}


def test_a_salt_changes_every_seeded_generator_and_no_salt_changes_none() -> None:
    plain = np.random.default_rng(7).standard_normal(3)
    with salted_inputs(None):
        assert np.array_equal(np.random.default_rng(7).standard_normal(3), plain)
    with salted_inputs("a"):
        salted = np.random.default_rng(7).standard_normal(3)
        assert np.array_equal(np.random.default_rng(7).standard_normal(3), salted)
        assert not np.array_equal(np.random.default_rng(8).standard_normal(3), salted)
        listed = np.random.default_rng([7, 1]).standard_normal(3)
        with pytest.raises(ValueError):  # a seed numpy refuses is still refused
            np.random.default_rng(-1)
    with salted_inputs("b"):
        assert not np.array_equal(np.random.default_rng(7).standard_normal(3), salted)
    with salted_inputs("b"):
        assert not np.array_equal(np.random.default_rng([7, 1]).standard_normal(3), listed)
    # restored after the block; an int array or list seed is salted as its ints are
    assert np.array_equal(np.random.default_rng(7).standard_normal(3), plain)
    assert not np.array_equal(np.random.default_rng([7, 1]).standard_normal(3), listed)
    with salted_inputs("a"):
        assert np.array_equal(np.random.default_rng(np.array([7, 1])).standard_normal(3), listed)


@pytest.mark.parametrize("salt", SALTS)
def test_every_reference_passes_under_a_salt(salt: str) -> None:
    """The false-alarm guard: no hidden test depends on its fixed seeds' inputs."""
    graded = grade_salted({k.id: k.reference_path for k in KATAS.values()}, salt)
    failed = [summary(r.to_dict()) for r in graded.values() if r.status.value != "passed"]
    assert not failed, "\n".join(failed)


def _correct_rounds() -> list[dict[str, Path]]:
    """Every correct solution file, in rounds of one file per kata."""
    by_kata: dict[str, list[Path]] = {}
    for path in sorted(SOLUTIONS_DIR.glob("*/correct_*.py")):
        by_kata.setdefault(path.parent.name, []).append(path)
    count = max(len(files) for files in by_kata.values())
    return [{k: files[i] for k, files in by_kata.items() if i < len(files)} for i in range(count)]


def test_every_correct_solution_passes_under_a_salt() -> None:
    """Correct alternatives (other summation orders, other tie rules the contract allows) pass
    whatever the inputs."""
    failed = []
    for files in _correct_rounds():
        graded = grade_salted(files, SALTS[0])
        failed += [
            f"{kata_id}/{path.name}:\n{summary(graded[kata_id].to_dict())}"
            for kata_id, path in files.items()
            if graded[kata_id].status.value != "passed"
        ]
    assert not failed, "\n\n".join(failed)


def test_answers_memorised_from_a_local_run_pass_locally_and_fail_salted(
    tmp_path: Path,
) -> None:
    cheat = memorising_solution(tmp_path)
    code, local = grade_file("linear", cheat)
    assert (code, local["status"]) == (0, "passed"), summary(local)
    salted = grade_salted({"linear": cheat}, SALTS[0])["linear"]
    assert salted.status.value == "failed"
    assert {"test_forward[4-3-5]", "test_backward[4-3-5]"} <= set(messages(salted))
    assert {t.function for t in salted.failures} == {"linear_forward", "linear_backward"}
    # the tests whose inputs are written out (not drawn) are the same under a salt: they pass
    assert "test_forward_integer_valued" not in messages(salted)
    # and an unsalted grading through the library is the local run: it passes
    assert grade_salted({"linear": cheat}, None)["linear"].status.value == "passed"


def test_the_same_salt_gives_the_same_verdicts_and_another_salt_other_inputs() -> None:
    """Wrong solutions whose failures carry drawn values: the max error and where it is, and
    dropout's masks (drawn from `rng`, which the learner's function receives salted)."""
    files = {
        "linear": SOLUTIONS_DIR / "linear" / "wrong_w_not_transposed.py",
        "dropout": SOLUTIONS_DIR / "dropout" / "wrong_no_rescale.py",
        "softmax_cross_entropy": SOLUTIONS_DIR
        / "softmax_cross_entropy"
        / "wrong_dlogits_not_divided.py",
    }
    first, again = grade_salted(files, SALTS[0]), grade_salted(files, SALTS[0])
    assert verdicts(first) == verdicts(again)
    other, plain = grade_salted(files, SALTS[1]), grade_salted(files, None)
    for kata_id in files:
        assert first[kata_id].status.value == "failed", kata_id
        assert messages(first[kata_id]) != messages(other[kata_id]), kata_id
        assert messages(first[kata_id]) != messages(plain[kata_id]), kata_id


# what a salt does not reach: generators made any other way than `default_rng(seed)`
UNSALTED = re.compile(
    r"\b(RandomState|PCG64|PCG64DXSM|MT19937|Philox|SFC64|SeedSequence|Generator)\("
    r"|np\.random\.seed|^\s*(import random|from random import)",
    re.MULTILINE,
)


def test_hidden_tests_and_judge_helpers_make_generators_only_the_salted_way() -> None:
    files = [*ROOT.glob("katas/*/test_*.py"), *(ROOT / "dlkata" / "judge").glob("*.py")]
    found = [
        f"{p.relative_to(ROOT)}: {m.group(0)}"
        for p in files
        for m in [UNSALTED.search(p.read_text())]
        if m
    ]
    assert not found, "\n".join(found)
