"""Hidden tests for the batch_norm kata."""

from __future__ import annotations

import numpy as np

from dlkata.judge import (
    assert_close,
    check_backward,
    check_call,
    check_gradient_numerically,
    expect_value_error,
    fail,
    note,
)

FWD = "batch_norm_forward"
BWD = "batch_norm_backward"
OUTPUTS = ("out", "new_running_mean", "new_running_var")
GRADS = ("dx", "dgamma", "dbeta")


def _inputs(shape, seed, *, loc=0.5, scale=2.0):
    """x, gamma, beta, running_mean, running_var; running stats far from the batch's."""
    rng = np.random.default_rng(seed)
    c = shape[1]
    return {
        "x": rng.normal(loc, scale, size=shape),
        "gamma": rng.normal(1.0, 0.5, size=c),
        "beta": rng.normal(0.0, 0.5, size=c),
        "running_mean": rng.normal(0.0, 1.0, size=c),
        "running_var": rng.uniform(0.3, 3.0, size=c),
    }


def _forward(solution, reference, inp, hint, outputs=("out",), **kwargs):
    return check_call(solution, reference, FWD, *inp.values(), outputs=outputs, hint=hint, **kwargs)


# ---------------------------------------------------------------- forward, training


def test_training_output_2d(solution, reference):
    for seed, shape in enumerate([(6, 3), (2, 5), (9, 1)]):
        _forward(solution, reference, _inputs(shape, seed), note("normalise"))


def test_training_output_4d(solution, reference):
    for seed, shape in enumerate([(2, 3, 4, 5), (1, 2, 3, 4), (3, 4, 1, 2), (4, 2, 2, 2)]):
        _forward(solution, reference, _inputs(shape, 10 + seed), note("axes"))


def test_running_statistics_update(solution, reference):
    cases = [
        ((5, 3), {}),
        ((2, 3, 2, 3), {}),
        ((4, 2), {"momentum": 0.3}),
        ((3, 2, 2, 1), {"momentum": 0.75}),
    ]
    for seed, (shape, kwargs) in enumerate(cases):
        inp = _inputs(shape, 20 + seed)
        got = solution.call(FWD, *inp.values(), **kwargs)
        expected = reference.call(FWD, *inp.values(), **kwargs)
        if not isinstance(got, (tuple, list)) or len(got) != 4:
            fail(
                note("must_return_four", function=FWD),
                function=FWD,
            )
        for k, name in ((1, "new_running_mean"), (2, "new_running_var")):
            assert_close(
                got[k],
                expected[k],
                what=note(
                    "running_stat",
                    function=FWD,
                    name=name,
                    shape=shape,
                    kwargs=kwargs or note("defaults"),
                ),
                function=FWD,
                inputs={**inp, **kwargs},
                hint=note("running"),
            )


def test_all_outputs_with_options(solution, reference):
    for seed, shape in enumerate([(4, 3), (2, 2, 3, 2)]):
        for training in (True, False):
            inp = _inputs(shape, 30 + seed)
            _forward(
                solution,
                reference,
                inp,
                note("normalise"),
                outputs=OUTPUTS,
                training=training,
                momentum=0.2,
                eps=1e-2,
            )


def test_small_variance(solution, reference):
    for seed, shape in enumerate([(8, 3), (2, 3, 3, 2)]):
        inp = _inputs(shape, 40 + seed, loc=2.0, scale=1e-3)
        _forward(solution, reference, inp, note("eps"), outputs=OUTPUTS)


def test_constant_channel(solution, reference):
    inp = _inputs((3, 3, 2, 2), 50)
    inp["x"][:, 1] = 4.0
    out = _forward(solution, reference, inp, note("eps"), outputs=OUTPUTS)[0]
    assert_close(
        np.asarray(out)[:, 1],
        np.full((3, 2, 2), inp["beta"][1]),
        what=note("constant_channel_output"),
        function=FWD,
        hint=note("constant_channel"),
    )


def test_integer_inputs(solution, reference):
    x = np.array([[1.0, -2.0, 3.0], [3.0, 0.0, 3.0], [2.0, 4.0, 3.0], [-2.0, 2.0, 3.0]])
    inp = {
        "x": x,
        "gamma": np.array([1.0, 2.0, -1.0]),
        "beta": np.array([0.0, 1.0, 0.5]),
        "running_mean": np.array([0.0, 1.0, 2.0]),
        "running_var": np.array([1.0, 4.0, 2.0]),
    }
    _forward(solution, reference, inp, note("normalise"), outputs=OUTPUTS)
    _forward(solution, reference, inp, note("eval"), outputs=OUTPUTS, training=False)


# ---------------------------------------------------------------- forward, evaluation


def test_eval_mode(solution, reference):
    for seed, shape in enumerate([(4, 3), (1, 5), (2, 3, 2, 4), (1, 2, 1, 1)]):
        _forward(
            solution,
            reference,
            _inputs(shape, 60 + seed),
            note("eval"),
            outputs=OUTPUTS,
            training=False,
        )


