# expect(failed): switches the audit hook off by writing process memory, then reads the reference
# says: your solution tried to read files outside its own file, Python and NumPy (/proc/self/maps)
# requires: landlock
"""NumPy can view any address (`__array_interface__`), so code in the learner's process can undo
anything that lives in it, the audit hook included. What the kernel enforces (Landlock, seccomp)
holds regardless: the read below fails, so this file returns wrong values and fails."""

import sys
import types

import dlkata.worker.guard as guard
import numpy as np

STATUS = {"hook disabled": False, "reference read": "not tried"}


def _words(address, count):
    interface = {"data": (address, False), "shape": (count,), "typestr": "<u8", "version": 3}
    return np.asarray(type("Raw", (), {"__array_interface__": interface})())


def _disable_hook():
    """Find the hook function through its code object, then its slot in the interpreter's list
    of audit hooks, and point that slot at a harmless function (CPython 3.10 to 3.13 layout)."""
    code = next(
        c
        for c in guard.install_audit_hook.__code__.co_consts
        if isinstance(c, types.CodeType) and c.co_name == "hook"
    )
    harmless = lambda event, args: None  # noqa: E731
    try:  # the sandbox's allow-list leaves /proc/self/maps unreadable: no addresses to write
        with open("/proc/self/maps") as maps:
            regions = [line.split() for line in maps]
    except PermissionError:
        return harmless
    readable = [
        tuple(int(x, 16) for x in r[0].split("-"))
        for r in regions
        if r[1].startswith("rw") and not (len(r) > 5 and r[5].startswith("[v"))
    ]

    def find(value):
        for low, high in readable:
            words = _words(low, (high - low) // 8)
            yield from (low + 8 * int(i) for i in np.flatnonzero(words == value))

    for slot in find(id(code)):  # func_code is the 7th word of a function object
        function = slot - 48
        if any(lo <= function < hi for lo, hi in readable) and _words(function + 8, 1)[0] == id(
            types.FunctionType
        ):
            for item in find(function):
                _words(item, 1)[0] = id(harmless)
                _words(id(harmless), 1)[0] += 1  # the list now holds a reference
                STATUS["hook disabled"] = True
    return harmless


KEEP = _disable_hook()
if STATUS["hook disabled"]:
    try:
        exec(open(guard.__file__.replace("dlkata/worker/guard.py", "reference/linear.py")).read())
        STATUS["reference read"] = "yes"
    except PermissionError as exc:
        STATUS["reference read"] = f"refused by the kernel ({exc.strerror})"
print(STATUS, file=sys.stderr)

if STATUS["reference read"] != "yes":

    def linear_forward(x, w, b):
        return np.zeros((x.shape[0], w.shape[0])), (x, w)

    def linear_backward(dout, cache):
        x, w = cache
        return np.zeros_like(x), np.zeros_like(w), np.zeros(w.shape[0])
