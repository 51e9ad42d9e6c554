"""Start a learner process before anyone knows which file it will grade.

A fresh learner process spends most of its start-up importing NumPy. Started early (the judge
starts one before importing its own modules, and `dlkata watch` keeps a judge with one waiting),
it is ready when the learner's file is known: the judge then sends it the configuration, and
only then does it apply its limits and sandbox and import the file, exactly as a cold start
would. This module imports nothing heavy, so that the start is the first thing a judge does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from dlkata.resources import PACKAGE_DIR

_BOOTSTRAP = (
    "import sys; sys.path.insert(0, sys.argv[2]); from dlkata.worker.child import main; main()"
)
# nothing of the judge's environment but what Python and NumPy need: no PYTHON* variables
_KEPT_VARIABLES = ("PATH", "HOME", "LANG", "TMPDIR")
# BLAS and OpenMP pinned to one thread, in the judge as in the learner process
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


@dataclass
class Spawned:
    """A learner process waiting for its configuration on `write_fd`; it answers on `read_fd`.
    `folder` is its working directory, where the judge puts the snapshot of the learner's file,
    and `capture` the file that receives everything it prints."""

    process: subprocess.Popen[bytes]
    read_fd: int
    write_fd: int
    folder: Path
    capture: IO[bytes]


def spawn_worker(folder: Path | None = None, capture: IO[bytes] | None = None) -> Spawned:
    """A new learner process, in its own session (so that its whole group can be killed), with
    the channel's pipes as its only extra file descriptors."""
    folder = folder or Path(tempfile.mkdtemp(prefix="dlkata-solution-"))
    capture = capture or tempfile.TemporaryFile()
    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()
    env = {k: v for k, v in os.environ.items() if k in _KEPT_VARIABLES} | ONE_THREAD
    channel = json.dumps({"read_fd": to_child_r, "write_fd": from_child_w})
    try:
        process = subprocess.Popen(
            [sys.executable, "-I", "-c", _BOOTSTRAP, channel, str(PACKAGE_DIR.parent)],
            stdin=subprocess.DEVNULL,
            stdout=capture,
            stderr=capture,
            pass_fds=(to_child_r, from_child_w),
            env=env,
            cwd=folder,
            start_new_session=True,
        )
    except BaseException:
        os.close(to_child_w)
        os.close(from_child_r)
        raise
    finally:
        os.close(to_child_r)
        os.close(from_child_w)
    return Spawned(process, from_child_r, to_child_w, folder, capture)
