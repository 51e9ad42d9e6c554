"""The schemas of `kata.yaml` and `dlkata.yaml` (issue 12): strict types, unknown keys with a
did-you-mean, fixed difficulties and topics, and every problem at once, each with its file and
field, exit code 2 and no traceback, in every command and in `dlkata validate`."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dlkata.catalogue import DIFFICULTIES, TOPICS, CatalogueError, load_catalogue, load_kata
from dlkata.strict_yaml import StrictLoader
from tests.cli_support import invoke, isolate, subprocess_env
from tests.support import ROOT

LINEAR_YAML = (ROOT / "katas" / "linear" / "kata.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **katas: str) -> Path:
    """A course (`DLKATA_COURSE`) holding `linear` and the given `kata.yaml` texts by folder,
    instead of dlkata's own katas."""
    root = tmp_path / "course"
    shutil.copytree(ROOT / "katas" / "linear", root / "katas" / "linear")
    (root / "dlkata.yaml").write_text("builtin: false\n", encoding="utf-8")
    (root / "reference").mkdir()
    shutil.copy(ROOT / "reference" / "linear.py", root / "reference" / "linear.py")
    for name, text in katas.items():
        folder = root / "katas" / name
        shutil.copytree(ROOT / "katas" / "linear", folder)
        (folder / "kata.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("DLKATA_COURSE", str(root))
    return root


def errors(stderr: str) -> list[str]:
    """The problems a command reported, one per line, without the 'Error: ' prefix."""
    return [line.removeprefix("Error: ") for line in stderr.splitlines() if line.strip()]


# --- kata.yaml -------------------------------------------------------------------------------

BROKEN_KATA = """\
format_version: 2
id: broken
topic: Convolution
difficulty: impossible
dificulty: easy
prerequisites: linear
functions:
  - name: broken_forward
    returns_cache: "false"
  - name: broken_backward
    returns_cache: yes
"""
BROKEN_TEXT = """\
format_version: 1
title: "Broken"
summary: ""
hints: [3]
tests:
  forward: "Not a test function's name."
notes:
  Bad-Key: "x"
"""


def test_every_problem_of_a_kata_yaml_at_once_with_its_file_and_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    course(tmp_path, monkeypatch, broken=BROKEN_KATA)
    result = invoke("list")
    assert result.exit_code == 2 and "Traceback" not in result.output
    where = "course/katas/broken/kata.yaml"
    assert errors(result.stderr) == [
        f"{where}: topic: must be one of {', '.join(TOPICS)}, got 'Convolution'; did you mean "
        "'convolution'?",
        f"{where}: difficulty: must be one of easy, medium, hard, got 'impossible'",
        f"{where}: prerequisites: must be a list, got 'linear' (write [linear])",
        f"{where}: functions[0].returns_cache: must be true or false, got 'false'",
        f"{where}: functions[1].returns_cache: must be true or false, got 'yes'",
        f"{where}: dificulty: unknown field; did you mean 'difficulty'?",
    ]


def test_every_problem_of_a_kata_text_at_once_with_its_file_and_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = course(tmp_path, monkeypatch)
    (root / "katas" / "linear" / "text" / "en.yaml").write_text(BROKEN_TEXT, encoding="utf-8")
    result = invoke("list")
    assert result.exit_code == 2 and "Traceback" not in result.output
    where = "course/katas/linear/text/en.yaml"
    assert errors(result.stderr) == [
        f"{where}: summary: must not be empty",
        f"{where}: hints[0]: must be text, got 3: put it in quotes",
        f"{where}: tests.forward.[key]: must be a hidden test's function name (test_...), got "
        "'forward'",
        f"{where}: notes.Bad-Key.[key]: must be a key of lower-case letters, digits and "
        "underscores, got 'Bad-Key'",
    ]


def test_validate_reports_the_same_problems_as_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    course(tmp_path, monkeypatch, broken=BROKEN_KATA)
    listed = errors(invoke("list").stderr)
    validated = invoke("validate", "--quick")
    assert validated.exit_code == 1
    reported = [line.removeprefix("✗ ") for line in validated.stdout.splitlines()[:-1]]
    assert reported == listed and len(reported) == 6


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("id: linear", "id: linear_layer"), "id: 'linear_layer' differs from the folder name"),
        (("format_version: 2", "format_version: 3"), "format_version: 3 is newer than this"),
        (("format_version: 2", "format_version: '2'"), "must be 2, got '2': write it without"),
        (("format_version: 2", "format_version: 1"), "format_version: 1 kept the title"),
        (("topic: layers", "topic: [layers]"), "topic: must be one of"),
        (("  - name: linear_backward", "  - name: linear backward"), "must be a Python name"),
        (("  - name: linear_backward", "  - name: linear_forward"), "listed more than once"),
        (("difficulty: easy\n", ""), "difficulty: missing: add it, e.g. difficulty: medium"),
        (("topic:", "id: again\ntopic:"), "line 3, column 1: 'id' is given twice: keep one"),
        (("topic:", "topic: [oops\nx:"), "not valid YAML"),
    ],
)
def test_one_broken_field_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: tuple[str, str], expected: str
) -> None:
    assert change[0] in LINEAR_YAML
    root = course(tmp_path, monkeypatch)
    (root / "katas" / "linear" / "kata.yaml").write_text(LINEAR_YAML.replace(*change, 1))
    result = invoke("list")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert expected in result.stderr and "course/katas/linear/kata.yaml: " in result.stderr


