# wrong(batch_norm_forward): no shape check on gamma, beta, running stats: (1,) broadcasts
import numpy as np
from correct_vectorised import batch_norm_backward  # noqa: F401
from correct_vectorised import batch_norm_forward as _forward


def batch_norm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    if x.ndim not in (2, 4):
        raise ValueError("x must be (N, C) or (N, C, H, W)")
    c = x.shape[1]
    params = [np.broadcast_to(v, (c,)).copy() for v in (gamma, beta, running_mean, running_var)]
    return _forward(x, *params, training=training, momentum=momentum, eps=eps)
