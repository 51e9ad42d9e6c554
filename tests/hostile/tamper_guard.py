# expect(failed): rebinds the guard's globals (os, the refusal table), then reads the reference
# says: dlkata.worker.guard.os
import sys
import types

from _correct import linear_backward, linear_forward  # noqa: F401

guard = sys.modules.get("dlkata.worker.guard")
if guard is not None:
    fake_path = types.SimpleNamespace(realpath=lambda path: "/nowhere", join=lambda *p: "/")
    guard.os = types.SimpleNamespace(path=fake_path, fsdecode=lambda p: "/nowhere", devnull="/")
    guard._REFUSED_PREFIXES = {}
try:  # by path: `import reference` is turned away before any file is opened
    ROOT = sys.modules["dlkata"].__path__[0].rpartition("/")[0]
    exec(open(ROOT + "/reference/linear.py").read())
except PermissionError:
    pass
