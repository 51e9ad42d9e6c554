"""Hidden tests for `mlp_backprop`: a two-layer classifier's loss and gradients, and its training.

`mlp_loss_and_grads` is compared with the reference value by value and against central
differences of the learner's own loss. The order in which `train_mlp` visits the samples is free,
so its results are compared only where the order cannot matter: the initial parameters (a
distribution), full-batch steps, batches of identical samples, and the first-order change of an
epoch with a tiny learning rate. Last, it must learn a 3-class spiral.
"""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import (
    assert_close,
    check_normal,
    expect_value_error,
    fail,
    note,
)

LOSS = "mlp_loss_and_grads"
TRAIN = "train_mlp"
KEYS = ("w1", "b1", "w2", "b2")
EPS = 1e-6  # central differences, as the judge's own gradient checks
THRESHOLD = 1e-5


def make_params(d, h, k, seed, scale=1.0):
    rng = np.random.default_rng(seed)
    return {
        "w1": rng.standard_normal((h, d)) * scale,
        "b1": rng.standard_normal(h) * 0.5 * scale,
        "w2": rng.standard_normal((k, h)) * scale,
        "b2": rng.standard_normal(k) * 0.5 * scale,
    }


def make_data(n, d, k, seed):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, d)), rng.integers(0, k, size=n)


def params_text(params):
    return "{" + ", ".join(f"{key}: {np.shape(params[key])}" for key in KEYS) + "}"


def check_params(value, shapes, function, what, hint):
    """A dict with exactly the four keys, each a float64 array of its shape."""
    if not isinstance(value, dict) or sorted(value) != sorted(KEYS):
        keys = sorted(value) if isinstance(value, dict) else type(value).__name__
        fail(note("not_a_params_dict", what=what, keys=keys), function=function, hint=hint)
    for key in KEYS:
        got = value[key]
        if not isinstance(got, np.ndarray) or got.shape != shapes[key]:
            fail(
                note("param_shape", what=what, key=key, got=np.shape(got), expected=shapes[key]),
                function=function,
                hint=hint,
            )
        if got.dtype != np.float64:
            fail(
                note("param_dtype", what=what, key=key, dtype=got.dtype),
                function=function,
                hint=note("float64"),
            )
    return value


def shapes_of(d, h, k):
    return {"w1": (h, d), "b1": (h,), "w2": (k, h), "b2": (k,)}


def loss_and_grads(impl, x, y, params, reg, *, stable=False):
    caller = impl.stable if stable else impl
    result = caller.call(LOSS, x, y, params, reg=reg)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(note("not_loss_grads", type=type(result).__name__), function=LOSS, hint=None)
    loss, grads = result
    if isinstance(loss, np.ndarray) and loss.shape == ():
        loss = loss.item()
    if isinstance(loss, (bool, np.bool_)) or not isinstance(loss, (float, int, np.floating)):
        fail(note("loss_not_a_float", type=type(loss).__name__), function=LOSS, hint=None)
    k, h = params["w2"].shape
    what = f"{LOSS}(x {x.shape}, y, params, reg={reg})"
    check_params(grads, shapes_of(x.shape[1], h, k), LOSS, what, note("grads_shapes"))
    return float(loss), grads


def compare_loss_and_grads(solution, reference, x, y, params, reg, hint, *, stable=False):
    loss, grads = loss_and_grads(solution, x, y, params, reg, stable=stable)
    expected_loss, expected = loss_and_grads(reference, x, y, params, reg, stable=stable)
    inputs = {"x": x, "y": y, **params, "reg": reg}
    assert_close(
        loss, expected_loss, what=note("the_loss", reg=reg), function=LOSS, inputs=inputs, hint=hint
    )
    for key in KEYS:
        assert_close(
            grads[key],
            expected[key],
            what=note("the_gradient", key=key, reg=reg),
            function=LOSS,
            inputs=inputs,
            hint=hint,
        )


# (N, D, H, K): non-square everywhere, a batch of one, one input feature, one hidden unit, one class
SHAPES = [(5, 3, 4, 3), (8, 2, 6, 4), (1, 3, 5, 2), (6, 1, 4, 3), (4, 3, 1, 3), (3, 2, 4, 1)]


