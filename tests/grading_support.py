"""Grading a file through the real `dlkata check --file ... --format json`, for the tests."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from dlkata.bundle import bundle, bundled_source
from dlkata.cli import app
from tests.cli_support import ENVIRONMENT

_runner = CliRunner()


def grade_file(kata_id: str, path: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    """Exit code and the one kata's JSON record; a file that imports a sibling solution is
    graded in its one-file form (the grader reads nothing but the graded file)."""
    with tempfile.TemporaryDirectory(prefix="dlkata-graded-") as folder:
        return _grade(kata_id, bundle(path, Path(folder)), *extra)


def _grade(kata_id: str, path: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    # none of the variables that change dlkata's behaviour (in CI a kata not started is skipped)
    result = _runner.invoke(
        app,
        ["check", kata_id, "--file", str(path), "--format", "json", *extra],
        env=dict.fromkeys(ENVIRONMENT),
    )
    try:
        document = json.loads(result.stdout)
    except json.JSONDecodeError as exc:
        raise AssertionError(
            f"not one JSON document (exit {result.exit_code}):\n{result.stdout}\n{result.stderr}"
        ) from exc
    (kata,) = document["katas"]
    return result.exit_code, kata


def grade_many(files: dict[str, Path], *extra: str) -> tuple[int, dict[str, dict[str, Any]]]:
    """Exit code and each kata's JSON record, for one file per kata graded by one real
    `dlkata check KATA... --dir WORKSPACE --format json`: the katas share their judges' start-up,
    as in `check --all`, so the project's hundreds of solution files are graded in a few runs."""
    with tempfile.TemporaryDirectory(prefix="dlkata-graded-") as folder:
        workspace = Path(folder)
        for kata_id, path in files.items():
            (workspace / f"{kata_id}.py").write_text(bundled_source(path), encoding="utf-8")
        result = _runner.invoke(
            app,
            ["check", *files, "--dir", str(workspace), "--format", "json", *extra],
            env=dict.fromkeys(ENVIRONMENT),
        )
    try:
        document = json.loads(result.stdout)
    except json.JSONDecodeError as exc:
        raise AssertionError(
            f"not one JSON document (exit {result.exit_code}):\n{result.stdout}\n{result.stderr}"
        ) from exc
    return result.exit_code, {kata["id"]: kata for kata in document["katas"]}


def failures(kata: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for t in kata["tests"] if t["status"] != "passed"]


def summary(kata: dict[str, Any]) -> str:
    """The failing tests, one line each, for assertion messages."""
    lines = [f"{t['name']}: [{t['function']}] {t['message']}" for t in failures(kata)]
    if kata.get("error"):
        lines.insert(0, f"error: {kata['error']}")
    return "\n".join(lines) or "(no failures)"
