# wrong(dropout_forward, dropout_backward): p == 1 not special-cased: x * mask / (1 - p) is NaN


def dropout_forward(x, p, *, training=True, rng=None):
    if not 0 <= p <= 1:
        raise ValueError(f"p must be in [0, 1], got {p}")
    if not training or p == 0:
        return x.copy(), None
    if rng is None:
        raise ValueError("rng is required")
    mask = rng.random(x.shape) < 1 - p
    return x * mask / (1 - p), (mask, p)


def dropout_backward(dout, cache):
    if cache is None:
        return dout.copy()
    mask, p = cache
    return dout * mask / (1 - p)
