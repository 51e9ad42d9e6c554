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
)

FWD = "batch_norm_forward"
BWD = "batch_norm_backward"
OUTPUTS = ("out", "new_running_mean", "new_running_var")
GRADS = ("dx", "dgamma", "dbeta")

HINT_NORMALISE = (
    "In training normalise each channel with its own batch mean and its BIASED variance (divide "
    "by m = N*H*W, what np.var gives by default): out = gamma * (x - mean) / sqrt(var + eps) + "
    "beta. The running statistics are only updated in training, never used to normalise."
)
HINT_AXES = (
    "Statistics are per channel (axis 1), over every other axis: axes (0, 2, 3) for (N, C, H, W). "
    "x.reshape(-1, C) is only right for (N, C): for images it mixes channels; move axis 1 last "
    "first, or reduce with axis=(0, 2, 3)."
)
HINT_RUNNING = (
    "PyTorch's update is new = (1 - momentum) * old + momentum * batch, so momentum is the weight "
    "of the NEW batch (Keras uses the opposite convention). running_var receives the UNBIASED "
    "batch variance, var * m / (m - 1), even though the biased one normalises."
)
HINT_EVAL = (
    "With training=False normalise with running_mean and running_var (not with the batch "
    "statistics) and return them unchanged."
)
HINT_EPS = (
    "eps goes inside the square root: (x - mean) / sqrt(var + eps). With a tiny variance, "
    "sqrt(var) + eps is very different from sqrt(var + eps)."
)
HINT_BACKWARD_TRAIN = (
    "In training the mean and the variance depend on every x in the channel, so dx is not just "
    "dout * gamma / sqrt(var + eps): with dx_hat = dout * gamma and means over the reduced axes, "
    "dx = (dx_hat - mean(dx_hat) - x_hat * mean(dx_hat * x_hat)) / sqrt(var + eps). "
    "dgamma = sum(dout * x_hat), dbeta = sum(dout)."
)
HINT_BACKWARD_EVAL = (
    "In evaluation mode the running statistics are constants: the layer is the per-channel "
    "affine map gamma * (x - running_mean) / sqrt(running_var + eps) + beta, so "
    "dx = dout * gamma / sqrt(running_var + eps) with no mean/variance terms. Remember the mode "
    "in the cache."
)


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
    """Training on (N, C) inputs: the normalised output matches the reference."""
    for seed, shape in enumerate([(6, 3), (2, 5), (9, 1)]):
        _forward(solution, reference, _inputs(shape, seed), HINT_NORMALISE)


def test_training_output_4d(solution, reference):
    """Training on (N, C, H, W) inputs, non-square maps and batch 1: the output matches."""
    for seed, shape in enumerate([(2, 3, 4, 5), (1, 2, 3, 4), (3, 4, 1, 2), (4, 2, 2, 2)]):
        _forward(solution, reference, _inputs(shape, 10 + seed), HINT_AXES)


def test_running_statistics_update(solution, reference):
    """Training updates the running mean and variance as PyTorch (momentum, unbiased variance)."""
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
                f"`{FWD}` must return (out, new_running_mean, new_running_var, cache)",
                function=FWD,
            )
        for k, name in ((1, "new_running_mean"), (2, "new_running_var")):
            assert_close(
                got[k],
                expected[k],
                what=f"`{FWD}`: {name} (training, {shape}, {kwargs or 'defaults'})",
                function=FWD,
                inputs={**inp, **kwargs},
                hint=HINT_RUNNING,
            )


def test_all_outputs_with_options(solution, reference):
    """Non-default momentum and eps, both modes: every output matches the reference."""
    for seed, shape in enumerate([(4, 3), (2, 2, 3, 2)]):
        for training in (True, False):
            inp = _inputs(shape, 30 + seed)
            _forward(
                solution,
                reference,
                inp,
                HINT_NORMALISE,
                outputs=OUTPUTS,
                training=training,
                momentum=0.2,
                eps=1e-2,
            )


def test_small_variance(solution, reference):
    """Channels with a tiny variance (~1e-6): eps sits inside the square root."""
    for seed, shape in enumerate([(8, 3), (2, 3, 3, 2)]):
        inp = _inputs(shape, 40 + seed, loc=2.0, scale=1e-3)
        _forward(solution, reference, inp, HINT_EPS, outputs=OUTPUTS)


def test_constant_channel(solution, reference):
    """A channel with zero variance gives beta there, finite values, as the reference."""
    inp = _inputs((3, 3, 2, 2), 50)
    inp["x"][:, 1] = 4.0
    out = _forward(solution, reference, inp, HINT_EPS, outputs=OUTPUTS)[0]
    assert_close(
        np.asarray(out)[:, 1],
        np.full((3, 2, 2), inp["beta"][1]),
        what="output of the constant channel",
        function=FWD,
        hint="x - mean is exactly 0 there; with eps inside the square root the output is beta.",
    )


