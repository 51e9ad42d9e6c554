# expect(failed): reads the hidden tests (katas/linear/test_linear.py), swallowing the refusal
# says: your solution tried to read the grader's files (katas/linear/test_linear.py)
from dlkata.resources import katas_dir

from _correct import linear_backward, linear_forward  # noqa: F401

try:
    HIDDEN = (katas_dir() / "linear" / "test_linear.py").read_text()
except PermissionError:
    HIDDEN = ""
