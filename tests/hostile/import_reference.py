# expect(error): imports the reference solution (reference/ is beside the dlkata package)
# says: a solution may not read the grader's files (reference/linear.py)
from reference.linear import linear_backward, linear_forward  # noqa: F401
