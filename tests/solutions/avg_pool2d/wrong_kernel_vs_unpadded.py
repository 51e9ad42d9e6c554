# wrong(avg_pool2d_forward): refuses a kernel larger than the input that fits the padded one
from correct_integral_image import avg_pool2d_backward  # noqa: F401
from correct_integral_image import avg_pool2d_forward as _forward


def avg_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    kh, kw = kernel_size if isinstance(kernel_size, (tuple, list)) else (kernel_size, kernel_size)
    if x.ndim == 4 and (x.shape[2] < kh or x.shape[3] < kw):
        raise ValueError("the kernel is larger than the input")
    return _forward(x, kernel_size=kernel_size, stride=stride, padding=padding)
