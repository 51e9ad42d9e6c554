# expect(failed): prints a fake passing run and a fake JSON report, then returns wrong values
# says: differs from the expected values
import json
import sys

import numpy as np

from _correct import linear_backward  # noqa: F401

FAKE = json.dumps({"katas": [{"id": "linear", "status": "passed", "tests": []}]})
print(FAKE)
print("===== 15 passed in 0.01s =====\n✓ linear passed", file=sys.stderr)


def linear_forward(x, w, b):
    print(FAKE)
    sys.stderr.write(FAKE + "\n")
    return np.zeros((x.shape[0], w.shape[0])) + 1.0, (x, w)
