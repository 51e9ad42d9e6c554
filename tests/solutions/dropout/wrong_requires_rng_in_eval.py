# wrong(dropout_forward): rng demanded even in evaluation mode / p == 0, where nothing is drawn
from correct_binomial import dropout_backward  # noqa: F401
from correct_binomial import dropout_forward as _correct


def dropout_forward(x, p, *, training=True, rng=None):
    if rng is None:
        raise ValueError("rng is required")
    return _correct(x, p, training=training, rng=rng)
