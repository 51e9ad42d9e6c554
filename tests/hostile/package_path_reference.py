# expect(failed): asks dlkata itself where the references are, then loads linear.py from there
# says: reference/linear.py)
import importlib.util

from dlkata.resources import reference_dir

from _correct import linear_backward, linear_forward

try:
    spec = importlib.util.spec_from_file_location("stolen", reference_dir() / "linear.py")
    stolen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stolen)
    linear_forward, linear_backward = stolen.linear_forward, stolen.linear_backward
except PermissionError:
    pass
