"""dlkata in Chinese: the language is chosen as documented, every message has its translation, and
the real command reads in Chinese from the first word to the last (explain, hint, list, status, a
failing check, help), with code, identifiers, keys and statuses left as they are."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from dlkata import i18n
from dlkata.catalogue import load_catalogue
from dlkata.language import decide, flag_value
from dlkata.validate import validate_all
from scripts import translations
from tests.cli_support import BIN, WRONG_LINEAR, subprocess_env
from tests.support import HAN, english_sentences

ROOT = Path(__file__).resolve().parent.parent


def dlkata(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "dlkata"), *args],
        cwd=cwd,
        env=subprocess_env(COLUMNS="100", **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- choosing the language ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, None),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, None),
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ({"LANGUAGE": "fr:zh", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "zh_CN", "LANG": "en_US"}, "zh"),
    ],
)
def test_the_locale_is_read_as_gettext_reads_it(environ: dict[str, str], expected: str) -> None:
    assert i18n.from_locale(environ) == expected


def test_the_flag_beats_the_variable_beats_the_file_beats_the_locale() -> None:
    locale = {"LANG": "zh_CN.UTF-8"}
    assert i18n.choose(None, {}) == "en"
    assert i18n.choose(None, locale) == "zh"
    assert i18n.choose(None, locale, "en") == "en"
    assert i18n.choose(None, {**locale, "DLKATA_LANG": "en"}, "zh") == "en"
    assert i18n.choose("zh", {"DLKATA_LANG": "en"}, "en") == "zh"


def test_the_flag_is_found_anywhere_before_a_double_dash() -> None:
    assert flag_value(["check", "linear", "--lang", "zh"]) == "zh"
    assert flag_value(["--lang=zh", "list"]) == "zh"
    assert flag_value(["check", "--", "--lang", "zh"]) is None
    assert flag_value(["check", "--lang"]) is None


def test_dlkata_yaml_sets_the_language(tmp_path: Path) -> None:
    (tmp_path / "dlkata.yaml").write_text("workspace: .\nlang: zh\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert decide([], {}, tmp_path / "sub") == "zh"
    assert decide(["--lang", "en"], {}, tmp_path) == "en"
    assert decide([], {"DLKATA_LANG": "en"}, tmp_path) == "en"


def test_a_language_dlkata_does_not_speak_is_a_clear_error(tmp_path: Path) -> None:
    result = dlkata("list", "--lang", "fr", cwd=tmp_path)
    assert result.returncode == 2 and "'fr' is not one of 'en', 'zh'" in result.stderr
    result = dlkata("list", cwd=tmp_path, DLKATA_LANG="fr")
    assert result.returncode == 2 and "DLKATA_LANG must be one of en, zh" in result.stderr
    (tmp_path / "dlkata.yaml").write_text("lang: fr\n", encoding="utf-8")
    result = dlkata("list", cwd=tmp_path)
    assert result.returncode == 2 and "dlkata.yaml: lang:" in result.stderr


# --- the catalogues ----------------------------------------------------------------------------


def test_every_engine_message_is_marked_with_literal_text() -> None:
    assert translations.extract()  # raises ExtractionError naming each `_(variable)`


def test_the_chinese_catalogue_is_complete_and_current() -> None:
    assert translations.problems("zh") == []


def test_a_kata_without_its_chinese_text_is_incomplete(tmp_path: Path) -> None:
    course = tmp_path / "katas"
    course.mkdir()
    subprocess.run(["cp", "-r", str(ROOT / "katas" / "linear"), str(course)], check=True)
    (course / "linear" / "text" / "zh.yaml").unlink()
    text = (course / "linear" / "text" / "zh.md").read_text(encoding="utf-8")
    (course / "linear" / "text" / "zh.md").write_text(
        text.replace("## 面试题", "## 问题"), encoding="utf-8"
    )
    _, problems = validate_all(course)
    found = {(Path(p.file).name, p.field) for p in problems}
    assert ("zh.yaml", "") in found
    assert ("zh.md", "## 面试题") in found


# --- the real command, in Chinese --------------------------------------------------------------


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("zh")
    (folder / "workspace").mkdir()
    (folder / "workspace" / "linear.py").write_text(WRONG_LINEAR, encoding="utf-8")
    return folder


def assert_chinese(output: str) -> None:
    assert len(HAN.findall(output)) > 20, output
    ids = re.compile(r"\b(?:" + "|".join(load_catalogue()) + r")\b")  # names, not English
    left = english_sentences(ids.sub("", output))
    assert not left, f"English left: {left}\n{output}"


@pytest.mark.parametrize(
    "args",
    [
        ("explain", "linear"),
        ("explain", "conv2d"),
        ("hint", "linear", "--all"),
        ("list",),
        ("status",),
        ("--help",),
        ("check", "--help"),
    ],
    ids=lambda args: " ".join(args),
)
def test_the_command_speaks_chinese(workspace: Path, args: tuple[str, ...]) -> None:
    result = dlkata(*args, "--lang", "zh", "--color", "never", cwd=workspace)
    assert result.returncode == 0, result.stderr
    assert_chinese(result.stdout)


def test_a_failing_check_reads_in_chinese(workspace: Path) -> None:
    result = dlkata("check", "linear", "-v", "--color", "never", cwd=workspace, LANG="zh_CN.UTF-8")
    assert result.returncode == 1, result.stderr
    assert_chinese(result.stdout)
    assert "linear_backward" in result.stdout  # the function at fault keeps its name


def test_the_json_report_keeps_english_keys_and_chinese_messages(workspace: Path) -> None:
    result = dlkata("check", "linear", "--format", "json", cwd=workspace, DLKATA_LANG="zh")
    report = json.loads(result.stdout)
    kata = report["katas"][0]
    assert kata["status"] == "failed" and report["summary"]["verdict"] == "failed"
    failed = [t for t in kata["tests"] if t["status"] == "failed"]
    assert failed and all(HAN.search(t["message"]) and HAN.search(t["description"]) for t in failed)
    assert HAN.search(kata["title"])


def test_the_chinese_stub_begins_with_the_task_and_is_still_not_started(tmp_path: Path) -> None:
    result = dlkata("new", "linear", "--lang", "zh", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "workspace" / "linear.py").read_text(encoding="utf-8")
    header, _, code = written.partition("\n\n")
    assert HAN.search(header) and all(line.startswith("# ") for line in header.splitlines())
    assert code == (ROOT / "katas" / "linear" / "stub.py").read_text(encoding="utf-8")
    status = dlkata("list", "--format", "json", cwd=tmp_path)
    linear = next(k for k in json.loads(status.stdout)["katas"] if k["id"] == "linear")
    assert linear["status"] == "not_started"
