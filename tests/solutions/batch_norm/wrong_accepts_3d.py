# wrong(batch_norm_forward): accepts any x with a channel axis, (N, C, L) and 5-D included
import numpy as np
from correct_vectorised import batch_norm_backward  # noqa: F401
from correct_vectorised import batch_norm_forward as _forward


def batch_norm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim < 2:
        raise ValueError("x needs a channel axis")
    if x.ndim in (2, 4):
        return _forward(
            x, gamma, beta, running_mean, running_var, training=training, momentum=momentum, eps=eps
        )
    x4 = x.reshape(*x.shape[:2], -1, 1)  # "(N, C, L) is just an image of width 1"
    out, rm, rv, cache = _forward(
        x4, gamma, beta, running_mean, running_var, training=training, momentum=momentum, eps=eps
    )
    return out.reshape(x.shape), rm, rv, cache
