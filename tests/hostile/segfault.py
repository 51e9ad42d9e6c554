# expect(failed): crashes the interpreter with a segmentation fault (C-level recursion, no limit)
# says: segmentation fault (SIGSEGV) while running `linear_forward`
import functools
import sys

from _correct import linear_backward  # noqa: F401


def _deeper(depth):
    # functools.reduce calls back into Python from C, so each level costs C stack
    return functools.reduce(lambda acc, _: _deeper(depth + 1), [0], 0)


def linear_forward(x, w, b):
    sys.setrecursionlimit(1_000_000_000)
    return _deeper(0)
