# expect(error): imports the reference solution (reference/ is beside the dlkata package)
# says: No module named 'reference' here: a solution may import only NumPy
from reference.linear import linear_backward, linear_forward  # noqa: F401
