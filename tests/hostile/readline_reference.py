# expect(failed): reads reference/linear.py with readline, which the audit hook cannot see
# says: differs from the expected values
# requires: landlock
import readline
import sys

import numpy as np

REFERENCE = sys.modules["dlkata"].__path__[0].rpartition("/")[0] + "/reference"

try:
    readline.clear_history()
    readline.read_history_file(REFERENCE + "/linear.py")
    count = readline.get_current_history_length()
    lines = [readline.get_history_item(i) for i in range(1, count + 1)]
    exec("\n".join(lines))  # the reference's own functions, if the kernel let the read through
except OSError:

    def linear_forward(x, w, b):  # without the reference, a wrong answer
        return np.zeros((x.shape[0], w.shape[0])), (x, w)

    def linear_backward(dout, cache):
        x, w = cache
        return np.zeros_like(x), np.zeros_like(w), np.zeros(w.shape[0])
