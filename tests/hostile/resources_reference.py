# expect(error): reads the reference through importlib.resources, as if it were a package
# says: No module named 'reference' here: a solution may import only NumPy
import importlib.resources

from _correct import linear_backward, linear_forward  # noqa: F401

try:
    exec(importlib.resources.files("reference").joinpath("linear.py").read_text())
except PermissionError:  # not reached: the import of `reference` is turned away first
    pass
