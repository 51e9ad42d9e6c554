# expect(failed): opens a network socket, swallowing the refusal
# says: your solution tried to open a network socket
import socket

from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward


def linear_forward(x, w, b):
    try:
        socket.create_connection(("127.0.0.1", 9), timeout=0.1)
    except OSError:
        pass
    return _forward(x, w, b)
