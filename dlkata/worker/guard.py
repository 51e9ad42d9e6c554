"""Limits and an audit hook for the learner's process, installed before the learner's file loads.

The process boundary is the real protection: verdicts are computed in the judge, which never runs
learner code. This layer adds honest refusals on top (reading the hidden tests or the references,
starting processes, opening sockets, loading C code, signalling other processes, deleting or
writing files), and reports each refusal to the judge at once over the channel, so a solution
that catches the `PermissionError` is still named. Audit hooks cannot be removed once added; on
Linux, `sandbox.py` adds kernel-enforced layers underneath for what a hook cannot promise.

The hook must not depend on anything the learner's code can rebind: module globals (of this
module, `os`, `posixpath`) and builtins can all be replaced from the learner's file. So every
function and table it uses is bound when it is installed, as a local of the closure, and paths
are resolved here with the raw `posix` functions rather than with `os.path.realpath`.
"""

from __future__ import annotations

import os
import posix
import resource
import signal
import stat
import sys
from collections.abc import Callable

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
    "os.lchmod": "change file permissions",
    "os.chflags": "change file flags",
    "os.lchflags": "change file flags",
    "os.chown": "change file ownership",
    "os.lchown": "change file ownership",
    "os.utime": "change file timestamps",
    "os.setxattr": "change a file's extended attributes",
    "os.removexattr": "change a file's extended attributes",
    "os.symlink": "create a link",
    "os.link": "create a link",
    "os.mkdir": "make a folder",
    "resource.setrlimit": "change the grader's resource limits",
    "resource.prlimit": "change the grader's resource limits",
    "gc.get_objects": "walk the garbage collector's objects",
    "gc.get_referrers": "walk the garbage collector's objects",
    "gc.get_referents": "walk the garbage collector's objects",
    "sys.addaudithook": "add an audit hook",  # a known entry in the hook list helps unhook ours
}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_MAX_LINKS = 40


def apply_limits(memory_bytes: int, cpu_seconds: int, output_bytes: int) -> None:
    """Address-space, CPU and file-size limits; over-long output fails a write, not the process.

    No core files: a crash must not drop a multi-megabyte `core` beside the learner's file.
    """
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_FSIZE, (output_bytes, output_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _make_realpath() -> Callable[[str], str]:
    """`os.path.realpath` (non-strict) built only from functions the learner cannot rebind."""
    lstat, readlink, getcwd, is_link = posix.lstat, posix.readlink, posix.getcwd, stat.S_ISLNK
    str_split, str_rpartition, str_startswith = str.split, str.rpartition, str.startswith
    list_pop, list_extend, list_reverse = list.pop, list.extend, list.reverse
    os_error, max_links = OSError, _MAX_LINKS

    def realpath(path: str) -> str:
        if not str_startswith(path, "/"):
            path = getcwd() + "/" + path
        todo = str_split(path, "/")
        list_reverse(todo)
        resolved, links = "", 0
        while todo:
            name = list_pop(todo)
            if name in ("", "."):
                continue
            if name == "..":
                resolved = str_rpartition(resolved, "/")[0]
                continue
            candidate = resolved + "/" + name
            try:
                mode = lstat(candidate).st_mode
            except os_error:
                resolved = candidate  # does not exist (yet): the rest is taken literally
                continue
            if not is_link(mode) or links >= max_links:
                resolved = candidate
                continue
            links += 1
            target = readlink(candidate)
            if str_startswith(target, "/"):
                resolved = ""
            rest = str_split(target, "/")
            list_reverse(rest)
            list_extend(todo, rest)
        return resolved or "/"

    return realpath


def install_audit_hook(
    protected: tuple[str, ...],
    readable: tuple[list[str], list[str]],
    report: Callable[[str], None],
) -> None:
    """Refuse what a solution has no business doing; `report` tells the judge what was tried.

    Reads are an allow-list, the same as Landlock's: `readable` is (folders, files); opening
    anything else is refused, and a file of the grader's (under `protected`) is named as such.
    """
    realpath = _make_realpath()
    # (root with a trailing slash, where the name shown in reports starts): a file under
    # "<dir>/katas/" is named "katas/linear/test_linear.py"
    roots = tuple(
        (root, len(str.rpartition(root[:-1], "/")[0]) + 1)
        for root in (str.rstrip(realpath(p), "/") + "/" for p in protected)
    )
    folders, files = readable
    allowed = frozenset(realpath(f) for f in [*files, os.devnull])
    readable_roots = tuple(str.rstrip(realpath(f), "/") + "/" for f in folders)
    refused = tuple(_REFUSED_PREFIXES.items())
    own_pid, devnull, write_flags, write_modes = (
        str(posix.getpid()),
        os.devnull,
        _WRITE_FLAGS,
        "wax+",
    )
    stat_of, is_dir = posix.stat, stat.S_ISDIR
    # builtins and str methods, bound now: the learner's file may replace builtins.isinstance
    type_of, is_instance, str_type, bytes_type, int_type = type, isinstance, str, bytes, int
    to_str, decode, starts_with, partition, is_digit = (
        str.__str__,
        bytes.decode,
        str.startswith,
        str.partition,
        str.isdigit,
    )
    permission_error, os_error = PermissionError, OSError

    def refuse(what: str) -> None:
        try:
            report(what)
        finally:  # refused even when reporting was sabotaged
            raise permission_error(f"dlkata: a solution may not {what}")

    def as_text(path: object) -> str | None:
        # open() converts path-like objects before auditing, so this sees str, bytes or an fd
        if type_of(path) is str_type:
            return path  # type: ignore[return-value]
        if is_instance(path, str_type):
            return to_str(path)  # a plain copy: a subclass's methods are not trusted
        if is_instance(path, bytes_type):
            return decode(path, "utf-8", "surrogateescape")
        return None

    def check_open(path: object, mode: object, flags: object) -> None:
        name = as_text(path)
        if name is None:
            return  # an already open file descriptor
        real = realpath(name)
        writing = type_of(flags) is int_type and flags & write_flags
        if is_instance(mode, str_type):
            mode = to_str(mode)
            for letter in write_modes:
                if letter in mode:
                    writing = True
        if writing and real != devnull:
            refuse(f"write files ({name})")
        readable = real in allowed
        for root in readable_roots:  # first: NumPy may sit inside a clone (its .venv)
            if readable or starts_with(real, root):
                readable = True
                break
        if not readable:
            for root, shown_from in roots:
                if starts_with(real + "/", root):
                    refuse(f"read the grader's files ({real[shown_from:]})")
            if starts_with(real, "/proc/"):
                process = partition(real[6:], "/")[0]
                if is_digit(process) and process != own_pid:
                    refuse("read another process's memory or files")
            refuse(f"read files outside its own file, Python and NumPy ({name})")
        # A folder's descriptor lets `os.open(name, dir_fd=...)` open a path that this hook
        # would resolve against the wrong folder, so no folder may be opened as a file.
        try:
            folder = is_dir(stat_of(real).st_mode)
        except os_error:
            folder = False
        if folder:
            refuse(f"open a folder as a file descriptor ({name})")

    def hook(event: str, args: tuple) -> None:
        if event == "open":
            check_open(*args[:3])
            return
        for prefix, what in refused:
            if starts_with(event, prefix):
                refuse(what)

    sys.addaudithook(hook)
