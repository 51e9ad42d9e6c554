"""Helpers for the CLI, report and journey tests: a clean environment, the CLI runner, and two
self-contained `linear` solutions (written here so these tests do not depend on the solution
suite's files)."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
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
    # the language: a test asks for Chinese itself (--lang zh, DLKATA_LANG, LANG=zh_CN.UTF-8)
    "DLKATA_LANG",
    "LANGUAGE",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
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
    return CliRunner().invoke(app, list(args), env=env)


def subprocess_env(**extra: str) -> dict[str, str]:
    """The current environment without dlkata's variables, plus `extra`, for real processes."""
    env = {k: v for k, v in os.environ.items() if k not in ENVIRONMENT}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return {**env, **extra}


def on_a_terminal(
    *args: str,
    columns: int = 100,
    cwd: Path | None = None,
    interrupt_after: str | None = None,
    **env: str,
) -> str:
    """What a command prints on a pseudo-terminal `columns` wide; with `interrupt_after`, Ctrl-C
    is sent once that text has been printed (to stop `dlkata watch`)."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [str(BIN / "dlkata"), *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        cwd=cwd,
        env=subprocess_env(TERM="xterm-256color", COLUMNS=str(columns), **env),
    )
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        try:
            chunk = os.read(leader, 65536) if ready else b""
        except OSError:  # the terminal closed: the command has finished
            chunk = b""
        if not chunk:
            break
        chunks.append(chunk)
        if interrupt_after and interrupt_after.encode() in b"".join(chunks):
            process.send_signal(signal.SIGINT)
            interrupt_after = None
    os.close(leader)
    process.wait(timeout=30)
    return b"".join(chunks).decode(errors="replace")


def without_styles(text: str) -> str:
    """`text` without terminal control sequences (colours, cursor moves) and carriage returns."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r", "", text)


def screen(text: str) -> list[str]:
    """The lines a terminal shows after `text`, for the controls rich uses to draw and erase a
    live line: carriage return, newline, erase line (ESC [2K), cursor up (ESC [nA); styles and
    cursor visibility are ignored."""
    lines, row, column = [""], 0, 0
    for token in re.findall(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|.|\n", text, re.DOTALL):
        if token == "\n":
            row, column = row + 1, 0
            lines += [""] * (row + 1 - len(lines))
        elif token == "\r":
            column = 0
        elif token == "\x1b[2K":
            lines[row] = ""
        elif token == "\x1b[2J":  # clear the screen (`dlkata watch` before each report)
            lines = [""] * len(lines)
        elif token == "\x1b[H":
            row, column = 0, 0
        elif re.fullmatch(r"\x1b\[\d*A", token):
            row = max(row - int(token[2:-1] or 1), 0)
        elif not token.startswith("\x1b"):
            line = lines[row].ljust(column)
            lines[row] = line[:column] + token + line[column + 1 :]
            column += 1
    return [line.rstrip() for line in lines]
