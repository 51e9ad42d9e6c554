# expect(failed): kills its own process with SIGTERM (os.kill is refused, raise_signal is not)
# says: killed by signal SIGTERM
import signal

from _correct import linear_backward  # noqa: F401


def linear_forward(x, w, b):
    signal.raise_signal(signal.SIGTERM)
