# expect(failed): reads reference/linear.py with open() and runs it, swallowing the refusal
# says: your solution tried to read the grader's files (reference/linear.py)
from pathlib import Path

import dlkata

from _correct import linear_backward, linear_forward  # noqa: F401

_SOURCE = Path(dlkata.__file__).resolve().parent.parent / "reference" / "linear.py"
try:
    exec(compile(open(_SOURCE).read(), str(_SOURCE), "exec"))
except PermissionError:
    pass  # keep the correct functions: only the attempt itself can fail this file