@pytest.mark.parametrize(("n", "d", "h", "k"), SHAPES)
@pytest.mark.parametrize("reg", [0.0, 0.3])
def test_loss_and_gradients(solution, reference, n, d, h, k, reg):
    x, y = make_data(n, d, k, seed=n * 1000 + d * 100 + h * 10 + k)
    params = make_params(d, h, k, seed=n + d + h + k)
    compare_loss_and_grads(solution, reference, x, y, params, reg, note("backprop"))


def test_loss_ignores_nothing(solution, reference):
    """Every sample and every class matters: repeated labels, a class with no sample."""
    x, _ = make_data(7, 3, 4, seed=3)
    y = np.array([2, 2, 0, 2, 1, 0, 2])
    compare_loss_and_grads(
        solution, reference, x, y, make_params(3, 5, 4, seed=4), 0.1, note("backprop")
    )


def test_relu_derivative_at_zero(solution, reference):
    """Integer inputs and weights that make some hidden pre-activations exactly 0."""
    x = np.array([[1.0, 2.0], [0.0, 1.0], [2.0, -1.0], [-1.0, 1.0]])
    params = {
        "w1": np.array([[1.0, -1.0], [2.0, -1.0], [0.0, 1.0]]),
        "b1": np.array([1.0, 0.0, -1.0]),
        "w2": np.array([[1.0, -2.0, 0.5], [-1.0, 1.0, 2.0]]),
        "b2": np.array([0.0, 0.5]),
    }
    y = np.array([0, 1, 1, 0])
    compare_loss_and_grads(solution, reference, x, y, params, 0.0, note("relu_at_zero"))


@pytest.mark.parametrize(("n", "d", "h", "k", "reg"), [(4, 3, 5, 3, 0.0), (6, 2, 3, 4, 0.2)])
def test_gradients_match_own_loss(solution, n, d, h, k, reg):
    """Each gradient against central differences of the learner's own loss."""
    x, y = make_data(n, d, k, seed=40 + n)
    params = make_params(d, h, k, seed=41 + n)
    _, grads = loss_and_grads(solution, x, y, params, reg)
    picker = np.random.default_rng(42 + n)
    for key in KEYS:
        chosen = picker.choice(params[key].size, size=min(6, params[key].size), replace=False)
        calls = []
        for flat in chosen:
            for step in (EPS, -EPS):
                moved = {name: value.copy() for name, value in params.items()}
                moved[key].flat[flat] += step
                calls.append(((x, y, moved), {"reg": reg}))
        values = [float(np.asarray(r[0])) for r in solution.call_many(LOSS, calls)]
        numeric = (np.array(values[0::2]) - np.array(values[1::2])) / (2 * EPS)
        analytic = grads[key].flat[chosen]
        with np.errstate(invalid="ignore", divide="ignore"):
            error = np.abs(analytic - numeric) / np.maximum(
                np.abs(analytic) + np.abs(numeric), 1e-8
            )
        bad = ~(error <= THRESHOLD)
        if bad.any():
            worst = int(np.argmax(np.where(bad, error, -1.0)))
            index = tuple(int(i) for i in np.unravel_index(chosen[worst], params[key].shape))
            fail(
                note(
                    "numeric_mismatch",
                    key=key,
                    index=index,
                    analytic=f"{analytic[worst]:.8g}",
                    numeric=f"{numeric[worst]:.8g}",
                    error=f"{error[worst]:.3g}",
                ),
                function=LOSS,
                hint=note("backprop"),
            )


def test_regularisation(solution):
    """reg adds 0.5 * reg * (|w1|^2 + |w2|^2) to the loss and reg * w to the weights' gradients."""
    x, y = make_data(5, 3, 3, seed=50)
    params = make_params(3, 4, 3, seed=51)
    reg = 0.7
    loss0, grads0 = loss_and_grads(solution, x, y, params, 0.0)
    loss1, grads1 = loss_and_grads(solution, x, y, params, reg)
    penalty = 0.5 * reg * (np.sum(params["w1"] ** 2) + np.sum(params["w2"] ** 2))
    assert_close(
        loss1 - loss0,
        penalty,
        what=note("penalty_value", reg=reg),
        function=LOSS,
        hint=note("regularisation"),
    )
    for key in KEYS:
        expected = reg * params[key] if key.startswith("w") else np.zeros_like(params[key])
        assert_close(
            grads1[key] - grads0[key],
            expected,
            what=note("penalty_gradient", key=key, reg=reg),
            function=LOSS,
            hint=note("regularisation"),
        )


