"""Grading a class (issue 17): `dlkata grade` on a synthetic class of 44 submissions of three
katas (correct, wrong, empty, hostile, missing files, a link to the reference, a submission's own
`dlkata.yaml`), checked cell by cell through the real command; resuming after an interruption;
shards merged equal to one run; and the proof that no submission is changed by a byte or an
mtime."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from dlkata.bundle import bundled_source
from dlkata.catalogue import get_kata
from dlkata.checking import resolve_limits
from dlkata.classroom import Submission, grader_digest, submission_files, submission_key
from dlkata.gradebook import salt_id
from dlkata.gradebook_schema import Gradebook
from dlkata.workspace import Workspace, read_config
from tests.cli_support import invoke, isolate
from tests.support import ROOT

SOLUTIONS = ROOT / "tests" / "solutions"
HOSTILE = ROOT / "tests" / "hostile"
KATAS = ("relu", "sigmoid", "linear")
POINTS = {"relu": 1.0, "sigmoid": 2.0, "linear": 3.0}
SALT = "course-secret"
COURSE_YAML = """\
katas_graded: [relu, sigmoid, linear]
points: {sigmoid: 2, linear: 3}
limits: {timeout: 2, kata_timeout: 20, memory_limit: 512M}
"""
CORRECT = {
    "relu": ["correct_loops.py", "correct_mask_multiply.py", "correct_cache_output.py"],
    "sigmoid": ["correct_logaddexp.py", "correct_loops.py"],
    "linear": ["correct_einsum.py", "correct_loops.py"],
}
WRONG = {
    "relu": [
        "wrong_default_slope.py",
        "wrong_grad_at_zero_is_one.py",
        "wrong_inplace.py",
        "wrong_mask_ignores_dout.py",
    ],
    "sigmoid": ["wrong_global_state.py", "wrong_memoised.py"],
    "linear": [
        "wrong_db_mean.py",
        "wrong_dw_transposed.py",
        "wrong_forward_squeezed.py",
        "wrong_w_not_transposed.py",
    ],
}
# hostile `linear` files, each with the status its header expects
HOSTILE_FILES = (
    "exit_at_import.py",
    "fake_report.py",
    "forge_result.py",
    "import_reference.py",
    "infinite_loop.py",
    "kill_parent.py",
    "memory_hog.py",
    "not_started.py",
    "os_exit.py",
    "patch_numpy.py",
    "print_flood.py",
    "read_hidden_tests.py",
    "segfault.py",
    "stack_frames.py",
    "syntax_error.py",
    "write_file.py",
)


def expected_status(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    if first.startswith("# wrong("):
        return "failed"
    match = re.match(r"# expect\((\w+)\)", first)
    return match.group(1) if match else "passed"


class Class:
    """A synthetic class in `root`: submissions, a roster, the teacher's course, and each cell's
    expected status."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.subs = root / "submissions"
        self.expected: dict[str, dict[str, str]] = {}
        self.roster: list[tuple[str, str]] = []
        self.course = root / "course"
        self.course.mkdir(parents=True)
        (self.course / "dlkata.yaml").write_text(COURSE_YAML, encoding="utf-8")

    def student(self, name: str, files: dict[str, Path | str | None], folder: str = "") -> Path:
        """A student whose kata files are solutions (Path), source (str) or missing (None);
        each file carries the student's name, so that no two submissions are identical."""
        where = self.subs / name
        (where / folder).mkdir(parents=True, exist_ok=True)
        self.expected[name] = {}
        for kata in KATAS:
            given = files.get(kata)
            if given is None:
                self.expected[name][kata] = "missing"
                continue
            if isinstance(given, Path):
                source = bundled_source(given)
                self.expected[name][kata] = expected_status(given)
            else:
                source = given
                self.expected[name][kata] = "failed"  # an empty file defines nothing
            text = f"# {name}\n{source}" if source else ""
            (where / folder / f"{kata}.py").write_text(text, encoding="utf-8")
        self.roster.append((name, f"submissions/{name}"))
        return where

    def write_roster(self) -> Path:
        lines = ["student,folder", *(f"{s},{f}" for s, f in self.roster)]
        path = self.root / "roster.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path


