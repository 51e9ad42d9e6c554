"""Kernel-enforced limits for the learner's process on Linux: what an audit hook cannot promise.

The audit hook (`guard.py`) lives inside the learner's process, so code that can write that
process's memory (a NumPy array can be pointed at any address through `__array_interface__`)
could switch it off, and some calls raise no audit event at all (`_posixsubprocess.fork_exec`,
`os.pidfd_open`). The layers here are enforced by the kernel and cannot be undone by the process
that installed them:

- Landlock (Linux 5.13+), as an allow-list: the process may read the Python runtime, NumPy, the
  shared libraries they load and the snapshot of its own file, nothing else (not dlkata, not the
  learner's other files, not a clone's `.git` or `tests/`); it may write nothing but `/dev/null`.
  Where the kernel has signal scoping (Landlock ABI 6), it cannot signal any process outside its
  own sandbox either.
- seccomp: the process cannot start programs or processes (threads are fine), signal, trace,
  re-prioritise or re-schedule another process, open a socket, raise its resource limits, change
  any file's metadata (mode, owner, extended attributes, timestamps), ask for SIGIO on a file
  (`F_SETOWN`), or use an administrator's powers (mount, reboot, modules, clocks, namespaces ...)
  even when the grader runs as root. Any of these kills it with SIGSYS, which the judge names
  (raising a resource limit or installing another filter fails with EPERM instead).
- The process dies with the judge that started it (no orphan keeps running after a crash).

Everything is best effort: on another OS, an older kernel or an unknown CPU a layer is skipped,
the judge says so in the report, and the audit hook remains. Install these after the resource
limits and before the audit hook (which refuses ctypes, used here).
"""

from __future__ import annotations

import ctypes
import os
import platform
import signal
import struct
import sys
from collections.abc import Callable, Iterable

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
            "fcntl": 72,
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
            "fcntl": 25,
        },
    ),
}
# Also killed: calls with effects outside the process. File metadata (Landlock governs reads and
# writes, not modes, owners, extended attributes or timestamps); other processes' priority,
# affinity and scheduling; and an administrator's powers, which a grader started as root would
# otherwise hand to the learner's code. A kill (SIGSYS) is named in the report, where a refused
# call that the solution swallows would go unseen. x86_64 numbers (tested here); other CPUs
# keep the filter above and the audit hook.
_KILLED_X86_64: dict[str, dict[str, int]] = {
    "x86_64": {
        # file metadata
        "chmod": 90,
        "fchmod": 91,
        "fchmodat": 268,
        "fchmodat2": 452,
        "chown": 92,
        "fchown": 93,
        "lchown": 94,
        "fchownat": 260,
        "setxattr": 188,
        "lsetxattr": 189,
        "fsetxattr": 190,
        "removexattr": 197,
        "lremovexattr": 198,
        "fremovexattr": 199,
        "utime": 132,
        "utimes": 235,
        "futimesat": 261,
        "utimensat": 280,
        # other processes
        "setpriority": 141,
        "sched_setparam": 142,
        "sched_setscheduler": 144,
        "sched_setaffinity": 203,
        "sched_setattr": 314,
        "ioprio_set": 251,
        "migrate_pages": 256,
        "move_pages": 279,
        "process_madvise": 440,
        "kcmp": 312,
        "setpgid": 109,
        "setsid": 112,
        # an administrator's powers
        "mount": 165,
        "umount2": 166,
        "pivot_root": 155,
        "chroot": 161,
        "swapon": 167,
        "swapoff": 168,
        "reboot": 169,
        "sethostname": 170,
        "setdomainname": 171,
        "iopl": 172,
        "ioperm": 173,
        "init_module": 175,
        "finit_module": 313,
        "delete_module": 176,
        "kexec_load": 246,
        "kexec_file_load": 320,
        "settimeofday": 164,
        "clock_settime": 227,
        "clock_adjtime": 305,
        "adjtimex": 159,
        "acct": 163,
        "quotactl": 179,
        "setns": 308,
        "unshare": 272,
        "bpf": 321,
        "perf_event_open": 298,
        "open_by_handle_at": 304,
        "name_to_handle_at": 303,
        "keyctl": 250,
        "add_key": 248,
        "request_key": 249,
        "syslog": 103,
        "mknod": 133,
        "mknodat": 259,
        "fanotify_init": 300,
        "userfaultfd": 323,
        "open_tree": 428,
        "move_mount": 429,
        "fsopen": 430,
        "fsconfig": 431,
        "fsmount": 432,
        "fspick": 433,
        "mount_setattr": 442,
        "quotactl_fd": 443,
        "setuid": 105,
        "setgid": 106,
        "setreuid": 113,
        "setregid": 114,
        "setresuid": 117,
        "setresgid": 119,
        "setfsuid": 122,
        "setfsgid": 123,
        "setgroups": 116,
        "capset": 126,
        "vhangup": 153,
    },
}
# fcntl commands that make the kernel signal a process chosen by the caller
_F_SETOWN, _F_SETSIG, _F_SETOWN_EX = 8, 10, 15
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
    for number in _KILLED_X86_64.get(machine, {}).values():
        p.jump(_JEQ, number, "kill")
    p.jump(_JEQ, numbers["fcntl"], "fcntl")
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
    p.label("fcntl")  # F_SETOWN and friends would have the kernel signal another process
    p.load(_arg(1))
    for command in (_F_SETOWN, _F_SETSIG, _F_SETOWN_EX):
        p.jump(_JEQ, command, "kill")
    p.ret(_RET_ALLOW)
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
_FS_WRITE_FILE, _FS_READ_FILE, _FS_READ_DIR = 1 << 1, 1 << 2, 1 << 3
_FS_REMOVE_DIR, _FS_REMOVE_FILE = 1 << 4, 1 << 5
_FS_MAKE_ANY = sum(1 << bit for bit in range(6, 13))  # char, dir, reg, sock, fifo, block, sym
_FS_REFER, _FS_TRUNCATE, _FS_IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15  # ABI 2, 3 and 5
_NET_BIND_TCP, _NET_CONNECT_TCP = 1, 2  # ABI 4
_SCOPE_ABSTRACT_UNIX_SOCKET, _SCOPE_SIGNAL = 1, 2  # ABI 6
# shared-library folders: what a lazily imported extension module of the standard library loads
_LIBRARY_DIRS = ("/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib")
_PACKAGE_DIRS = ("site-packages", "dist-packages")


