# wrong(numerical_gradient): only h == 0 is rejected; a negative h is used as it is
from correct_loops import numerical_gradient as _correct
from correct_loops import relative_error  # noqa: F401


def numerical_gradient(f, x, *, h=1e-5):
    if h == 0:
        raise ValueError("h must not be zero")
    return _correct(f, x, h=abs(h))
