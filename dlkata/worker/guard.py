"""Limits and an audit hook for the learner's process, installed before the learner's file loads.

The process boundary is the real protection: verdicts are computed in the judge, which never runs
learner code. This layer adds honest refusals on top (reading the hidden tests or the references,
starting processes, opening sockets, loading C code, signalling other processes, deleting or
writing files), and reports each refusal to the judge at once over the channel, so a solution
that catches the `PermissionError` is still named. Audit hooks cannot be removed once added.
"""

from __future__ import annotations

import os
import resource
import signal
from collections.abc import Callable
from pathlib import Path

# Events refused outright, by prefix, with what the report says was tried.
_REFUSED_PREFIXES = {
    "subprocess.": "start a subprocess",
    "os.system": "start a subprocess",
    "os.exec": "start a subprocess",
    "os.posix_spawn": "start a subprocess",
    "os.spawn": "start a subprocess",
    "os.fork": "fork the process",
    "pty.spawn": "start a subprocess",
    "socket.": "open a network socket",
    "ctypes.": "load or call C code through ctypes",
    "os.kill": "send a signal to another process",
    "os.killpg": "send a signal to another process",
    "signal.pthread_kill": "send a signal",
    "os.remove": "delete a file",
    "os.rmdir": "delete a folder",
    "shutil.rmtree": "delete a folder",
    "os.rename": "rename a file",
    "os.truncate": "truncate a file",
    "os.chmod": "change file permissions",
    "os.chown": "change file ownership",
    "os.symlink": "create a link",
    "os.link": "create a link",
    "resource.setrlimit": "change the grader's resource limits",
    "resource.prlimit": "change the grader's resource limits",
    "gc.get_objects": "walk the garbage collector's objects",
    "gc.get_referrers": "walk the garbage collector's objects",
    "gc.get_referents": "walk the garbage collector's objects",
}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def apply_limits(memory_bytes: int, cpu_seconds: int, output_bytes: int) -> None:
    """Address-space, CPU and file-size limits; over-long output fails a write, not the process."""
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_FSIZE, (output_bytes, output_bytes))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def install_audit_hook(
    protected: tuple[str, ...], allowed_files: tuple[str, ...], report: Callable[[str], None]
) -> None:
    """Refuse what a solution has no business doing; `report` tells the judge what was tried."""
    protected_roots = tuple(os.path.join(os.path.realpath(p), "") for p in protected)
    allowed = frozenset(os.path.realpath(f) for f in allowed_files)
    pid = str(os.getpid())

    def refuse(what: str) -> None:
        report(what)
        raise PermissionError(f"dlkata: a solution may not {what}")

    def check_open(path: object, mode: object, flags: object) -> None:
        if isinstance(path, int):
            return
        try:
            name = os.fsdecode(path)  # type: ignore[arg-type]
        except TypeError:
            return
        real = os.path.realpath(name)
        if real not in allowed and real.startswith(protected_roots):
            refuse(f"read the grader's files ({Path(real).name})")
        if real.startswith("/proc/") and not real.startswith(("/proc/self/", f"/proc/{pid}/")):
            refuse("read another process's memory or files")
        writing = isinstance(flags, int) and flags & _WRITE_FLAGS
        if isinstance(mode, str) and any(c in mode for c in "wax+"):
            writing = True
        if writing and real != os.devnull:
            refuse(f"write files ({name})")

    def hook(event: str, args: tuple) -> None:
        if event == "open":
            check_open(*args[:3])
            return
        for prefix, what in _REFUSED_PREFIXES.items():
            if event.startswith(prefix):
                refuse(what)

    import sys

    sys.addaudithook(hook)
