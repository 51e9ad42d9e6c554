# expect(failed): reads the grader's command line and memory map through /proc, swallowing it
# says: your solution tried to read another process's memory or files
import os

from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward


def linear_forward(x, w, b):
    for name in ("cmdline", "maps", "mem"):
        try:
            with open(f"/proc/{os.getppid()}/{name}", "rb") as stream:
                stream.read(100)
        except OSError:
            pass
    return _forward(x, w, b)
