# wrong(avg_pool2d_forward): reads two entries of any sequence: kernel_size=(2, 2, 2) accepted
from correct_integral_image import avg_pool2d_backward  # noqa: F401
from correct_integral_image import avg_pool2d_forward as _forward


def _first_two(value):
    return (value[0], value[1]) if isinstance(value, (tuple, list)) else value


def avg_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    return _forward(
        x,
        kernel_size=_first_two(kernel_size),
        stride=None if stride is None else _first_two(stride),
        padding=_first_two(padding),
    )