def test_a_newer_format_is_the_one_problem_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    newer = LINEAR_YAML.replace("format_version: 2", "format_version: 3") + "new_field: 1\n"
    root = course(tmp_path, monkeypatch)
    (root / "katas" / "linear" / "kata.yaml").write_text(newer)
    assert errors(invoke("list").stderr) == [
        "course/katas/linear/kata.yaml: format_version: 3 is newer than this dlkata reads (2): "
        "upgrade dlkata (pip install --upgrade dlkata)"
    ]


@pytest.mark.parametrize("command", ["list", "status", "next", "check --all", "new linear"])
def test_a_broken_kata_yaml_is_exit_2_in_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    course(tmp_path, monkeypatch, broken=BROKEN_KATA)
    result = invoke(*command.split())
    assert result.exit_code == 2 and "broken/kata.yaml: topic:" in result.stderr


def test_load_kata_reads_one_folder_whatever_the_others_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = course(tmp_path, monkeypatch, broken=BROKEN_KATA)
    kata = load_kata(root / "katas" / "linear")
    assert (kata.id, kata.topic, kata.difficulty) == ("linear", "layers", "easy")
    assert [(f.name, f.returns_cache) for f in kata.functions] == [
        ("linear_forward", True),
        ("linear_backward", False),
    ]
    with pytest.raises(CatalogueError) as broken:
        load_catalogue(root / "katas")
    assert len(broken.value.problems) == 6


def test_a_course_without_katas_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DLKATA_COURSE", str(tmp_path / "nowhere"))
    result = invoke("list")
    assert result.exit_code == 2
    assert errors(result.stderr) == [
        "nowhere/katas: is not a folder (a course, DLKATA_COURSE, holds katas/)"
    ]


def test_every_kata_of_the_project_fits_the_schema() -> None:
    katas = load_catalogue(ROOT / "katas")
    assert len(katas) >= 19
    assert {k.topic for k in katas.values()} <= set(TOPICS)
    assert {k.difficulty for k in katas.values()} <= set(DIFFICULTIES)


def test_the_authors_guide_lists_exactly_the_topics_and_difficulties() -> None:
    guide = " ".join((ROOT / "katas" / "README.md").read_text(encoding="utf-8").split())
    topics = guide.split("Topics, in the order the path reaches them: ")[1].split(".")[0]
    assert tuple(re.findall(r"`(\w+)`", topics)) == TOPICS
    assert "# easy | medium | hard" in guide and DIFFICULTIES == ("easy", "medium", "hard")


