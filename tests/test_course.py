"""A course's own katas, through the real command: found beside dlkata's (or instead of them),
an id two folders share refused, `dlkata kata new` scaffolding a kata that `dlkata kata prove`
proves as generated, and `kata prove` reporting each check that misses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli_support import invoke, isolate
from tests.support import REFERENCE_DIR, ROOT

WIDE = {"COLUMNS": "250"}  # no row of a proof's table wraps


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


def new_course(tmp_path: Path, kata: str = "scaled_sum") -> Path:
    """A course folder with one kata, as `dlkata kata new` writes it."""
    course = tmp_path / "course"
    course.mkdir()
    made = invoke("--course", str(course), "kata", "new", kata)
    assert made.exit_code == 0, made.output
    return course


def solution(course: Path, name: str, kata: str = "scaled_sum") -> Path:
    return course / "tests" / "solutions" / kata / name


def graded(*args: str) -> tuple[int, dict]:
    result = invoke(*args, "--format", "json")
    (kata,) = json.loads(result.stdout)["katas"]
    return result.exit_code, kata


def test_kata_new_writes_every_file_of_a_kata(tmp_path: Path) -> None:
    course = new_course(tmp_path)
    folder = course / "katas" / "scaled_sum"
    written = {str(p.relative_to(course)) for p in course.rglob("*") if p.is_file()}
    assert written == {
        "katas/scaled_sum/kata.yaml",
        "katas/scaled_sum/stub.py",
        "katas/scaled_sum/test_scaled_sum.py",
        "katas/scaled_sum/text/en.yaml",
        "katas/scaled_sum/text/zh.yaml",
        "katas/scaled_sum/text/en.md",
        "katas/scaled_sum/text/zh.md",
        "reference/scaled_sum.py",
        "tests/solutions/scaled_sum/correct_loops.py",
        "tests/solutions/scaled_sum/wrong_columns.py",
    }
    assert (
        "from dlkata.judge import check_call, expect_value_error, note"
        in (folder / "test_scaled_sum.py").read_text()
    )
    again = invoke("--course", str(course), "kata", "new", "scaled_sum")
    assert again.exit_code == 2 and "'scaled_sum' is already a kata" in again.stderr
    taken = invoke("--course", str(course), "kata", "new", "linear")
    assert taken.exit_code == 2 and "'linear' is already a kata" in taken.stderr
    bad = invoke("--course", str(course), "kata", "new", "Scaled-Sum")
    assert bad.exit_code == 2 and "is not a kata id" in bad.stderr


def test_kata_new_needs_a_course(tmp_path: Path) -> None:
    result = invoke("kata", "new", "scaled_sum")
    assert result.exit_code == 2 and "No course to add the kata to" in result.stderr
    assert not (tmp_path / "katas").exists()


def test_a_course_kata_is_seen_beside_the_built_in_ones(tmp_path: Path) -> None:
    """list, new, check, explain and hint see the course's kata; the judge finds its hidden
    tests and reference outside dlkata; the built-in katas are still there."""
    course = new_course(tmp_path)
    listed = invoke("--course", str(course), "list", "--format", "json")
    ids = [k["id"] for k in json.loads(listed.stdout)["katas"]]
    assert "scaled_sum" in ids and "linear" in ids
    assert "scaled_sum" not in json.loads(invoke("list", "--format", "json").stdout)["katas"]
    code, passed = graded(
        "--course",
        str(course),
        "check",
        "scaled_sum",
        "--file",
        str(solution(course, "correct_loops.py")),
    )
    assert (code, passed["status"]) == (0, "passed")
    code, failed = graded(
        "--course",
        str(course),
        "check",
        "scaled_sum",
        "--file",
        str(solution(course, "wrong_columns.py")),
    )
    assert (code, failed["status"]) == (1, "failed")
    assert {t["function"] for t in failed["tests"] if t["status"] == "failed"} == {"scaled_sum"}
    explained = invoke("--course", str(course), "explain", "scaled_sum")
    assert explained.exit_code == 0 and "What and why" in explained.stdout
    started = invoke("--course", str(course), "new", "scaled_sum", "--dir", "workspace")
    assert started.exit_code == 0, started.output
    stub = (course / "katas" / "scaled_sum" / "stub.py").read_text()
    assert (tmp_path / "workspace" / "scaled_sum.py").read_text() == stub
    hinted = invoke("--course", str(course), "hint", "scaled_sum", "--dir", "workspace")
    assert hinted.exit_code == 0 and "Hint 1/3" in hinted.stdout


def test_a_course_is_found_from_its_dlkata_yaml_and_may_leave_out_the_built_in_katas(
    tmp_path: Path,
) -> None:
    course = new_course(tmp_path)
    (tmp_path / "dlkata.yaml").write_text("workspace: solutions\nkatas: course/katas\n")
    beside = [k["id"] for k in json.loads(invoke("list", "--format", "json").stdout)["katas"]]
    assert "scaled_sum" in beside and "linear" in beside
    (tmp_path / "dlkata.yaml").write_text(
        "workspace: solutions\nkatas: course/katas\nbuiltin: false\n"
    )
    alone = json.loads(invoke("list", "--format", "json").stdout)["katas"]
    assert [k["id"] for k in alone] == ["scaled_sum"]
    code, kata = graded("check", "scaled_sum", "--file", str(solution(course, "correct_loops.py")))
    assert (code, kata["status"]) == (0, "passed")
    started = invoke("next")
    assert started.exit_code == 0 and (tmp_path / "solutions" / "scaled_sum.py").is_file()
    status = json.loads(invoke("status", "--format", "json").stdout)
    assert ([k["id"] for k in status["katas"]], status["next"]) == (["scaled_sum"], "scaled_sum")
    (tmp_path / "dlkata.yaml").write_text("katas: course/katas\nbuiltin: 'no'\n")
    broken = invoke("list")
    assert broken.exit_code == 2 and "dlkata.yaml: builtin: must be true or false" in broken.stderr


def test_an_id_two_folders_share_is_an_error_naming_both(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(ROOT / "katas" / "relu", course / "katas" / "relu")
    shutil.copy(REFERENCE_DIR / "relu.py", (course / "reference").mkdir() or course / "reference")
    for command in (["list"], ["check", "linear"], ["validate", "--quick"]):
        result = invoke("--course", str(course), *command)
        said = " ".join(result.output.split())
        assert result.exit_code in (1, 2) and "'relu' is also the id of" in said, result.output
        assert "course/katas/relu/kata.yaml" in said and str(ROOT / "katas" / "relu") in said
    assert invoke("--course", str(course), "list").exit_code == 2


def test_kata_new_then_kata_prove_passes_as_generated(tmp_path: Path) -> None:
    course = new_course(tmp_path)
    proved = invoke("--course", str(course), "kata", "prove", "scaled_sum", env=WIDE)
    assert proved.exit_code == 0, proved.output
    rows = [" ".join(line.split()) for line in proved.stdout.splitlines()]
    for row in (
        "scaled_sum reference proved passed",
        "scaled_sum correct_loops.py proved passed",
        "scaled_sum wrong_columns.py proved failed, naming scaled_sum",
        "scaled_sum stub proved not_started",
        "scaled_sum error rule, line 22 proved without it, test_error_not_2d fails",
    ):
        assert row in rows, proved.stdout
    assert "All 5 checks proved (1 kata)." in proved.stdout


def test_kata_prove_reports_a_wrong_solution_that_survives_or_names_another_function(
    tmp_path: Path,
) -> None:
    """A 'wrong' solution that passes, one that fails but names another function, and an error
    rule no test needs: each is a missed check, and the exit code says so. Without an id,
    every kata of the course is proved."""
    course = new_course(tmp_path)
    correct = solution(course, "correct_loops.py").read_text().splitlines()[1:]
    survivor = ["# wrong(scaled_sum): meant to sum columns, but sums rows", *correct]
    solution(course, "wrong_survives.py").write_text("\n".join(survivor) + "\n")
    columns = solution(course, "wrong_columns.py").read_text().splitlines()[1:]
    elsewhere = ["# wrong(scaled_mean): sums columns", *columns]
    solution(course, "wrong_names_another.py").write_text("\n".join(elsewhere) + "\n")
    reference = course / "reference" / "scaled_sum.py"
    text = reference.read_text()
    needless = "    if scale != scale + 0:\n        raise ValueError('never')\n"
    reference.write_text(text.replace("    return scale", needless + "    return scale"))
    proved = invoke("--course", str(course), "kata", "prove", env=WIDE)
    assert proved.exit_code == 1, proved.output
    rows = [" ".join(line.split()) for line in proved.stdout.splitlines()]
    missed = [row for row in rows if " missed " in row]
    assert any(
        row.startswith("scaled_sum wrong_survives.py missed passed: no hidden test catches")
        for row in missed
    ), proved.stdout
    assert any(
        row.startswith("scaled_sum wrong_names_another.py missed failed, but names scaled_sum")
        for row in missed
    ), proved.stdout
    assert any("error rule, line 24 missed the suite passes without" in r for r in missed), (
        proved.stdout
    )
    assert "3 of 8 checks missed (1 kata)." in " ".join(proved.stdout.split())
    as_json = invoke("--course", str(course), "kata", "prove", "scaled_sum", "--format", "json")
    checks = json.loads(as_json.stdout)["checks"]
    assert as_json.exit_code == 1 and len(checks) == 8
    assert {c["check"] for c in checks if not c["proved"]} == {
        "wrong_survives.py",
        "wrong_names_another.py",
        "error rule, line 24",
    }


def test_kata_prove_shows_a_stub_that_is_not_a_stub_and_a_wrong_first_line(tmp_path: Path) -> None:
    course = new_course(tmp_path)
    stub = course / "katas" / "scaled_sum" / "stub.py"
    stub.write_text(stub.read_text().replace("raise NotImplementedError", "return x.sum(axis=1)"))
    solution(course, "wrong_unnamed.py").write_text("# a mistake\n")
    proved = invoke("--course", str(course), "kata", "prove", "scaled_sum", env=WIDE)
    rows = [" ".join(line.split()) for line in proved.stdout.splitlines()]
    assert proved.exit_code == 1
    assert any(row.startswith("scaled_sum stub missed failed:") for row in rows), proved.stdout
    assert any(
        row.startswith("scaled_sum wrong_unnamed.py missed its first line must be") for row in rows
    ), proved.stdout


def test_kata_prove_of_a_built_in_kata_proves_its_caches_independent() -> None:
    """Without a course, `kata prove ID` proves one of dlkata's own katas; relu's backward
    passes given the latest forward pass's cache fail its suite."""
    proved = invoke("kata", "prove", "relu", env=WIDE)
    rows = [" ".join(line.split()) for line in proved.stdout.splitlines()]
    assert proved.exit_code == 0, proved.stdout
    assert any(
        row.startswith("relu independent caches proved a shared cache fails") for row in rows
    )
    assert sum(" wrong_" in row for row in rows) >= 5  # siblings' imports bundled, as graded