def correct(kata: str, i: int) -> Path:
    names = CORRECT[kata]
    return SOLUTIONS / kata / names[i % len(names)]


def build_class(root: Path) -> Class:
    c = Class(root)
    for i in range(8):
        c.student(f"correct{i:02}", {k: correct(k, i) for k in KATAS})
    n = 0
    for kata, names in WRONG.items():
        for name in names:
            files: dict[str, Path | str | None] = {k: correct(k, n) for k in KATAS}
            files[kata] = SOLUTIONS / kata / name
            c.student(f"wrong{n:02}", files)
            n += 1
    for i, kata in enumerate(KATAS):
        files = {k: correct(k, i) for k in KATAS}
        files[kata] = ""
        c.student(f"empty{i}", files)
    for i, name in enumerate(HOSTILE_FILES):
        c.student(f"hostile{i:02}", {**{k: correct(k, i) for k in KATAS}, "linear": HOSTILE / name})
    c.student("missing_relu", {"sigmoid": correct("sigmoid", 0), "linear": correct("linear", 0)})
    c.student("missing_linear", {"relu": correct("relu", 1), "sigmoid": correct("sigmoid", 1)})
    c.student("handed_nothing", {})
    c.expected["never_submitted"] = dict.fromkeys(KATAS, "missing")
    c.roster.append(("never_submitted", "submissions/no_such_folder"))
    # a link to the teacher's reference is not a solution
    linked = c.student("linked", {k: correct(k, 2) for k in KATAS if k != "relu"})
    (linked / "relu.py").symlink_to(ROOT / "reference" / "relu.py")
    c.expected["linked"]["relu"] = "error"
    # a submission's own dlkata.yaml: its `workspace:` is followed (inside it), nothing else is
    own = c.student("own_config", {k: correct(k, 0) for k in KATAS}, folder="solutions")
    (own / "dlkata.yaml").write_text(
        "workspace: solutions\nkatas_graded: [relu]\npoints: {relu: 100}\n"
        "limits: {timeout: 1000, kata_timeout: 1000}\n",
        encoding="utf-8",
    )
    escaping = c.student("escaping_config", {k: correct(k, 1) for k in KATAS})
    (escaping / "dlkata.yaml").write_text("workspace: ../correct00\n", encoding="utf-8")
    return c


def tree(folder: Path) -> dict[str, tuple[Any, ...]]:
    """Every entry below `folder`: its kind, bytes (or link target), mode and mtime."""
    entries = {}
    for path in [folder, *sorted(folder.rglob("*"))]:
        info = path.lstat()
        if path.is_symlink():
            content: Any = os.readlink(path)
        elif path.is_file():
            content = path.read_bytes()
        else:
            content = None
        entries[str(path.relative_to(folder))] = (content, info.st_mode, info.st_mtime_ns)
    return entries


def counts(stderr: str) -> tuple[int, int]:
    """How many submissions a run graded, and how many it kept from the state folder."""
    match = re.search(r"\((\d+) graded now, (\d+) kept", stderr)
    assert match, stderr
    return int(match.group(1)), int(match.group(2))


def grade(c: Class, *args: str) -> Any:
    return invoke(
        "grade",
        "--roster",
        str(c.write_roster()),
        "--course",
        str(c.course),
        "--jobs",
        "2",
        *args,
    )


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Class, dict[str, Any]]:
    """The class, graded once (the slow part, about a minute on two cores)."""
    root = tmp_path_factory.mktemp("class")
    c = build_class(root)
    before = tree(c.subs)
    cwd = Path.cwd()
    os.chdir(root)
    try:
        result = grade(
            c,
            "--salt",
            SALT,
            "--out",
            "gradebook.csv",
            "--out",
            "gradebook.json",
            "--out",
            "summary.md",
            "--out",
            "summary.html",
        )
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # nothing but the requested files
    return c, {"before": before, "stderr": result.stderr}