def test_stable_for_large_scores(solution, reference):
    """Scores of magnitude up to about 1e4: no overflow, no NaN, the right loss and gradients."""
    x = np.array([[3.0, -2.0], [-1.0, 4.0], [2.0, 2.0], [-3.0, -1.0]])
    params = make_params(2, 5, 3, seed=60, scale=12.0)
    y = np.array([0, 2, 1, 1])
    # the largest score is made 1e4 whatever the draw (a course's salt changes the draw)
    scores = np.maximum(x @ params["w1"].T + params["b1"], 0) @ params["w2"].T + params["b2"]
    factor = 1e4 / np.abs(scores).max()
    params["w2"], params["b2"] = params["w2"] * factor, params["b2"] * factor
    compare_loss_and_grads(solution, reference, x, y, params, 0.0, note("stable"), stable=True)
    compare_loss_and_grads(solution, reference, x, y, params, 1e-3, note("stable"), stable=True)


def test_error_labels_shape(solution):
    x, _ = make_data(3, 2, 3, seed=70)
    params = make_params(2, 4, 3, seed=71)
    for y in (np.array([[0], [2], [1]]), np.array([1])):
        expect_value_error(
            solution, LOSS, x, y, params, because=note("labels_shape", got=y.shape, n=3)
        )


def test_error_label_range(solution):
    x, _ = make_data(3, 2, 3, seed=72)
    params = make_params(2, 4, 3, seed=73)
    for y in (np.array([0, -1, 2]), np.array([0, 3, 1])):
        expect_value_error(
            solution, LOSS, x, y, params, because=note("label_range", labels=y.tolist(), k=3)
        )


def test_error_negative_reg(solution):
    x, y = make_data(3, 2, 3, seed=74)
    expect_value_error(
        solution, LOSS, x, y, make_params(2, 4, 3, seed=75), reg=-0.1, because=note("reg_negative")
    )


# --- train_mlp ------------------------------------------------------------------------------

DEFAULTS = {"lr": 0.1, "reg": 0.0}


def train(impl, x, y, *, hidden_size, num_classes, seed, **kwargs):
    settings = {**DEFAULTS, "epochs": 0, "batch_size": 4, **kwargs}
    params = impl.call(
        TRAIN,
        x,
        y,
        hidden_size=hidden_size,
        num_classes=num_classes,
        rng=np.random.default_rng(seed),
        **settings,
    )
    words = ", ".join(f"{k}={v}" for k, v in settings.items())
    what = f"{TRAIN}(x {x.shape}, y, hidden_size={hidden_size}, num_classes={num_classes}, {words})"
    check_params(
        params, shapes_of(x.shape[1], hidden_size, num_classes), TRAIN, what, note("train_shapes")
    )
    return params, what


def test_initial_parameters(solution):
    """epochs=0: He-normal weights with fan_in (std sqrt(2/D) and sqrt(2/H)), zero biases."""
    d, h, k = 500, 2000, 500  # a million weights in each layer, fan_in != fan_out in both
    x, y = make_data(3, d, k, seed=80)
    params, what = train(solution, x, y, hidden_size=h, num_classes=k, seed=81)
    for key, fan_in in (("w1", d), ("w2", h)):
        check_normal(
            params[key],
            np.sqrt(2.0 / fan_in),
            what=note("initial_weights", what=what, key=key),
            function=TRAIN,
            hint=note("he_normal"),
        )
    for key in ("b1", "b2"):
        if np.any(params[key] != 0):
            fail(note("initial_bias", what=what, key=key), function=TRAIN, hint=note("he_normal"))


def initial(solution, x, y, h, k, seed):
    return train(solution, x, y, hidden_size=h, num_classes=k, seed=seed)[0]


def sgd_steps(reference, params, batches, lr, reg):
    """The reference's SGD steps from `params` over the given (x, y) batches."""
    for xb, yb in batches:
        _, grads = loss_and_grads(reference, xb, yb, params, reg)
        params = {key: params[key] - lr * grads[key] for key in KEYS}
    return params


