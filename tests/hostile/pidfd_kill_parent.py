# expect(failed): kills the grader through a pidfd (pidfd_open raises no audit event)
# says: stopped by the grader's sandbox (SIGSYS)
# requires: seccomp
import os
import signal

from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward


def linear_forward(x, w, b):
    try:
        signal.pidfd_send_signal(os.pidfd_open(os.getppid()), signal.SIGKILL)
    except OSError:
        pass
    return _forward(x, w, b)