@pytest.fixture(autouse=True)
def _in_class(
    graded: tuple[Class, dict[str, Any]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    isolate(monkeypatch, graded[0].root)


def test_a_class_of_44_is_graded_cell_by_cell(graded: tuple[Class, dict[str, Any]]) -> None:
    c, run = graded
    assert len(c.expected) == 44
    assert counts(run["stderr"]) == (42, 0)  # two students have no file to grade
    rows = list(csv.reader(io.StringIO((c.root / "gradebook.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["student", *KATAS, "total"]
    assert [r[0] for r in rows[1:]] == sorted(c.expected)
    book = json.loads((c.root / "gradebook.json").read_text(encoding="utf-8"))
    students = {s["id"]: s for s in book["students"]}
    assert students["wrong06"]["folder"] == "submissions/wrong06"  # as the roster wrote it
    for row in rows[1:]:
        student = row[0]
        earned = 0.0
        for kata, cell in zip(KATAS, row[1:4], strict=True):
            status = c.expected[student][kata]
            score = students[student]["katas"][kata]
            assert score["status"] == status, (student, kata, score)
            points = POINTS[kata] if status == "passed" else 0.0
            assert float(cell) == points == score["points"], (student, kata, cell)
            assert score["max_points"] == POINTS[kata]
            earned += points
        assert float(row[4]) == earned == students[student]["total"], student
    # a wrong solution fails a test that names the function its header blames
    first = (SOLUTIONS / "linear" / "wrong_db_mean.py").read_text(encoding="utf-8")
    blamed = re.match(r"# wrong\((\w+)\)", first).group(1)
    tests = students["wrong06"]["katas"]["linear"]["tests"]
    assert any(t["status"] == "failed" and t["function"] == blamed for t in tests)
    assert "symbolic link" in students["linked"]["katas"]["relu"]["message"]


def test_the_json_gradebook_is_versioned_and_keeps_the_salt_secret(
    graded: tuple[Class, dict[str, Any]],
) -> None:
    c, _run = graded
    book = json.loads((c.root / "gradebook.json").read_text(encoding="utf-8"))
    assert book["schema_version"] == 1
    assert book["katas"] == list(KATAS)
    assert book["salt_id"] == salt_id(SALT) and "salt" not in book
    assert SALT not in (c.root / "gradebook.json").read_text(encoding="utf-8")
    Gradebook.model_validate(book)  # the published schema (`dlkata schema gradebook`)
    student = book["students"][0]
    assert set(student) == {"id", "folder", "katas", "total"}
    assert set(student["katas"]["relu"]["tests"][0]) == {"name", "status", "function"}


def test_the_summary_gives_pass_rates_and_the_most_common_failure(
    graded: tuple[Class, dict[str, Any]],
) -> None:
    c, _run = graded
    summary = (c.root / "summary.md").read_text(encoding="utf-8")
    for kata in KATAS:
        passed = sum(e[kata] == "passed" for e in c.expected.values())
        rate = f"{passed}/44 ({100 * passed / 44:.0f}%)"
        assert re.search(rf"^\| {kata} \| {re.escape(rate)} \|", summary, re.M), summary
    # sigmoid's failures: two wrong solutions and one empty file; its most common failing
    # test among them is named with its function and count
    line = next(s for s in summary.splitlines() if s.startswith("| sigmoid |"))
    assert re.search(r"\| \S+ \(`sigmoid_\w+`\): \d of 3 who did not pass \|$", line), line
    assert "## Could not be graded" in summary and "symbolic link" in summary
    page = (c.root / "summary.html").read_text(encoding="utf-8")
    assert "<td>correct00</td>" in page and "<h2>By kata</h2>" in page


def test_grading_changes_nothing_in_any_submission(graded: tuple[Class, dict[str, Any]]) -> None:
    c, run = graded
    assert tree(c.subs) == run["before"]
    assert not list(c.subs.rglob(".dlkata")) and not list(c.subs.rglob("__pycache__"))


def test_a_rerun_grades_only_what_is_not_kept(graded: tuple[Class, dict[str, Any]]) -> None:
    """An interrupted run, simulated: one submission's kept result deleted, then a rerun."""
    c, _run = graded
    config = read_config(c.course / "dlkata.yaml")
    katas = [get_kata(k) for k in KATAS]
    limits = resolve_limits(Workspace(c.root, config))
    student = Submission("wrong06", c.subs / "wrong06")
    key = submission_key(grader_digest(katas, limits, SALT), submission_files(student, KATAS))
    kept = c.root / ".dlkata-grade" / "results" / f"{key}.json"
    kept.unlink()
    result = grade(c, "--salt", SALT, "--out", "again.csv")
    assert result.exit_code == 0, result.output
    assert counts(result.stderr) == (1, 41)
    assert kept.is_file()
    assert (c.root / "again.csv").read_bytes() == (c.root / "gradebook.csv").read_bytes()


def test_partial_credit_by_the_fraction_of_tests_passed(
    graded: tuple[Class, dict[str, Any]],
) -> None:
    """Points are applied to kept results: a course that turns on `partial` regrades nothing."""
    c, _run = graded
    course = c.root / "partial-course"
    course.mkdir(exist_ok=True)
    (course / "dlkata.yaml").write_text(COURSE_YAML + "partial: true\n", encoding="utf-8")
    result = invoke(
        "grade",
        "--roster",
        str(c.write_roster()),
        "--course",
        str(course),
        "--salt",
        SALT,
        "--out",
        "partial.json",
    )
    assert result.exit_code == 0, result.output
    assert counts(result.stderr) == (0, 42)
    book = json.loads((c.root / "partial.json").read_text(encoding="utf-8"))
    some_partial = False
    for student in book["students"]:
        for kata, score in student["katas"].items():
            tests = score["tests"]
            passed = sum(t["status"] == "passed" for t in tests)
            if score["status"] == "failed":
                assert score["points"] == round(POINTS[kata] * passed / len(tests), 2)
                some_partial |= 0 < score["points"] < POINTS[kata]
            elif score["status"] != "passed":
                assert score["points"] == 0
    assert some_partial


def test_shards_merged_equal_one_run(graded: tuple[Class, dict[str, Any]]) -> None:
    c, _run = graded
    for k in (1, 2, 3):
        result = grade(c, "--salt", SALT, "--shard", f"{k}/3", "--out", f"shard{k}.json")
        assert result.exit_code == 0, result.output
    shards = [json.loads((c.root / f"shard{k}.json").read_text()) for k in (1, 2, 3)]
    for book in shards:
        Gradebook.model_validate(book)
    sizes = sorted(len(s["students"]) for s in shards)
    assert sizes == [14, 15, 15]
    merged = invoke(
        "grade",
        "--merge",
        "shard1.json",
        "shard2.json",
        "shard3.json",
        "--out",
        "merged.csv",
        "--out",
        "merged.json",
        "--out",
        "merged.md",
    )
    assert merged.exit_code == 0, merged.output
    for suffix, single in (("csv", "gradebook.csv"), ("json", "gradebook.json")):
        assert (c.root / f"merged.{suffix}").read_text() == (c.root / single).read_text()
    assert (c.root / "merged.md").read_text() == (c.root / "summary.md").read_text()


def test_merge_refuses_other_salts_versions_and_overlaps(
    graded: tuple[Class, dict[str, Any]],
) -> None:
    c, _run = graded
    book = json.loads((c.root / "gradebook.json").read_text())
    first = {**book, "students": book["students"][:2]}
    cases = {
        "salt": ({**book, "salt_id": "0" * 16, "students": book["students"][2:]}, "another salt"),
        "version": ({**book, "schema_version": 2}, "schema version 1"),
        "overlap": ({**book, "students": book["students"][1:3]}, "is in both"),
    }
    Path("first.json").write_text(json.dumps(first))
    for name, (other, message) in cases.items():
        Path(f"{name}.json").write_text(json.dumps(other))
        result = invoke("grade", "--merge", "first.json", f"{name}.json", "--out", "x.csv")
        assert result.exit_code == 2, (name, result.output)
        assert message in result.stderr and "Traceback" not in result.output
        assert not Path("x.csv").exists()


def test_the_salt_goes_to_the_judge_and_a_generated_one_is_printed_and_recorded(
    graded: tuple[Class, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dlkata import grading

    c, _run = graded
    orders: list[dict[str, Any]] = []
    write = grading.Judge._write

    def recorded(judge: grading.Judge, order: dict[str, Any]) -> None:
        orders.append(order)
        write(judge, order)

    monkeypatch.setattr(grading.Judge, "_write", recorded)
    folder = c.subs / "correct00"
    result = invoke(
        "grade", str(folder), "--kata", "relu", "--out", "one.json", "--state", "fresh-state"
    )
    assert result.exit_code == 0, result.output
    salt = re.search(r"salt: (\w+) \(pass --salt \1 to reproduce", result.stderr).group(1)
    book = json.loads(Path("one.json").read_text())
    assert book["salt"] == salt and book["salt_id"] == salt_id(salt)
    assert [o["salt"] for o in orders if "katas" in o] and all(
        o["salt"] == salt for o in orders if "katas" in o
    )
    assert book["students"][0]["katas"]["relu"]["status"] == "passed"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "--out"),
        (("x", "--out", "g.txt"), "the suffix must be one of"),
        (("--out", "g.csv"), "Name the submission folders"),
        (("a", "--roster", "r.csv", "--out", "g.csv"), "not both"),
        (("a", "--shard", "3/2", "--out", "g.json"), "1 <= K <= N"),
        (("a", "--shard", "1/2", "--out", "g.csv"), "add --out shard.json"),
        (("a", "--kata", "lineer", "--out", "g.csv"), "Did you mean linear?"),
        (("a", "--course", "nowhere", "--out", "g.csv"), "--course names a folder"),
    ],
)
def test_usage_mistakes_are_explained(args: tuple[str, ...], message: str, tmp_path: Path) -> None:
    os.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    result = invoke("grade", *args)
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.stderr.replace("│", " ").split())
    assert "Traceback" not in result.output


def test_a_roster_without_its_header_is_explained(tmp_path: Path) -> None:
    os.chdir(tmp_path)
    Path("roster.csv").write_text("ada,subs/ada\n")
    result = invoke("grade", "--roster", "roster.csv", "--kata", "relu", "--out", "g.csv")
    assert result.exit_code == 2 and "student,folder" in result.stderr
    shutil.rmtree(tmp_path / ".dlkata-grade", ignore_errors=True)


def test_the_summary_in_chinese_and_the_csv_columns_unchanged(
    graded: tuple[Class, dict[str, Any]],
) -> None:
    c, _run = graded
    result = grade(c, "--salt", SALT, "--lang", "zh", "--out", "zh.md", "--out", "zh.csv")
    assert result.exit_code == 0, result.output
    assert "本次评测 0 份" in result.stderr
    summary = (c.root / "zh.md").read_text(encoding="utf-8")
    assert "# 成绩册" in summary and "## 按练习" in summary and "未提交文件" in summary
    assert (c.root / "zh.csv").read_bytes() == (c.root / "gradebook.csv").read_bytes()
