# expect(failed): asks dlkata itself where the references are, then loads linear.py from there
# says: reference/linear.py)
import importlib.util
import sys
from pathlib import Path

from _correct import linear_backward, linear_forward

try:
    clone = Path(sys.modules["dlkata"].__path__[0]).parent  # loaded already: no file is read
    spec = importlib.util.spec_from_file_location("stolen", clone / "reference" / "linear.py")
    stolen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stolen)
    linear_forward, linear_backward = stolen.linear_forward, stolen.linear_backward
except PermissionError:
    pass
