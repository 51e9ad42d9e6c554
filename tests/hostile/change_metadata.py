# expect(failed): makes the hidden tests unreadable, back-dates and tags them, swallowing refusals
# says: your solution tried to change file permissions
import os
import sys
from pathlib import Path

from _correct import linear_backward, linear_forward  # noqa: F401

HIDDEN = Path(sys.modules["dlkata"].__path__[0]).parent / "katas" / "linear" / "test_linear.py"
for attempt in (
    lambda: os.chmod(HIDDEN, 0),
    lambda: os.utime(HIDDEN, (0, 0)),
    lambda: os.setxattr(HIDDEN, "user.dlkata", b"seen"),
    lambda: os.chmod(__file__, 0),
):
    try:
        attempt()
    except OSError:
        pass
