# wrong(lstm_cell_backward): dc_prev is the total gradient of c, without the factor f
from correct_einsum import lstm_cell_backward as _correct_backward
from correct_einsum import lstm_cell_forward  # noqa: F401


def lstm_cell_backward(dh, dc, cache):
    dx, dh_prev, dc_prev, dw_ih, dw_hh, db_ih, db_hh = _correct_backward(dh, dc, cache)
    f = cache["gates"][1]
    return dx, dh_prev, dc_prev / f, dw_ih, dw_hh, db_ih, db_hh  # the bug: c = f * c_prev + ...
