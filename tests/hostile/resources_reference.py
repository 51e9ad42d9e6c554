# expect(failed): reads the reference through importlib.resources, swallowing the refusal
# says: your solution tried to read the grader's files (reference/linear.py)
import importlib.resources

from _correct import linear_backward, linear_forward  # noqa: F401

try:
    exec(importlib.resources.files("reference").joinpath("linear.py").read_text())
except PermissionError:
    pass
