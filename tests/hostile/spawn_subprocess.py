# expect(failed): runs a shell command with subprocess and os.system, swallowing the refusals
# says: your solution tried to start a subprocess
import os
import subprocess

from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward


def linear_forward(x, w, b):
    attempts = (lambda: subprocess.run(["cat", "reference/linear.py"]), lambda: os.system("ls"))
    for attempt in attempts:
        try:
            attempt()
        except PermissionError:
            pass
    return _forward(x, w, b)
