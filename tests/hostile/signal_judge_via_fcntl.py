# expect(failed): asks the kernel to send the judge SIGIO (F_SETOWN, O_ASYNC) to interrupt it
# says: stopped by the grader's sandbox (SIGSYS)
# requires: seccomp
import fcntl
import os

from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward


def linear_forward(x, w, b):
    read_end, write_end = os.pipe()
    fcntl.fcntl(read_end, fcntl.F_SETOWN, os.getppid())
    fcntl.fcntl(read_end, fcntl.F_SETFL, os.O_ASYNC)
    os.write(write_end, b"x")
    return _forward(x, w, b)
