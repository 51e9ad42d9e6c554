"""Helpers for the CLI, report and journey tests: a clean environment, the CLI runner, and two
self-contained `linear` solutions (written here so these tests do not depend on the solution
suite's files)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from dlkata.cli import app

# variables that change dlkata's behaviour or output; each test starts without them (conftest)
ENVIRONMENT = (
    "CI",
    "GITHUB_ACTIONS",
    "GITHUB_STEP_SUMMARY",
    "GITHUB_WORKSPACE",
    "DLKATA_WORKSPACE",
    "DLKATA_COURSE",
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "COLUMNS",
)
BIN = Path(sys.executable).parent

CORRECT_LINEAR = """\
import numpy as np


def linear_forward(x, w, b):
    if x.ndim != 2 or w.ndim != 2 or x.shape[1] != w.shape[1] or b.shape != (w.shape[0],):
        raise ValueError("shapes do not match")
    return x @ w.T + b, (x, w)


def linear_backward(dout, cache):
    x, w = cache
    if dout.shape != (x.shape[0], w.shape[0]):
        raise ValueError("dout must have the shape of the output")
    return dout @ w, dout.T @ x, dout.sum(axis=0)
"""
# the bias gradient averaged over the batch instead of summed
WRONG_LINEAR = CORRECT_LINEAR.replace("dout.sum(axis=0)", "dout.mean(axis=0)")


def isolate(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    """Run in `folder` (the conftest has already removed the variables above)."""
    monkeypatch.chdir(folder)
    return folder


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    return _runner().invoke(app, list(args), env=env)


def _runner() -> CliRunner:
    """A runner that keeps stderr apart from stdout: click 8.2+ always does; the click that the
    lowest typer allows (8.1) does so only when asked (`make test-min`)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click 8.2+ has no such argument
        return CliRunner()


def subprocess_env(**extra: str) -> dict[str, str]:
    """The current environment without dlkata's variables, plus `extra`, for real processes."""
    env = {k: v for k, v in os.environ.items() if k not in ENVIRONMENT}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return {**env, **extra}
