# expect(failed): opens a folder above the hidden tests, then opens them relative to it (dir_fd)
# says: your solution tried to read the grader's files
import os
from pathlib import Path

import dlkata

from _correct import linear_backward, linear_forward  # noqa: F401

ROOT = Path(dlkata.__file__).resolve().parent.parent
ATTEMPTS = [
    (ROOT, "katas/linear/test_linear.py"),
    (ROOT / "tests", "../katas/linear/test_linear.py"),
    (Path("/"), str(ROOT)[1:] + "/reference/linear.py"),
]
for folder, relative in ATTEMPTS:
    try:
        fd = os.open(folder, os.O_RDONLY)
        with os.fdopen(os.open(relative, os.O_RDONLY, dir_fd=fd)) as stream:
            STOLEN = stream.read()
    except (PermissionError, FileNotFoundError):
        pass
