# expect(failed): defines linear_forward but not linear_backward
# says: `linear_backward` is not defined; expected `def linear_backward(dout, cache)`
from _correct import linear_forward  # noqa: F401