def test_integer_inputs(solution, reference):
    """Small integer-valued inputs (exact means and variances) in both modes."""
    x = np.array([[1.0, -2.0, 3.0], [3.0, 0.0, 3.0], [2.0, 4.0, 3.0], [-2.0, 2.0, 3.0]])
    inp = {
        "x": x,
        "gamma": np.array([1.0, 2.0, -1.0]),
        "beta": np.array([0.0, 1.0, 0.5]),
        "running_mean": np.array([0.0, 1.0, 2.0]),
        "running_var": np.array([1.0, 4.0, 2.0]),
    }
    _forward(solution, reference, inp, HINT_NORMALISE, outputs=OUTPUTS)
    _forward(solution, reference, inp, HINT_EVAL, outputs=OUTPUTS, training=False)


# ---------------------------------------------------------------- forward, evaluation


def test_eval_mode(solution, reference):
    """training=False normalises with the running statistics and returns them unchanged."""
    for seed, shape in enumerate([(4, 3), (1, 5), (2, 3, 2, 4), (1, 2, 1, 1)]):
        _forward(
            solution,
            reference,
            _inputs(shape, 60 + seed),
            HINT_EVAL,
            outputs=OUTPUTS,
            training=False,
        )


def test_eval_batch_of_one(solution, reference):
    """Evaluation works on a single sample (one value per channel is fine there)."""
    inp = _inputs((1, 4), 70)
    _forward(solution, reference, inp, HINT_EVAL, outputs=OUTPUTS, training=False)


# ---------------------------------------------------------------- backward


def test_backward_training(solution, reference):
    """Training-mode gradients match the reference, with an evaluation-mode forward in between."""
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
            hint=HINT_BACKWARD_TRAIN,
        )


def test_backward_eval(solution, reference):
    """Evaluation-mode gradients (statistics are constants), a training forward in between."""
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
            hint=HINT_BACKWARD_EVAL,
        )


def test_backward_options(solution, reference):
    """Gradients with a non-default eps, both modes, the other mode and eps in between."""
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
            hint=HINT_BACKWARD_TRAIN if training else HINT_BACKWARD_EVAL,
        )


def test_backward_matches_own_forward_training(solution):
    """Training-mode backward agrees with central differences of your own forward."""
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
            hint=HINT_BACKWARD_TRAIN,
        )


def test_backward_matches_own_forward_eval(solution):
    """Evaluation-mode backward agrees with central differences of your own forward."""
    check_gradient_numerically(
        solution,
        FWD,
        BWD,
        _inputs((3, 2, 2, 2), 110),
        kwargs={"training": False},
        outputs=OUTPUTS,
        upstream=("out",),
        grads=GRADS,
        hint=HINT_BACKWARD_EVAL,
    )


# ---------------------------------------------------------------- errors


def test_parameters_of_the_wrong_shape_are_a_value_error(solution):
    """ValueError when gamma, beta or a running statistic is not (C,), even if it broadcasts."""
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
                because=f"{name} must have shape (C,) = (3,), got {bad_shape} (x {shape})",
            )
    good = _inputs((4, 3), 125)
    for name, bad in (("gamma", np.ones(4)), ("running_mean", np.zeros(2))):
        expect_value_error(
            solution,
            FWD,
            *{**good, name: bad}.values(),
            because=f"{name} must have shape (C,) = (3,), got {bad.shape}",
        )


def test_input_that_is_not_2d_or_4d_is_a_value_error(solution):
    """ValueError for x that is not (N, C) or (N, C, H, W): 1-D, 3-D and 5-D inputs."""
    for seed, shape in enumerate([(3,), (2, 3, 4), (2, 3, 2, 2, 2)]):
        inp = _inputs((2, 3), 130 + seed)
        inp["x"] = np.random.default_rng(seed).normal(size=shape)
        for training in (True, False):
            expect_value_error(
                solution,
                FWD,
                *inp.values(),
                training=training,
                because=f"x of shape {shape} is neither (N, C) nor (N, C, H, W)",
            )


def test_one_value_per_channel_in_training_is_a_value_error(solution):
    """ValueError in training with one value per channel, as PyTorch (fine in evaluation)."""
    for shape in ((1, 3), (1, 3, 1, 1)):
        inp = _inputs(shape, 121)
        expect_value_error(
            solution,
            FWD,
            *inp.values(),
            training=True,
            because=f"x of shape {shape} has one value per channel: training needs more "
            "(PyTorch raises the same error)",
        )


def test_dout_of_the_wrong_shape_is_a_value_error(solution):
    """ValueError when dout does not have the shape of x (even if it broadcasts), both modes."""
    for training in (True, False):
        for shape, bad_shape in (((4, 3), (1, 3)), ((2, 3, 2, 2), (2, 3, 1, 1))):
            inp = _inputs(shape, 140)
            cache = solution.call(FWD, *inp.values(), training=training)[-1]
            expect_value_error(
                solution,
                BWD,
                np.ones(bad_shape),
                cache,
                because=f"dout has shape {bad_shape}, x had {shape}",
            )
