"""Kernel-enforced limits for the learner's process on Linux: what an audit hook cannot promise.

The audit hook (`guard.py`) lives inside the learner's process, so code that can write that
process's memory (a NumPy array can be pointed at any address through `__array_interface__`)
could switch it off, and some calls raise no audit event at all (`_posixsubprocess.fork_exec`,
`os.pidfd_open`). The layers here are enforced by the kernel and cannot be undone by the process
that installed them:

- Landlock (Linux 5.13+): the hidden tests and the references cannot be opened for reading, and
  no file can be written, created or deleted (except `/dev/null`).
- seccomp: the process cannot start programs or processes (threads are fine), signal or trace
  another process, open a socket, or raise its resource limits. A forbidden call kills it with
  SIGSYS, which the judge names; the learner's code cannot catch that.
- The process dies with the judge that started it (no orphan keeps running after a crash).

Everything is best effort: on another OS, an older kernel or an unknown CPU a layer is skipped and
the audit hook remains. Install these after the resource limits and before the audit hook (which
refuses ctypes, used here).
"""

from __future__ import annotations

import ctypes
import os
import platform
import signal
import struct
import sys
from collections.abc import Iterable

_PR_SET_PDEATHSIG = 1
_PR_SET_NO_NEW_PRIVS = 38

# -- seccomp -----------------------------------------------------------------------------------

_SECCOMP_SET_MODE_FILTER = 1
_SECCOMP_FILTER_FLAG_TSYNC = 1
_RET_KILL_PROCESS = 0x80000000
_RET_ERRNO = 0x00050000
_RET_ALLOW = 0x7FFF0000
_EPERM, _ENOSYS = 1, 38
_CLONE_THREAD = 0x00010000
_X32_SYSCALL_BIT = 0x40000000

# BPF opcodes: load a 32-bit word of `struct seccomp_data`, compare, return.
_LD_ABS = 0x20
_JEQ, _JGE, _JSET = 0x15, 0x35, 0x45
_RET = 0x06
# offsets in `struct seccomp_data`: nr, arch, then 64-bit args (little-endian: low word first)
_NR, _ARCH = 0, 4


def _arg(index: int, high: bool = False) -> int:
    return 16 + 8 * index + (4 if high else 0)


# audit architecture and syscall numbers; fork and vfork do not exist on aarch64
_SYSCALLS: dict[str, tuple[int, dict[str, int]]] = {
    "x86_64": (
        0xC000003E,
        {
            "execve": 59,
            "execveat": 322,
            "fork": 57,
            "vfork": 58,
            "clone": 56,
            "clone3": 435,
            "kill": 62,
            "tkill": 200,
            "tgkill": 234,
            "rt_sigqueueinfo": 129,
            "rt_tgsigqueueinfo": 297,
            "pidfd_open": 434,
            "pidfd_send_signal": 424,
            "pidfd_getfd": 438,
            "ptrace": 101,
            "process_vm_readv": 310,
            "process_vm_writev": 311,
            "setrlimit": 160,
            "prlimit64": 302,
            "seccomp": 317,
            "socket": 41,
            "io_uring_setup": 425,
        },
    ),
    "aarch64": (
        0xC00000B7,
        {
            "execve": 221,
            "execveat": 281,
            "clone": 220,
            "clone3": 435,
            "kill": 129,
            "tkill": 130,
            "tgkill": 131,
            "rt_sigqueueinfo": 138,
            "rt_tgsigqueueinfo": 240,
            "pidfd_open": 434,
            "pidfd_send_signal": 424,
            "pidfd_getfd": 438,
            "ptrace": 117,
            "process_vm_readv": 270,
            "process_vm_writev": 271,
            "setrlimit": 164,
            "prlimit64": 261,
            "seccomp": 277,
            "socket": 198,
            "io_uring_setup": 425,
        },
    ),
}
# killed outright: starting programs or processes, reaching into other processes, and the
# network (a socket could fetch a published reference; io_uring can open sockets by itself)
_KILLED = (
    "execve",
    "execveat",
    "fork",
    "vfork",
    "tkill",
    "pidfd_open",
    "pidfd_send_signal",
    "pidfd_getfd",
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "socket",
    "io_uring_setup",
)
# allowed only when their first argument is this process (raise_signal, abort, faulthandler)
_SELF_ONLY = ("kill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo")


