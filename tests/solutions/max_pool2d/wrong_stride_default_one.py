# wrong(max_pool2d_forward): stride=None defaults to 1 instead of the kernel size
from correct_vectorised import _setup, max_pool2d_backward  # noqa: F401
from correct_vectorised import max_pool2d_forward as _forward


def max_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    if stride is None:
        stride = 1
    return _forward(x, kernel_size=kernel_size, stride=stride, padding=padding)
