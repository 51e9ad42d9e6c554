# expect(failed): starts a program through _posixsubprocess.fork_exec, which raises no audit event
# says: stopped by the grader's sandbox (SIGSYS)
# requires: seccomp
import _posixsubprocess
import os

from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward


def linear_forward(x, w, b):
    err_read, err_write = os.pipe()
    try:
        _posixsubprocess.fork_exec(
            [b"/bin/sh", b"-c", b"cat reference/linear.py"],
            [b"/bin/sh"],
            True,
            (),
            None,
            None,
            -1,
            -1,
            -1,
            -1,
            -1,
            -1,
            err_read,
            err_write,
            True,
            False,
            -1,
            None,
            None,
            None,
            -1,
            None,
            False,
        )
    except OSError:
        pass
    return _forward(x, w, b)
