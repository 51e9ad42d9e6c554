# expect(failed): kills its own process with SIGTERM (os.kill is refused, raise_signal is not)
# says: your process was killed by signal SIGTERM while running `linear_forward`
import signal

from _correct import linear_backward  # noqa: F401


def linear_forward(x, w, b):
    signal.raise_signal(signal.SIGTERM)
