# expect(error): imports a module that is not installed
# says: No module named 'dlkata_no_such_module'
import dlkata_no_such_module  # noqa: F401

from _correct import linear_backward, linear_forward  # noqa: F401
