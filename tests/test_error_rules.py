"""Error rules that bite, proved for every kata: the reference with one `raise ValueError` taken
out (the others kept) must fail its own hidden suite through the real `dlkata check`, on a case
that NumPy alone would have accepted."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlkata.catalogue import load_catalogue
from dlkata.proof import value_error_sites, without_checks
from tests.grading_support import failures, grade_many, summary
from tests.support import REFERENCE_DIR

SITES = [
    (kata_id, line)
    for kata_id in sorted(load_catalogue())
    for line in value_error_sites((REFERENCE_DIR / f"{kata_id}.py").read_text(encoding="utf-8"))
]


def rounds() -> list[list[tuple[str, int]]]:
    """Round `i` takes out each kata's `i`-th check: one real `dlkata check` grades a round."""
    by_kata: dict[str, list[int]] = {}
    for kata_id, line in SITES:
        by_kata.setdefault(kata_id, []).append(line)
    count = max(len(lines) for lines in by_kata.values())
    return [[(k, lines[i]) for k, lines in by_kata.items() if i < len(lines)] for i in range(count)]


ROUNDS = rounds()


@pytest.mark.parametrize("sites", ROUNDS, ids=[f"round{i + 1}" for i in range(len(ROUNDS))])
def test_each_error_check_is_needed(tmp_path: Path, sites: list[tuple[str, int]]) -> None:
    files = {}
    for kata_id, line in sites:
        source = (REFERENCE_DIR / f"{kata_id}.py").read_text(encoding="utf-8")
        files[kata_id] = tmp_path / f"{kata_id}.py"
        files[kata_id].write_text(without_checks(source, line), encoding="utf-8")
    _, graded = grade_many(files)
    problems = []
    for kata_id, line in sites:
        kata = graded[kata_id]
        checked = (REFERENCE_DIR / f"{kata_id}.py").read_text(encoding="utf-8").splitlines()
        where = f"reference/{kata_id}.py:{line} `{checked[line - 1].strip()}`"
        if kata["status"] != "failed":
            problems.append(
                f"{where} can be removed and the suite still passes: no hidden test needs it "
                f"({kata['status']})\n{summary(kata)}"
            )
        elif not {t["kind"] for t in failures(kata)} & {"error_rule"}:
            problems.append(f"{where}: no error-rule test failed\n{summary(kata)}")
    assert not problems, "\n\n".join(problems)


def test_stripping_removes_only_value_errors() -> None:
    source = (
        "def f(x):\n"
        "    if x < 0:\n"
        "        raise ValueError('negative')\n"
        "    if x > 9:\n"
        "        raise TypeError('big')\n"
        "    return x\n"
    )
    assert value_error_sites(source) == [3]
    namespace: dict = {}
    exec(without_checks(source), namespace)
    assert namespace["f"](-1) == -1
    with pytest.raises(TypeError):
        namespace["f"](10)
