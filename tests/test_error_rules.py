"""Error rules that bite, proved for every kata: the reference with one `raise ValueError` taken
out (the others kept) must fail its own hidden suite through the real `dlkata check`, on a case
that NumPy alone would have accepted."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlkata.catalogue import load_catalogue
from dlkata.proof import value_error_sites, without_checks
from tests.grading_support import failures, grade_file, summary
from tests.support import REFERENCE_DIR

SITES = [
    (kata_id, line)
    for kata_id in sorted(load_catalogue())
    for line in value_error_sites((REFERENCE_DIR / f"{kata_id}.py").read_text(encoding="utf-8"))
]


@pytest.mark.parametrize(("kata_id", "line"), SITES, ids=[f"{k}:{n}" for k, n in SITES])
def test_each_error_check_is_needed(tmp_path: Path, kata_id: str, line: int) -> None:
    source = (REFERENCE_DIR / f"{kata_id}.py").read_text(encoding="utf-8")
    lines = source.splitlines()
    stripped = tmp_path / f"{kata_id}.py"
    stripped.write_text(without_checks(source, line), encoding="utf-8")
    _, kata = grade_file(kata_id, stripped)
    assert kata["status"] == "failed", (
        f"reference/{kata_id}.py:{line} `{lines[line - 1].strip()}` can be removed and the "
        f"suite still passes: no hidden test needs it ({kata['status']})\n{summary(kata)}"
    )
    assert {t["kind"] for t in failures(kata)} & {"error_rule"}, summary(kata)


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