def test_eval_batch_of_one(solution, reference):
    inp = _inputs((1, 4), 70)
    _forward(solution, reference, inp, note("eval"), outputs=OUTPUTS, training=False)


# ---------------------------------------------------------------- backward


def test_backward_training(solution, reference):
    for seed, shape in enumerate([(5, 3), (2, 3, 4, 5), (1, 2, 3, 3), (7, 1)]):
        check_backward(
            solution,
            reference,
            FWD,
            BWD,
            _inputs(shape, 80 + seed),
            other_kwargs={"training": False},
            outputs=OUTPUTS,
            upstream=("out",),
            grads=GRADS,
            seed=seed,
            hint=note("backward_train"),
        )


def test_backward_eval(solution, reference):
    for seed, shape in enumerate([(5, 3), (2, 3, 2, 3), (1, 4)]):
        # a batch of one cannot train: its second forward pass changes eps instead
        other = {"training": True} if shape[0] > 1 else {"eps": 1e-2}
        check_backward(
            solution,
            reference,
            FWD,
            BWD,
            _inputs(shape, 90 + seed),
            kwargs={"training": False},
            other_kwargs=other,
            outputs=OUTPUTS,
            upstream=("out",),
            grads=GRADS,
            seed=seed,
            hint=note("backward_eval"),
        )


def test_backward_options(solution, reference):
    for training in (True, False):
        check_backward(
            solution,
            reference,
            FWD,
            BWD,
            _inputs((3, 2, 2, 3), 95),
            kwargs={"training": training, "momentum": 0.5, "eps": 1e-1},
            other_kwargs={"training": not training, "eps": 1e-3},
            outputs=OUTPUTS,
            upstream=("out",),
            grads=GRADS,
            seed=3,
            hint=note("backward_train") if training else note("backward_eval"),
        )


def test_backward_matches_own_forward_training(solution):
    for seed, shape in enumerate([(4, 3), (2, 2, 3, 2)]):
        check_gradient_numerically(
            solution,
            FWD,
            BWD,
            _inputs(shape, 100 + seed),
            outputs=OUTPUTS,
            upstream=("out",),
            grads=GRADS,
            seed=seed,
            hint=note("backward_train"),
        )


def test_backward_matches_own_forward_eval(solution):
    check_gradient_numerically(
        solution,
        FWD,
        BWD,
        _inputs((3, 2, 2, 2), 110),
        kwargs={"training": False},
        outputs=OUTPUTS,
        upstream=("out",),
        grads=GRADS,
        hint=note("backward_eval"),
    )


# ---------------------------------------------------------------- errors


def test_parameters_of_the_wrong_shape_are_a_value_error(solution):
    cases = [((3, 3), (1,)), ((3, 3), (3, 1)), ((2, 3, 2, 2), (1,)), ((2, 3, 2, 2), (3, 1))]
    for seed, (shape, bad_shape) in enumerate(cases):
        good = _inputs(shape, 120 + seed)
        for name in ("gamma", "beta", "running_mean", "running_var"):
            bad = np.full(bad_shape, 0.5) + good[name].mean()
            args = {**good, name: bad}
            expect_value_error(
                solution,
                FWD,
                *args.values(),
                because=note("param_shape_for_x", name=name, got=bad_shape, x=shape),
            )
    good = _inputs((4, 3), 125)
    for name, bad in (("gamma", np.ones(4)), ("running_mean", np.zeros(2))):
        expect_value_error(
            solution,
            FWD,
            *{**good, name: bad}.values(),
            because=note("param_shape", name=name, got=bad.shape),
        )


def test_input_that_is_not_2d_or_4d_is_a_value_error(solution):
    for seed, shape in enumerate([(3,), (2, 3, 4), (2, 3, 2, 2, 2)]):
        inp = _inputs((2, 3), 130 + seed)
        inp["x"] = np.random.default_rng(seed).normal(size=shape)
        for training in (True, False):
            expect_value_error(
                solution,
                FWD,
                *inp.values(),
                training=training,
                because=note("x_not_2d_or_4d", shape=shape),
            )


def test_one_value_per_channel_in_training_is_a_value_error(solution):
    for shape in ((1, 3), (1, 3, 1, 1)):
        inp = _inputs(shape, 121)
        expect_value_error(
            solution,
            FWD,
            *inp.values(),
            training=True,
            because=note("one_value_per_channel", shape=shape),
        )


def test_dout_of_the_wrong_shape_is_a_value_error(solution):
    for training in (True, False):
        for shape, bad_shape in (((4, 3), (1, 3)), ((2, 3, 2, 2), (2, 3, 1, 1))):
            inp = _inputs(shape, 140)
            cache = solution.call(FWD, *inp.values(), training=training)[-1]
            expect_value_error(
                solution,
                BWD,
                np.ones(bad_shape),
                cache,
                because=note("dout_shape", dout=bad_shape, x=shape),
            )
