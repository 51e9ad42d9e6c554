"""The JSON report (issue 12): a `schema_version`, a summary block, one spelling of each status
in `check`, `list` and `status`, and a JSON Schema generated from the report's models, published
by `dlkata schema report` and in `docs/`, that real reports follow."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from dlkata.catalogue import load_catalogue
from dlkata.report_schema import Report
from dlkata.schema import SCHEMAS, json_schema
from tests.cli_support import CORRECT_LINEAR, ENVIRONMENT, WRONG_LINEAR, invoke, isolate
from tests.support import ROOT

PUBLISHED = {
    "report": "report.schema.json",
    "kata": "kata.schema.json",
    "text": "text.schema.json",
    "config": "dlkata.schema.json",
    "gradebook": "gradebook.schema.json",
}


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


@pytest.mark.parametrize("name", SCHEMAS)
def test_the_published_schemas_are_current(name: str) -> None:
    """`dlkata schema NAME > docs/...` after changing a model; this says so when it was not."""
    printed = invoke("schema", name)
    assert printed.exit_code == 0
    assert json.loads(printed.stdout) == json_schema(name)
    copy = ROOT / "docs" / PUBLISHED[name]
    assert json.loads(copy.read_text(encoding="utf-8")) == json_schema(name), (
        f"{copy} is out of date: run `dlkata schema {name} > docs/{PUBLISHED[name]}`"
    )


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One `check --all` of a workspace with a kata that passes, one that fails, one that cannot
    be graded and an untouched stub; then `list` and `status` of the same workspace."""
    folder = tmp_path_factory.mktemp("report")
    workspace = folder / "workspace"
    workspace.mkdir()
    (workspace / "relu.py").write_text((ROOT / "reference" / "relu.py").read_text())
    (workspace / "linear.py").write_text(WRONG_LINEAR)
    (workspace / "sigmoid.py").write_text("def sigmoid_forward(x)\n    return x\n")
    shutil.copy(ROOT / "katas" / "he_init" / "stub.py", workspace / "he_init.py")
    with pytest.MonkeyPatch.context() as patch:  # module-scoped: before the conftest's cleaning
        for name in ENVIRONMENT:
            patch.delenv(name, raising=False)
        patch.chdir(folder)
        check = invoke("check", "--all", "--format", "json")
        listed = invoke("list", "--format", "json")
        status = invoke("status", "--format", "json")
    assert check.exit_code == 1, check.output
    return {
        "check": json.loads(check.stdout),
        "list": json.loads(listed.stdout),
        "status": json.loads(status.stdout),
    }


def test_a_real_report_follows_the_schema_with_every_status(graded: dict[str, Any]) -> None:
    report = graded["check"]
    Report.model_validate(report)  # strict: every field, type and status as published
    statuses = {k["id"]: (k["status"], k["skipped"]) for k in report["katas"]}
    assert statuses["relu"] == ("passed", False)
    assert statuses["linear"] == ("failed", False)
    assert statuses["sigmoid"] == ("error", False)
    assert statuses["he_init"] == ("not_started", True)
    assert {s for s, _ in statuses.values()} == {"passed", "failed", "error", "not_started"}


def test_a_real_report_validates_against_the_published_json_schema(
    graded: dict[str, Any],
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(graded["check"])
    broken = {**graded["check"], "katas": [{**graded["check"]["katas"][0], "status": "skipped"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


def test_the_summary_counts_what_the_katas_say(graded: dict[str, Any]) -> None:
    report = graded["check"]
    katas = report["katas"]
    total = len(load_catalogue())
    assert report["schema_version"] == 2
    assert report["summary"]["verdict"] == "failed"
    assert report["summary"]["katas"] == {
        "total": total,
        "passed": 1,
        "failed": 1,
        "error": 1,
        "not_started": total - 3,
        "graded": 4,
        "skipped": total - 3,
    }
    assert report["summary"]["tests"] == {
        "total": sum(len(k["tests"]) for k in katas),
        "passed": sum(t["status"] == "passed" for k in katas for t in k["tests"]),
    }
    assert report["summary"]["tests"]["passed"] < report["summary"]["tests"]["total"]


def test_check_list_and_status_spell_each_status_alike(graded: dict[str, Any]) -> None:
    listed = {k["id"]: k["status"] for k in graded["list"]["katas"]}
    status = {k["id"]: k["status"] for k in graded["status"]["katas"]}
    assert listed == status
    assert (listed["relu"], listed["linear"], listed["he_init"]) == (
        "passed",
        "in_progress",
        "not_started",
    )
    assert set(listed.values()) == {"passed", "in_progress", "not_started"}
    assert graded["status"]["overall"]["not_started"] == sum(
        s == "not_started" for s in status.values()
    )


@pytest.mark.parametrize(
    ("files", "verdict", "code"),
    [({"linear.py": CORRECT_LINEAR}, "passed", 0), ({}, "nothing_graded", 5)],
)
def test_the_verdict_is_the_exit_code(
    tmp_path: Path, files: dict[str, str], verdict: str, code: int
) -> None:
    for name, text in files.items():
        (tmp_path / "workspace").mkdir(exist_ok=True)
        (tmp_path / "workspace" / name).write_text(text)
    result = invoke("check", "--all", "--format", "json")
    assert result.exit_code == code
    report = json.loads(result.stdout)
    Report.model_validate(report)
    assert report["summary"]["verdict"] == verdict


def test_the_readmes_example_report_follows_the_schema() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("### The JSON report")[1].split("```json\n")[1].split("```")[0]
    Report.model_validate(json.loads(example))
