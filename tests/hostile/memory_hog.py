# expect(failed): allocates gigabytes, 80 MB at a time (graded with --memory-limit 512M)
# says: `linear_forward` ran out of memory (the limit is 512 MB
# options: --memory-limit 512M
import numpy as np

from _correct import linear_backward  # noqa: F401


def linear_forward(x, w, b):
    hoard = []
    while True:
        hoard.append(np.ones(10_000_000))
