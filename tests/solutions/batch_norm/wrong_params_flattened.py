# wrong(batch_norm_forward): flattens gamma and beta, so a (C, 1) scale or shift is accepted
import numpy as np
from correct_vectorised import batch_norm_backward  # noqa: F401
from correct_vectorised import batch_norm_forward as _forward


def batch_norm_forward(
    x, gamma, beta, running_mean, running_var, *, training=True, momentum=0.1, eps=1e-5
):
    # "gamma and beta sometimes come as column vectors": the running stats are still checked
    gamma, beta = np.ravel(gamma), np.ravel(beta)
    if x.ndim in (2, 4) and (gamma.size != x.shape[1] or beta.size != x.shape[1]):
        raise ValueError("one scale and one shift per channel expected")
    return _forward(x, gamma, beta, running_mean, running_var, training=training,
                    momentum=momentum, eps=eps)  # fmt: skip
