"""`dlkata init --course` (issue 17): a course repository whose GitHub Actions workflow grades the
roster as a matrix of shards, salted from the repository's secrets, then merges one gradebook.

The workflow's shell steps are run here with a stand-in `dlkata` that prints its arguments, so
the commands the shards and the merge really run are checked, quoting included."""

from __future__ import annotations

import csv
import os
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from dlkata.catalogue import load_catalogue
from dlkata.init import COURSE_WORKFLOW_PATH
from tests.cli_support import invoke, isolate

SPEC = "git+https://example.org/teacher/dlkata@v1.0"
FILES = ("dlkata.yaml", "roster.csv", ".github/workflows/grade.yml", "katas/README.md")


@pytest.fixture
def course(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    (tmp_path / "course").mkdir()
    isolate(monkeypatch, tmp_path)
    return tmp_path / "course"


def workflow(course: Path) -> dict[str, Any]:
    return yaml.safe_load((course / COURSE_WORKFLOW_PATH).read_text(encoding="utf-8"))


def step(job: dict[str, Any], name: str) -> dict[str, Any]:
    return next(s for s in job["steps"] if s.get("name") == name)


def uses(job: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [s for s in job["steps"] if s.get("uses", "").startswith(action)]


def run_step(script: str, folder: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """The step's shell, with a `dlkata` that prints its arguments (one a line) and writes the
    files named by --out, as the real one would."""
    bin_dir = folder / "bin"
    bin_dir.mkdir(exist_ok=True)
    fake = bin_dir / "dlkata"
    fake.write_text(
        '#!/bin/bash\nprintf "%s\\n" "$@"\n'
        'while [ $# -gt 0 ]; do [ "$1" = --out ] && echo made > "$2"; shift; done\n'
    )
    fake.chmod(0o755)
    variables = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", **env}
    return subprocess.run(
        ["bash", "-e", "-c", script],
        cwd=folder,
        env=variables,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_the_workflow_grades_shards_with_the_secret_salt_then_merges(course: Path) -> None:
    result = invoke("init", "--course", str(course), "--shards", "3", "--install", SPEC)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    said = " ".join(result.stdout.split())
    for name in FILES:
        assert f"Wrote {course / name}" in said
    assert "(grades the roster on 3 machines, then merges)" in said
    assert "gh secret set DLKATA_SALT" in said

    document = workflow(course)
    assert document[True] == {"workflow_dispatch": None}  # YAML 1.1 reads `on:` as true
    shards, merge = document["jobs"]["grade"], document["jobs"]["gradebook"]
    assert shards["strategy"]["matrix"] == {"shard": [1, 2, 3]}
    assert shards["strategy"]["fail-fast"] is False
    assert merge["needs"] == "grade"
    for job in (shards, merge):
        assert shlex.split(step(job, "Install dlkata")["run"]) == [
            "python", "-m", "pip", "install", SPEC,
        ]  # fmt: skip
    grading = step(shards, "Grade shard ${{ matrix.shard }} of 3")
    assert grading["env"] == {
        "DLKATA_SALT": "${{ secrets.DLKATA_SALT }}",
        "SHARD": "${{ matrix.shard }}",
    }
    (kept,) = uses(shards, "actions/upload-artifact@")
    assert kept["with"]["name"] == "shard-${{ matrix.shard }}"
    assert kept["with"]["path"] == "shard-${{ matrix.shard }}.json"
    (gathered,) = uses(merge, "actions/download-artifact@")
    assert gathered["with"] == {"pattern": "shard-*", "merge-multiple": True}
    (gradebook,) = uses(merge, "actions/upload-artifact@")
    assert gradebook["with"]["name"] == "gradebook"
    assert gradebook["with"]["path"].split() == ["gradebook.csv", "summary.md"]

    # the shard's own command, as its shell runs it with the secret and the matrix's value
    done = run_step(grading["run"], course, DLKATA_SALT="s3 cr$t", SHARD="2")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "grade", "--roster", "roster.csv", "--shard", "2/3", "--salt", "s3 cr$t",
        "--out", "shard-2.json",
    ]  # fmt: skip
    # and the merge, over the shards' files the artifacts brought back
    for k in (1, 2, 3):
        (course / f"shard-{k}.json").write_text("{}")
    summary = course / "step-summary.md"
    merging = step(merge, "Merge them into one gradebook")["run"]
    done = run_step(merging, course, GITHUB_STEP_SUMMARY=str(summary))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "grade", "--merge", "shard-1.json", "shard-2.json", "shard-3.json",
        "--out", "gradebook.csv", "--out", "summary.md",
    ]  # fmt: skip
    assert summary.read_text() == "made\n"


def test_a_shard_without_the_secret_fails_saying_how_to_set_it(course: Path) -> None:
    assert invoke("init", "--course", str(course), "--install", SPEC).exit_code == 0
    grading = step(workflow(course)["jobs"]["grade"], "Grade shard ${{ matrix.shard }} of 4")
    done = run_step(grading["run"], course, DLKATA_SALT="", SHARD="1")
    assert done.returncode == 1
    assert done.stdout.startswith("::error title=No salt::Set the repository secret DLKATA_SALT")
    assert "grade" not in done.stdout.splitlines()  # dlkata never ran: no unsalted shard


def test_the_course_files_say_where_katas_go_points_and_the_roster(course: Path) -> None:
    assert invoke("init", "--course", str(course), "--install", SPEC).exit_code == 0
    settings = yaml.safe_load((course / "dlkata.yaml").read_text(encoding="utf-8"))
    assert settings["katas"] == "katas" and (course / "katas").is_dir()
    assert set(settings["points"]) <= set(load_catalogue()) and settings["points"]["conv2d"] == 3
    assert set(settings["katas_graded"]) == set(settings["points"])
    assert settings["partial"] is False
    with (course / "roster.csv").open(newline="") as roster:
        rows = list(csv.DictReader(roster))
    assert rows and all(set(row) == {"student", "folder"} for row in rows)
    assert "dlkata kata new ID" in (course / "katas" / "README.md").read_text()


def test_init_course_twice_refuses_and_force_replaces(course: Path) -> None:
    assert invoke("init", "--course", str(course), "--install", SPEC).exit_code == 0
    (course / "roster.csv").write_text("student,folder\nzoe,submissions/zoe\n")
    again = invoke("init", "--course", str(course), "--install", SPEC)
    assert again.exit_code == 2
    said = " ".join(again.stderr.split())
    assert "already exist, so nothing was written." in said
    assert "`dlkata init --course --force` replaces them." in said
    assert (course / "roster.csv").read_text() == "student,folder\nzoe,submissions/zoe\n"
    forced = invoke("init", "--course", str(course), "--install", SPEC, "--force")
    assert forced.exit_code == 0, forced.output
    assert "alice" in (course / "roster.csv").read_text()


def test_one_existing_file_is_enough_to_refuse(course: Path) -> None:
    (course / "dlkata.yaml").write_text("workspace: solutions\n")
    result = invoke("init", "--course", str(course))
    assert result.exit_code == 2
    assert f"{course / 'dlkata.yaml'} already exists, so nothing was written." in " ".join(
        result.stderr.split()
    )
    assert not (course / "roster.csv").exists() and not (course / ".github").exists()


def test_without_install_the_install_steps_fail_saying_how(course: Path) -> None:
    result = invoke("init", "--course", str(course))
    assert result.exit_code == 0
    warning = " ".join(result.stderr.split())
    assert "dlkata init --course --force --install git+https://github.com/YOU/dlkata" in warning
    install = step(workflow(course)["jobs"]["gradebook"], "Install dlkata")["run"]
    done = run_step(install, course)
    assert done.returncode == 1
    assert done.stdout.startswith("::error title=dlkata is not on the package index yet::")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--shards", "2"], "--shards sets up a course's grading: add --course."),
        (["--course", "--require", "linear"], "leave them out with --course."),
        (["--course", "--workspace", "mine"], "leave them out with --course."),
        (["--course", "--shards", "0"], "--shards 0: give 1 to 256 machines"),
        (["--course", "--shards", "257"], "--shards 257: give 1 to 256 machines"),
    ],
)
def test_options_of_the_other_kind_are_refused(course: Path, args: list[str], words: str) -> None:
    result = invoke("init", str(course), *args)
    assert result.exit_code == 2
    assert words in " ".join(result.stderr.split())
    assert list(course.iterdir()) == []
