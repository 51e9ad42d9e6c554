# expect(failed): deletes a file (one that does not exist: nothing is lost), swallowing it
# says: your solution tried to delete a file
import os

from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward


def linear_forward(x, w, b):
    try:
        os.remove("this-file-does-not-exist.txt")
    except (PermissionError, FileNotFoundError):
        pass
    return _forward(x, w, b)