def compare_params(got, expected, what, hint, **tolerance):
    for key in KEYS:
        assert_close(
            got[key],
            expected[key],
            what=note("trained", what=what, key=key),
            function=TRAIN,
            hint=hint,
            **tolerance,
        )


@pytest.mark.parametrize(
    ("epochs", "batch_size", "reg"), [(1, 9, 0.0), (3, 9, 0.05), (2, 50, 0.0), (4, 100, 0.1)]
)
def test_full_batch_steps(solution, reference, epochs, batch_size, reg):
    """batch_size >= N: each epoch is one step of gradient descent on the whole data set."""
    n, d, h, k, lr = 9, 3, 6, 3, 0.3
    x, y = make_data(n, d, k, seed=90 + epochs)
    start = initial(solution, x, y, h, k, seed=91)
    params, what = train(
        solution,
        x,
        y,
        hidden_size=h,
        num_classes=k,
        seed=91,
        epochs=epochs,
        batch_size=batch_size,
        lr=lr,
        reg=reg,
    )
    expected = sgd_steps(reference, start, [(x, y)] * epochs, lr, reg)
    compare_params(params, expected, what, note("full_batch"))


@pytest.mark.parametrize(
    ("n", "batch_size", "epochs", "reg"), [(7, 3, 2, 0.01), (8, 4, 1, 0.0), (5, 1, 2, 0.0)]
)
def test_batches_of_identical_samples(solution, reference, n, batch_size, epochs, reg):
    """Every sample the same: any order gives the same steps, ceil(N / batch_size) per epoch."""
    h, k, lr = 5, 3, 0.2
    x = np.tile(np.array([[0.7, -1.2]]), (n, 1))
    y = np.full(n, 2)
    start = initial(solution, x, y, h, k, seed=100 + n)
    params, what = train(
        solution,
        x,
        y,
        hidden_size=h,
        num_classes=k,
        seed=100 + n,
        epochs=epochs,
        batch_size=batch_size,
        lr=lr,
        reg=reg,
    )
    steps = epochs * -(-n // batch_size)
    expected = sgd_steps(reference, start, [(x[:1], y[:1])] * steps, lr, reg)
    compare_params(params, expected, what, note("steps_per_epoch", steps=steps))


@pytest.mark.parametrize(("n", "batch_size", "epochs"), [(12, 3, 1), (12, 4, 2), (10, 1, 1)])
def test_epoch_visits_every_sample_once(solution, reference, n, batch_size, epochs):
    """With a tiny lr the change of an epoch is, to first order, -lr * steps * (full gradient):
    every sample counted once per epoch, whatever the order (batch_size divides N)."""
    d, h, k, lr, reg = 3, 6, 3, 1e-7, 0.01
    x, y = make_data(n, d, k, seed=110 + n + batch_size)
    start = initial(solution, x, y, h, k, seed=111)
    params, what = train(
        solution,
        x,
        y,
        hidden_size=h,
        num_classes=k,
        seed=111,
        epochs=epochs,
        batch_size=batch_size,
        lr=lr,
        reg=reg,
    )
    steps = epochs * n // batch_size
    _, full = loss_and_grads(reference, x, y, start, reg)
    for key in KEYS:
        assert_close(
            (start[key] - params[key]) / (lr * steps),
            full[key],
            what=note("average_step", what=what, key=key, steps=steps),
            function=TRAIN,
            hint=note("every_sample_once"),
            rtol=1e-4,
            floor=1e-4,
        )


def test_reproducible_from_rng(solution):
    x, y = make_data(10, 2, 3, seed=120)
    kwargs = {"hidden_size": 4, "num_classes": 3, "epochs": 2, "batch_size": 3}
    first, what = train(solution, x, y, seed=121, **kwargs)
    again, _ = train(solution, x, y, seed=121, **kwargs)
    for key in KEYS:
        if not np.array_equal(first[key], again[key]):
            fail(note("same_seed", what=what, key=key), function=TRAIN, hint=note("use_rng"))
    generator = np.random.default_rng(122)
    before = generator.bit_generator.state
    other = solution.call(TRAIN, x, y, rng=generator, **DEFAULTS, **kwargs)
    if generator.bit_generator.state == before or np.array_equal(other["w1"], first["w1"]):
        fail(note("rng_not_used", what=what), function=TRAIN, hint=note("use_rng"))


def spiral(points_per_class=100, classes=3, seed=0):
    """CS231n's spiral: `classes` arms of `points_per_class` points in 2-D, with angular noise."""
    rng = np.random.default_rng(seed)
    x = np.zeros((points_per_class * classes, 2))
    y = np.zeros(points_per_class * classes, dtype=np.int64)
    for j in range(classes):
        rows = slice(points_per_class * j, points_per_class * (j + 1))
        radius = np.linspace(0.0, 1.0, points_per_class)
        theta = np.linspace(j * 4.0, (j + 1) * 4.0, points_per_class)
        theta = theta + rng.standard_normal(points_per_class) * 0.2
        x[rows] = np.c_[radius * np.sin(theta), radius * np.cos(theta)]
        y[rows] = j
    return x, y


SPIRAL = {"hidden_size": 64, "num_classes": 3, "lr": 0.5, "epochs": 300, "batch_size": 30}
TARGET = 0.9


def test_learns_the_spiral(solution):
    """The contract's task: 300 points of a 3-class spiral, training accuracy at least 0.9."""
    x, y = spiral()
    seed = 0
    params = solution.call(TRAIN, x, y, reg=1e-4, rng=np.random.default_rng(seed), **SPIRAL)
    what = f"{TRAIN}(x (300, 2), y, hidden_size=64, num_classes=3, lr=0.5, epochs=300, "
    what += f"batch_size=30, reg=1e-4, rng=default_rng({seed}))"
    check_params(params, shapes_of(2, 64, 3), TRAIN, what, note("train_shapes"))
    with np.errstate(all="ignore"):
        hidden = np.maximum(x @ params["w1"].T + params["b1"], 0.0)
        scores = hidden @ params["w2"].T + params["b2"]
    finite = bool(np.all(np.isfinite(scores)))
    accuracy = float(np.mean(scores.argmax(axis=1) == y)) if finite else 0.0
    if not accuracy >= TARGET:
        fail(
            note("accuracy", what=what, accuracy=f"{accuracy:.3f}", target=TARGET),
            function=TRAIN,
            hint=note("learns" if finite else "diverged"),
        )


def test_error_sizes_below_one(solution):
    x, y = make_data(6, 2, 3, seed=130)
    base = {"hidden_size": 4, "num_classes": 3, "batch_size": 2}
    for name in ("hidden_size", "batch_size"):
        for value in (0, -1):
            expect_value_error(
                solution,
                TRAIN,
                x,
                y,
                **{**base, name: value},
                lr=0.1,
                epochs=1,
                rng=np.random.default_rng(0),
                because=note("below_one", name=name, value=value),
            )
    # no sample, so no label can be out of range: num_classes = 0 on its own
    expect_value_error(
        solution,
        TRAIN,
        np.zeros((0, 2)),
        np.zeros(0, dtype=np.int64),
        **{**base, "num_classes": 0},
        lr=0.1,
        epochs=1,
        rng=np.random.default_rng(0),
        because=note("below_one", name="num_classes", value=0),
    )


def test_error_negative_epochs(solution):
    x, y = make_data(6, 2, 3, seed=131)
    expect_value_error(
        solution,
        TRAIN,
        x,
        y,
        hidden_size=4,
        num_classes=3,
        lr=0.1,
        epochs=-1,
        batch_size=2,
        rng=np.random.default_rng(0),
        because=note("epochs_negative"),
    )


def test_error_labels(solution):
    x, _ = make_data(4, 2, 3, seed=132)
    cases = [
        (np.array([[0], [1], [2], [1]]), note("labels_shape", got=(4, 1), n=4)),
        (np.array([0, 1]), note("labels_shape", got=(2,), n=4)),
        (np.array([0, -1, 2, 1]), note("label_range", labels=[0, -1, 2, 1], k=3)),
        (np.array([0, 3, 2, 1]), note("label_range", labels=[0, 3, 2, 1], k=3)),
    ]
    for y, because in cases:
        expect_value_error(
            solution,
            TRAIN,
            x,
            y,
            hidden_size=4,
            num_classes=3,
            lr=0.1,
            epochs=1,
            batch_size=2,
            rng=np.random.default_rng(0),
            because=because,
        )
