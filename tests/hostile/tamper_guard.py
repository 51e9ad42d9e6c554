# expect(failed): rebinds the guard module's globals (os, the refusal table) then reads the reference
# says: your solution tried to tamper with the grader
import sys
import types

from _correct import linear_backward, linear_forward  # noqa: F401

guard = sys.modules.get("dlkata.worker.guard")
if guard is not None:
    fake_path = types.SimpleNamespace(realpath=lambda path: "/nowhere", join=lambda *p: "/")
    guard.os = types.SimpleNamespace(path=fake_path, fsdecode=lambda p: "/nowhere", devnull="/")
    guard._REFUSED_PREFIXES = {}
try:
    from reference.linear import linear_backward, linear_forward  # noqa: F401, F811
except PermissionError:
    pass