def test_validate_reports_what_kata_new_left_to_write(tmp_path: Path) -> None:
    course = new_course(tmp_path)
    left = invoke("--course", str(course), "validate", "--quick")
    assert left.exit_code == 1
    said = " ".join(left.stdout.split())
    assert "course/katas/scaled_sum/text/en.md: lines 3, 7," in said
    assert "TODO left by `dlkata kata new`: write your own" in said
    for path in course.rglob("*.*"):
        path.write_text(path.read_text().replace("TODO", ""))
    done = invoke("--course", str(course), "validate")
    assert done.exit_code == 0, done.output
    assert "1 kata folders are valid" in done.stdout


def test_the_learner_cannot_read_a_course_s_hidden_tests_or_reference(tmp_path: Path) -> None:
    course = new_course(tmp_path)
    hidden = course / "katas" / "scaled_sum" / "test_scaled_sum.py"
    reader = tmp_path / "reader.py"
    reader.write_text(
        solution(course, "correct_loops.py").read_text()
        + f"\n\ntry:\n    STOLEN = open({str(hidden)!r}).read()\nexcept PermissionError:\n"
        "    STOLEN = ''\n"
    )
    code, kata = graded("--course", str(course), "check", "scaled_sum", "--file", str(reader))
    assert (code, kata["status"]) == (1, "failed")
    assert "katas/scaled_sum/test_scaled_sum.py" in json.dumps(kata)


def test_grade_with_a_course_grades_its_own_katas(tmp_path: Path) -> None:
    """`dlkata grade --course DIR` takes points from the course and grades its own katas too."""
    course = new_course(tmp_path)
    (course / "dlkata.yaml").write_text("points: {scaled_sum: 3}\n", encoding="utf-8")
    for student, name in (("ada", "correct_loops"), ("bob", "wrong_columns")):
        folder = tmp_path / "class" / student
        folder.mkdir(parents=True)
        shutil.copy(solution(course, f"{name}.py"), folder / "scaled_sum.py")
    gradebook = tmp_path / "gradebook.csv"
    result = invoke(
        "grade",
        str(tmp_path / "class" / "ada"),
        str(tmp_path / "class" / "bob"),
        "--course",
        str(course),
        "--kata",
        "scaled_sum",
        "--salt",
        "s",
        "--state",
        str(tmp_path / "state"),
        "--out",
        str(gradebook),
    )
    assert result.exit_code == 0, result.output
    assert gradebook.read_text(encoding="utf-8").splitlines() == [
        "student,scaled_sum,total",
        "ada,3,3",
        "bob,0,0",
    ]
