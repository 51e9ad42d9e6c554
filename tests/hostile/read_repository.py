# expect(failed): reads a correct solution from the clone's tests/solutions and its .git folder
# says: your solution tried to read the grader's files (
import sys
from pathlib import Path

import numpy as np

CLONE = Path(sys.modules["dlkata"].__path__[0]).parent  # loaded already: no file is read
try:
    (CLONE / ".git" / "HEAD").read_text()
except OSError:
    pass
try:
    exec((CLONE / "tests" / "solutions" / "linear" / "correct_loops.py").read_text())
except OSError:

    def linear_forward(x, w, b):  # without the stolen file, a wrong answer
        return np.zeros((x.shape[0], w.shape[0])), (x, w)

    def linear_backward(dout, cache):
        x, w = cache
        return np.zeros_like(x), np.zeros_like(w), np.zeros(w.shape[0])
