# wrong(avg_pool2d_forward): pools any array over its last two axes, not only (N, C, H, W)
import numpy as np
from correct_integral_image import avg_pool2d_backward  # noqa: F401
from correct_integral_image import avg_pool2d_forward as _forward


def avg_pool2d_forward(x, *, kernel_size, stride=None, padding=0):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 4:
        return _forward(x, kernel_size=kernel_size, stride=stride, padding=padding)
    x4 = x.reshape(-1, 1, *x.shape[-2:])  # "an unbatched input is fine too"
    out, cache = _forward(x4, kernel_size=kernel_size, stride=stride, padding=padding)
    return out.reshape(*x.shape[:-2], *out.shape[-2:]), cache