class _Program:
    """A tiny classic-BPF assembler: instructions, with jumps to named labels."""

    def __init__(self) -> None:
        self.code: list[tuple[int, int | str, int | str, int]] = []
        self.labels: dict[str, int] = {}

    def load(self, offset: int) -> None:
        self.code.append((_LD_ABS, 0, 0, offset))

    def jump(self, op: int, value: int, if_true: int | str, if_false: int | str = 0) -> None:
        self.code.append((op, if_true, if_false, value))

    def ret(self, value: int) -> None:
        self.code.append((_RET, 0, 0, value))

    def label(self, name: str) -> None:
        self.labels[name] = len(self.code)

    def assemble(self) -> bytes:
        def offset(target: int | str, at: int) -> int:
            if isinstance(target, int):
                return target
            distance = self.labels[target] - at - 1
            assert 0 <= distance < 256, "seccomp program jump out of range"
            return distance

        return b"".join(
            struct.pack("=HBBI", op, offset(jt, at), offset(jf, at), k)
            for at, (op, jt, jf, k) in enumerate(self.code)
        )


def seccomp_program(machine: str, pid: int) -> bytes | None:
    """The filter for this CPU, or None when its syscall numbers are not known here."""
    if machine not in _SYSCALLS:
        return None
    arch, numbers = _SYSCALLS[machine]
    p = _Program()
    p.load(_ARCH)
    p.jump(_JEQ, arch, 0, "kill")
    p.load(_NR)
    if machine == "x86_64":
        p.jump(_JGE, _X32_SYSCALL_BIT, "kill")
    for name in _KILLED:
        if name in numbers:
            p.jump(_JEQ, numbers[name], "kill")
    p.jump(_JEQ, numbers["setrlimit"], "eperm")
    p.jump(_JEQ, numbers["seccomp"], "eperm")
    # glibc tries clone3 first and falls back to clone, whose flags a filter can read
    p.jump(_JEQ, numbers["clone3"], "enosys")
    p.jump(_JEQ, numbers["clone"], "clone")
    p.jump(_JEQ, numbers["prlimit64"], "prlimit")
    for name in _SELF_ONLY:
        p.jump(_JEQ, numbers[name], "self")
    p.ret(_RET_ALLOW)
    p.label("clone")  # a new thread shares the process; anything else is a new process
    p.load(_arg(0))
    p.jump(_JSET, _CLONE_THREAD, "allow", "kill")
    p.label("self")  # pid_t is 32 bits: the low word is the whole argument
    p.load(_arg(0))
    p.jump(_JEQ, pid, "allow", "kill")
    p.label("prlimit")  # reading a limit passes new_limit == NULL; setting one is refused
    p.load(_arg(2))
    p.jump(_JEQ, 0, 0, "eperm")
    p.load(_arg(2, high=True))
    p.jump(_JEQ, 0, "allow", "eperm")
    p.label("allow")
    p.ret(_RET_ALLOW)
    p.label("kill")
    p.ret(_RET_KILL_PROCESS)
    p.label("eperm")
    p.ret(_RET_ERRNO | _EPERM)
    p.label("enosys")
    p.ret(_RET_ERRNO | _ENOSYS)
    return p.assemble()


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _install_seccomp(libc: ctypes.CDLL) -> bool:
    machine = platform.machine()
    program = seccomp_program(machine, os.getpid())
    if program is None:
        return False
    buffer = ctypes.create_string_buffer(program, len(program))
    fprog = _SockFprog(len(program) // 8, ctypes.addressof(buffer))
    number = _SYSCALLS[machine][1]["seccomp"]
    result = libc.syscall(
        ctypes.c_long(number),
        ctypes.c_long(_SECCOMP_SET_MODE_FILTER),
        ctypes.c_long(_SECCOMP_FILTER_FLAG_TSYNC),
        ctypes.byref(fprog),
    )
    return result == 0


# -- Landlock ----------------------------------------------------------------------------------

_LANDLOCK_CREATE_RULESET, _LANDLOCK_ADD_RULE, _LANDLOCK_RESTRICT_SELF = 444, 445, 446
_LANDLOCK_CREATE_RULESET_VERSION = 1
_LANDLOCK_RULE_PATH_BENEATH = 1
_FS_WRITE_FILE, _FS_READ_FILE = 1 << 1, 1 << 2
_FS_REMOVE_DIR, _FS_REMOVE_FILE = 1 << 4, 1 << 5
_FS_MAKE_ANY = sum(1 << bit for bit in range(6, 13))  # char, dir, reg, sock, fifo, block, sym
_FS_REFER, _FS_TRUNCATE = 1 << 13, 1 << 14  # ABI 2 and ABI 3


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def _inside(path: str, roots: Iterable[str]) -> bool:
    return any(path == root or path.startswith(root.rstrip("/") + "/") for root in roots)


def readable_rules(protected: Iterable[str]) -> list[str] | None:
    """Paths to allow reading beneath so that everything except `protected` stays readable.

    Landlock can only allow, so we allow every sibling of every folder on the way down to a
    protected folder. None when a folder on the way cannot be listed (we then do not restrict).
    """
    roots = [os.path.realpath(p) for p in protected if os.path.isdir(p)]
    roots = [r for r in roots if r != "/"]
    on_the_way = {"/"}
    for root in roots:
        folder = root
        while folder != "/":
            folder = os.path.dirname(folder)
            on_the_way.add(folder)
    rules = []
    for folder in sorted(on_the_way):
        try:
            names = os.listdir(folder)
        except OSError:
            return None
        for name in names:
            path = os.path.join(folder, name)
            if path in on_the_way or _inside(path, roots):
                continue
            real = os.path.realpath(path)  # a link into (or above) a protected folder stays out
            if _inside(real, roots) or any(_inside(root, [real]) for root in roots):
                continue
            rules.append(path)
    return rules


def _install_landlock(libc: ctypes.CDLL, protected: Iterable[str], readable: Iterable[str]) -> bool:
    abi = libc.syscall(
        ctypes.c_long(_LANDLOCK_CREATE_RULESET),
        None,
        ctypes.c_size_t(0),
        ctypes.c_uint32(_LANDLOCK_CREATE_RULESET_VERSION),
    )
    if abi < 1:
        return False
    paths = readable_rules(protected)
    if paths is None:
        return False
    handled = _FS_READ_FILE | _FS_WRITE_FILE | _FS_REMOVE_DIR | _FS_REMOVE_FILE | _FS_MAKE_ANY
    handled |= (_FS_REFER if abi >= 2 else 0) | (_FS_TRUNCATE if abi >= 3 else 0)
    attr = _RulesetAttr(handled)
    ruleset = libc.syscall(
        ctypes.c_long(_LANDLOCK_CREATE_RULESET),
        ctypes.byref(attr),
        ctypes.c_size_t(ctypes.sizeof(attr)),
        ctypes.c_uint32(0),
    )
    if ruleset < 0:
        return False
    try:
        grants = [(p, _FS_READ_FILE) for p in [*paths, *readable]]
        grants.append((os.devnull, _FS_READ_FILE | _FS_WRITE_FILE | (handled & _FS_TRUNCATE)))
        for path, access in grants:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue  # unreadable anyway
            try:
                rule = _PathBeneathAttr(access, fd)
                libc.syscall(
                    ctypes.c_long(_LANDLOCK_ADD_RULE),
                    ctypes.c_int(ruleset),
                    ctypes.c_int(_LANDLOCK_RULE_PATH_BENEATH),
                    ctypes.byref(rule),
                    ctypes.c_uint32(0),
                )
            finally:
                os.close(fd)
        result = libc.syscall(
            ctypes.c_long(_LANDLOCK_RESTRICT_SELF), ctypes.c_int(ruleset), ctypes.c_uint32(0)
        )
        return result == 0
    finally:
        os.close(ruleset)


# -- all together ------------------------------------------------------------------------------


def install(protected: Iterable[str], readable: Iterable[str]) -> list[str]:
    """Install every layer this system supports; returns the names of those in force.

    `protected` are folders that must not be read; `readable` are files inside them that may be
    (the learner's own file, when it sits there).
    """
    if not sys.platform.startswith("linux"):
        return []
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.syscall.restype = ctypes.c_long
        libc.prctl.restype = ctypes.c_int
    except (OSError, AttributeError):
        return []
    active = []
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
        active.append("die-with-judge")
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return active  # both Landlock and an unprivileged seccomp filter need it
    if _install_landlock(libc, protected, readable):
        active.append("landlock")
    if _install_seccomp(libc):
        active.append("seccomp")
    return active