class _RulesetAttr(ctypes.Structure):
    _fields_ = [
        ("handled_access_fs", ctypes.c_uint64),
        ("handled_access_net", ctypes.c_uint64),
        ("scoped", ctypes.c_uint64),
    ]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def _children(folder: str, skip: Callable[[str], bool]) -> list[str]:
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return [os.path.join(folder, name) for name in sorted(names) if not skip(name)]


def readable_paths(own_files: Iterable[str]) -> tuple[list[str], list[str]]:
    """What the learner's process may read, as (folders, files): the standard library (without
    its site-packages), NumPy and the libraries bundled with it, the system's shared libraries
    (without Python's folders there), and its own file. Everything else, dlkata included wherever
    it is installed or cloned, stays unreadable."""
    import numpy

    folders: set[str] = set()
    for stdlib in _stdlib_dirs():
        folders.update(_children(stdlib, lambda name: name in _PACKAGE_DIRS))
    numpy_dir = os.path.dirname(os.path.realpath(numpy.__file__))
    folders.add(numpy_dir)
    bundled = numpy_dir + ".libs"  # OpenBLAS, as the wheels ship it
    if os.path.isdir(bundled):
        folders.add(bundled)
    for library_dir in _LIBRARY_DIRS:
        real = os.path.realpath(library_dir)
        folders.update(_children(real, lambda name: name.startswith("python")))
    files = [os.path.realpath(f) for f in own_files]
    files += [p for p in ("/etc/ld.so.cache", "/dev/urandom") if os.path.exists(p)]
    return sorted(folders), files


def _stdlib_dirs() -> set[str]:
    import sysconfig

    return {os.path.realpath(sysconfig.get_path(key)) for key in ("stdlib", "platstdlib")}


def listable_dirs(own_files: Iterable[str]) -> list[str]:
    """Folders whose names (not contents) may be listed: the standard library's and the one
    holding the learner's file, so that the import system can look for modules there."""
    return sorted(_stdlib_dirs() | {os.path.dirname(os.path.realpath(f)) for f in own_files})


def import_path(path: list[str]) -> list[str]:
    """The import path the learner's process keeps: the standard library's entries only (NumPy
    is already imported). Nothing outside the allow-list is then even looked for, so NumPy's own
    probes of installed packages (`importlib.metadata`) find nothing instead of being refused."""
    base = os.path.realpath(sys.base_prefix) + "/"
    kept = []
    for entry in path:
        real = os.path.realpath(entry) if entry else ""
        parts = real.split("/")
        if real.startswith(base) and not any(name in _PACKAGE_DIRS for name in parts):
            kept.append(entry)
    return kept


def _install_landlock(
    libc: ctypes.CDLL, folders: Iterable[str], files: Iterable[str], listable: Iterable[str]
) -> bool:
    abi = libc.syscall(
        ctypes.c_long(_LANDLOCK_CREATE_RULESET),
        None,
        ctypes.c_size_t(0),
        ctypes.c_uint32(_LANDLOCK_CREATE_RULESET_VERSION),
    )
    if abi < 1:
        return False
    handled = _FS_READ_FILE | _FS_READ_DIR | _FS_WRITE_FILE | _FS_REMOVE_DIR | _FS_REMOVE_FILE
    handled |= _FS_MAKE_ANY | (_FS_REFER if abi >= 2 else 0) | (_FS_TRUNCATE if abi >= 3 else 0)
    handled |= _FS_IOCTL_DEV if abi >= 5 else 0
    attr = _RulesetAttr(
        handled,
        _NET_BIND_TCP | _NET_CONNECT_TCP if abi >= 4 else 0,
        _SCOPE_SIGNAL | _SCOPE_ABSTRACT_UNIX_SOCKET if abi >= 6 else 0,
    )
    size = 24 if abi >= 6 else 16 if abi >= 4 else 8
    ruleset = libc.syscall(
        ctypes.c_long(_LANDLOCK_CREATE_RULESET),
        ctypes.byref(attr),
        ctypes.c_size_t(size),
        ctypes.c_uint32(0),
    )
    if ruleset < 0:
        return False
    try:
        grants = [(p, _FS_READ_FILE | _FS_READ_DIR) for p in folders]
        grants += [(p, _FS_READ_FILE) for p in files]
        grants += [(p, _FS_READ_DIR) for p in listable]
        grants.append((os.devnull, _FS_READ_FILE | _FS_WRITE_FILE | (handled & _FS_TRUNCATE)))
        for path, access in grants:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue  # unreadable anyway
            try:
                if not os.path.isdir(path):
                    access &= ~_FS_READ_DIR  # a file's rule may only grant file rights
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


def install(own_files: Iterable[str]) -> list[str]:
    """Install every layer this system supports; returns the names of those in force.

    `own_files` are the learner's own files, the only ones of theirs that may be read.
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
    own_files = list(own_files)
    if _install_landlock(libc, *readable_paths(own_files), listable_dirs(own_files)):
        active.append("landlock")
    if _install_seccomp(libc):
        active.append("seccomp")
    return active
