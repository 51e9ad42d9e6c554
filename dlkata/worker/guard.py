"""Limits and an audit hook for the learner's process, installed before the learner's file loads.

The process boundary is the real protection: verdicts are computed in the judge, which never runs
learner code. This layer adds honest refusals on top (reading the hidden tests or the references,
starting processes, opening sockets, loading C code, signalling other processes, deleting or
writing files), and reports each refusal to the judge at once over the channel, so a solution
that catches the `PermissionError` is still named. Audit hooks cannot be removed once added; on
Linux, `sandbox.py` adds kernel-enforced layers underneath for what a hook cannot promise.

A refusal is reported as data, a code and a detail (a path), and worded by the judge with
`actions()`; the `PermissionError` the solution sees is worded here, in the language the judge
gave the learner's process, with words bound when the hook is installed.

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

from dlkata.i18n import _

# Events refused outright, by prefix, with the code of what was tried (worded by `actions`).
_REFUSED_PREFIXES = {
    "subprocess.": "subprocess",
    "os.system": "subprocess",
    "os.exec": "subprocess",
    "os.posix_spawn": "subprocess",
    "os.spawn": "subprocess",
    "os.fork": "fork",
    "pty.spawn": "subprocess",
    "socket.": "socket",
    "ctypes.": "ctypes",
    "os.kill": "kill",
    "os.killpg": "kill",
    "signal.pthread_kill": "signal",
    "os.remove": "delete_file",
    "os.rmdir": "delete_folder",
    "shutil.rmtree": "delete_folder",
    "os.rename": "rename",
    "os.truncate": "truncate",
    "os.chmod": "chmod",
    "os.lchmod": "chmod",
    "os.chflags": "chflags",
    "os.lchflags": "chflags",
    "os.chown": "chown",
    "os.lchown": "chown",
    "os.utime": "utime",
    "os.setxattr": "xattr",
    "os.removexattr": "xattr",
    "os.symlink": "link",
    "os.link": "link",
    "os.mkdir": "mkdir",
    "resource.setrlimit": "rlimit",
    "resource.prlimit": "rlimit",
    "gc.get_objects": "gc",
    "gc.get_referrers": "gc",
    "gc.get_referents": "gc",
    "sys.addaudithook": "audit_hook",  # a known entry in the hook list helps unhook ours
}


def actions() -> dict[str, str]:
    """What a solution tried, by violation code, in the current language: each completes "your
    solution tried to ..." and "a solution may not ...". `{details}` is what it tried it on (a
    path, the names of what it patched)."""
    return {
        "subprocess": _("start a subprocess"),
        "fork": _("fork the process"),
        "socket": _("open a network socket"),
        "ctypes": _("load or call C code through ctypes"),
        "kill": _("send a signal to another process"),
        "signal": _("send a signal"),
        "delete_file": _("delete a file"),
        "delete_folder": _("delete a folder"),
        "rename": _("rename a file"),
        "truncate": _("truncate a file"),
        "chmod": _("change file permissions"),
        "chflags": _("change file flags"),
        "chown": _("change file ownership"),
        "utime": _("change file timestamps"),
        "xattr": _("change a file's extended attributes"),
        "link": _("create a link"),
        "mkdir": _("make a folder"),
        "rlimit": _("change the grader's resource limits"),
        "gc": _("walk the garbage collector's objects"),
        "audit_hook": _("add an audit hook"),
        "write": _("write files ({details})"),
        "grader_files": _("read the grader's files ({details})"),
        "other_process": _("read another process's memory or files"),
        "outside": _("read files outside its own file, Python and NumPy ({details})"),
        "folder_fd": _("open a folder as a file descriptor ({details})"),
        "patch": _("patch NumPy, builtins or the grader ({details}; put back)"),
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
    report: Callable[[str, str | None], None],
) -> None:
    """Refuse what a solution has no business doing; `report` tells the judge what was tried
    (a code of `actions()`, and a detail or None).

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
    # the words of every refusal, in the learner's language, chosen before the hook is installed
    words, refusal, fill = actions(), _("dlkata: a solution may not {action}"), str.format

    def refuse(code: str, detail: str | None = None) -> None:
        try:
            report(code, detail)
        finally:  # refused even when reporting was sabotaged
            raise permission_error(fill(refusal, action=fill(words[code], details=detail)))

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
            refuse("write", name)
        readable = real in allowed
        for root in readable_roots:  # first: NumPy may sit inside a clone (its .venv)
            if readable or starts_with(real, root):
                readable = True
                break
        if not readable:
            for root, shown_from in roots:
                if starts_with(real + "/", root):
                    refuse("grader_files", real[shown_from:])
            if starts_with(real, "/proc/"):
                process = partition(real[6:], "/")[0]
                if is_digit(process) and process != own_pid:
                    refuse("other_process")
            refuse("outside", name)
        # A folder's descriptor lets `os.open(name, dir_fd=...)` open a path that this hook
        # would resolve against the wrong folder, so no folder may be opened as a file.
        try:
            folder = is_dir(stat_of(real).st_mode)
        except os_error:
            folder = False
        if folder:
            refuse("folder_fd", name)

    def hook(event: str, args: tuple) -> None:
        if event == "open":
            check_open(*args[:3])
            return
        for prefix, code in refused:
            if starts_with(event, prefix):
                refuse(code)

    sys.addaudithook(hook)
