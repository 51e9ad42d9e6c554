# expect(failed): writes a file and makes a folder in /tmp, swallowing the refusals
# says: your solution tried to write files (/tmp/dlkata-hostile
import os

from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward

TARGET = f"/tmp/dlkata-hostile-{os.getpid()}"


def linear_forward(x, w, b):
    for attempt in (lambda: open(TARGET + ".txt", "w").write("pwned"), lambda: os.mkdir(TARGET)):
        try:
            attempt()
        except PermissionError:
            pass
    return _forward(x, w, b)