def test_yaml_booleans_are_only_true_and_false_and_the_c_loader_is_used() -> None:
    text = "a: yes\nb: no\nc: on\nd: true\ne: False\nf: 1e-3\ng: 2.5E3\nh: 10\ni: 1.5\n"
    data = yaml.load(text, Loader=StrictLoader)
    assert data == {
        **{"a": "yes", "b": "no", "c": "on", "d": True, "e": False},
        **{"f": 1e-3, "g": 2500.0, "h": 10, "i": 1.5},
    }
    if hasattr(yaml, "CSafeLoader"):
        assert issubclass(StrictLoader, yaml.CSafeLoader)


# --- dlkata.yaml -----------------------------------------------------------------------------

BROKEN_CONFIG = """\
workspace: solutions
requried: [linear]
required: [lienar, relu, 3]
limits:
  timeout: "10"
  kata_timout: 5
  memory_limit: 2X
  kata_timeout: -1
"""


def test_every_problem_of_a_dlkata_yaml_at_once(tmp_path: Path) -> None:
    (tmp_path / "dlkata.yaml").write_text(BROKEN_CONFIG)
    result = invoke("status")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert errors(result.stderr) == [
        "dlkata.yaml: required[0]: 'lienar' is not a kata; did you mean 'linear'?",
        "dlkata.yaml: required[2]: must be text, got 3: put it in quotes",
        "dlkata.yaml: limits.timeout: must be a number, got '10': write it without quotes",
        "dlkata.yaml: limits.kata_timeout: must be more than 0, got -1",
        "dlkata.yaml: limits.memory_limit: '2X' is not a size: use e.g. 512M or 2G",
        "dlkata.yaml: limits.kata_timout: unknown field; did you mean 'kata_timeout'?",
        "dlkata.yaml: requried: unknown field; did you mean 'required'?",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- a list\n", "dlkata.yaml: must be a mapping of fields (key: value lines), got a list"),
        ("limits: 5\n", "dlkata.yaml: limits: must be a mapping of fields"),
        ("required: linear\n", "dlkata.yaml: required: must be a list, got 'linear'"),
        ("limits: {memory_limit: true}\n", "limits.memory_limit: must be a size such as 512M"),
        ("limits: {memory_limit: 1M}\n", "'1M' is too small: at least 64M"),
        ("workspace: ''\n", "dlkata.yaml: workspace: must not be empty"),
        ("workspace: [a\n", "dlkata.yaml: line 2, column 1: not valid YAML"),
        ("workspace: a\nworkspace: b\n", "dlkata.yaml: line 2, column 1: 'workspace' is given"),
    ],
)
def test_a_broken_dlkata_yaml_is_named(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "dlkata.yaml").write_text(text)
    for command in (["list"], ["check", "--all"], ["new", "linear"]):
        result = invoke(*command)
        assert result.exit_code == 2 and expected in result.stderr, result.output


@pytest.mark.parametrize(
    "text",
    [
        "",
        "workspace: .\n",
        "required:\nlimits:\n",
        "limits: {timeout: 1e-1, memory_limit: 1073741824}\n",
    ],
)
def test_a_valid_dlkata_yaml_is_read(tmp_path: Path, text: str) -> None:
    (tmp_path / "dlkata.yaml").write_text(text)
    result = invoke("list", "--format", "json")
    assert result.exit_code == 0, result.output


def test_help_loads_neither_the_schemas_nor_pydantic() -> None:
    """pydantic costs tens of milliseconds to import: only reading a YAML file imports it. (typer
    0.29 imports pydantic itself to parse a command's options, so only `--help` is checked for
    pydantic, and every command's help for dlkata's own schema modules.)"""
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom dlkata.cli import app\n"
        "CliRunner().invoke(app, ['--help'])\n"
        "print(sorted({'pydantic', 'yaml'} & set(sys.modules)))\n"
        "CliRunner().invoke(app, ['check', '--help'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('dlkata.') and 'schema' in m))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=subprocess_env()
    )
    assert done.stdout.split("\n")[:2] == ["[]", "[]"], done.stderr


def test_the_readmes_example_dlkata_yaml_is_valid() -> None:
    from dlkata.schema import parse_config

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("### `dlkata.yaml`")[1].split("```yaml\n")[1].split("```")[0]
    spec = parse_config(yaml.load(example, Loader=StrictLoader), "README.md", load_catalogue())
    assert spec.limits is not None and spec.limits.memory_limit == "2G"
