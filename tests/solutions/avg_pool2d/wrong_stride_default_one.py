# wrong(avg_pool2d_forward): stride=None defaults to 1 instead of the kernel size
from correct_integral_image import avg_pool2d_backward  # noqa: F401
from correct_integral_image import avg_pool2d_forward as _forward


def avg_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    return _forward(
        x, kernel_size=kernel_size, stride=1 if stride is None else stride, padding=padding
    )
