# expect(error): forges the grader's 'ready' message with odd fields (a line that is not a number)
# says: your process sent the grader something that is not an answer
import json
import os
import sys

wire = sys.modules["dlkata.worker.wire"]  # loaded already
FORGED = {
    "op": "ready",
    "import_error": {"kind": "syntax", "message": "x", "line": "not a line", "frames": "x"},
    "signatures": "none",
}
os.write(json.loads(sys.argv[1])["write_fd"], wire.pack(FORGED, []))
os._exit(0)
