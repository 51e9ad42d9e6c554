# expect(failed): finds the call's number on the stack and writes forged, malformed answers
# says: your process sent the grader something that is not an answer (a malformed outcome)
import json
import sys

from dlkata.worker.wire import Channel, Encoder

from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward

CHANNEL = Channel(-1, json.loads(sys.argv[1])["write_fd"])
FORGED = [
    {"raised": {"kind": ["not", "a", "string"], "message": 5, "frames": "nonsense"}},
    {"value": {"$rng": {"bit_generator": "PCG64", "state": "garbage"}}, "modified": [3]},
]


def linear_forward(x, w, b):
    frame = sys._getframe(1)
    while frame is not None and not isinstance(frame.f_locals.get("message"), dict):
        frame = frame.f_back
    seq = frame.f_locals["message"]["seq"] if frame is not None else 1
    outcome = FORGED[seq % 2]
    encoder = Encoder()
    CHANNEL.send({"op": "result", "seq": seq, "outcomes": [outcome]}, encoder.blobs)
    return _forward(x, w, b)
