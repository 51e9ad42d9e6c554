# expect(failed): writes forged messages to the grader's channel (a huge length, then garbage)
# says: your process sent the grader something that is not an answer
import json
import os
import struct
import sys

from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward

WRITE_FD = json.loads(sys.argv[1])["write_fd"] if len(sys.argv) > 1 else None


def linear_forward(x, w, b):
    if WRITE_FD is not None:
        os.write(WRITE_FD, struct.pack("<Q", 2**62) + b"\xff" * 64)
    return _forward(x, w, b)
