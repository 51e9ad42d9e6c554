# expect(failed): reads the hidden tests (katas/linear/test_linear.py), swallowing the refusal
# says: your solution tried to read the grader's files (katas/linear/test_linear.py)
import sys
from pathlib import Path

from _correct import linear_backward, linear_forward  # noqa: F401

try:
    ROOT = Path(sys.modules["dlkata"].__path__[0]).parent  # loaded already: no file is read
    HIDDEN = (ROOT / "katas" / "linear" / "test_linear.py").read_text()
except PermissionError:
    HIDDEN = ""
