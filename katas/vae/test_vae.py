"""Hidden tests for `vae`: the reparameterisation trick (the draws, and z as a function of mu and
logvar) and the KL term with its gradients, edge cases and error rules.

Any valid way of drawing standard normals from `rng` passes, so `z` is never compared with the
reference's draws: the noise is read from the learner's own call with `mu = 0, logvar = 0`
(then `z = eps`), tested as N(0, 1), and the same seed must then give `mu + sigma * eps` for any
`mu` and `logvar` of that shape.
"""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import (
    assert_close,
    check_call,
    check_normal,
    check_reproducible,
    check_scalar_gradient,
    expect_array,
    expect_value_error,
    fail,
    note,
)

RP = "reparameterize"
KL = "kl_divergence"


def encoder_output(shape, seed, *, spread=1.0):
    """Means and log-variances as an encoder produces them: both signs, variances from about
    0.05 to 20 (`spread` scales the log-variances)."""
    rng = np.random.default_rng(seed)
    mu = rng.normal(0.0, 1.5, size=shape)
    logvar = rng.uniform(-3.0, 3.0, size=shape) * spread
    return mu, logvar


def draw(solution, mu, logvar, seed, *, call):
    z = solution.reparameterize(mu, logvar, rng=np.random.default_rng(seed))
    return expect_array(z, mu.shape, function=RP, what=call)


def noise(solution, shape, seed):
    """The learner's eps for this seed and shape: z with mu = 0 and logvar = 0."""
    zeros = np.zeros(shape)
    return draw(solution, zeros, zeros.copy(), seed, call=note("call_standard", shape=shape))


# reparameterize -----------------------------------------------------------------------------

SHAPES = [(4, 3), (1, 5), (6, 1), (1, 1), (7,), (2, 3, 4), (3, 2, 2, 2)]


@pytest.mark.parametrize("shape", SHAPES)
def test_z_is_mu_plus_sigma_eps(solution, shape):
    eps = noise(solution, shape, 3)
    mu, logvar = encoder_output(shape, 4)
    call = note("call_encoder", shape=shape)
    z = draw(solution, mu, logvar, 3, call=call)
    assert_close(
        z,
        mu + np.exp(0.5 * logvar) * eps,
        what=call,
        function=RP,
        inputs={"mu": mu, "logvar": logvar},
        hint=note("formula"),
    )


def test_draws_do_not_depend_on_the_values(solution):
    # the same seed and shape give the same eps whatever mu and logvar hold: z is a
    # deterministic, differentiable function of mu and logvar (that is the trick)
    shape = (5, 4)
    eps = noise(solution, shape, 5)
    for k, spread in enumerate((0.1, 1.0, 2.0)):
        mu, logvar = encoder_output(shape, 6 + k, spread=spread)
        call = note("call_encoder", shape=shape)
        z = draw(solution, mu, logvar, 5, call=call)
        assert_close(
            (z - mu) / np.exp(0.5 * logvar),
            eps,
            what=note("recovered", call=call),
            function=RP,
            hint=note("eps_from_rng"),
        )


def test_every_sample_has_its_own_noise(solution):
    # rows of a batch, and the latent dimensions of one row, must not share draws
    shape = (400, 16)
    eps = noise(solution, shape, 9)
    rows = np.corrcoef(eps[:-1].ravel(), eps[1:].ravel())[0, 1]
    repeated = len(np.unique(eps.round(12))) < eps.size
    if repeated or abs(rows) > 0.05:
        fail(
            note(
                "shared_noise", call=note("call_standard", shape=shape), correlation=f"{rows:.3f}"
            ),
            function=RP,
            hint=note("one_draw_per_element"),
        )


def test_zero_variance_gives_mu(solution):
    # logvar = -800: sigma = exp(-400) underflows to 0, so z = mu (underflow is fine)
    mu, _ = encoder_output((3, 4), 10)
    logvar = np.full((3, 4), -800.0)
    z = draw(solution, mu, logvar, 11, call=note("call_encoder", shape=(3, 4)))
    assert_close(z, mu, what=note("call_tiny_variance"), function=RP, hint=note("formula"))


@pytest.mark.parametrize("shape", [(0, 3), (0,)])
def test_empty_input(solution, shape):
    z = draw(solution, np.zeros(shape), np.zeros(shape), 12, call=note("call_empty", shape=shape))
    if z.dtype != np.float64:
        fail(note("dtype", dtype=z.dtype), function=RP, hint=note("formula"))


def test_reproducible(solution):
    mu, logvar = encoder_output((6, 5), 13)
    check_reproducible(solution, RP, mu, logvar, seed=14)


@pytest.mark.parametrize(
    ("mu_shape", "logvar_shape"), [((4, 3), (3,)), ((4, 3), (1, 3)), ((4, 1), (4, 3)), ((5,), (1,))]
)
def test_reparameterize_shape_mismatch(solution, mu_shape, logvar_shape):
    expect_value_error(
        solution,
        RP,
        np.zeros(mu_shape),
        np.zeros(logvar_shape),
        rng=np.random.default_rng(0),
        because=note("shapes_differ", mu=mu_shape, logvar=logvar_shape),
    )


# after the small calls: the first call of a function runs twice (rule 2), and these are large
LARGE = [(1000, 1000)]  # about a million draws: check_normal sees a std 2.5 % off


@pytest.mark.parametrize("shape", LARGE)
def test_noise_is_standard_normal(solution, shape):
    eps = noise(solution, shape, 1)
    check_normal(
        eps,
        1.0,
        what=note("call_standard", shape=shape),
        function=RP,
        hint=note("standard_normal"),
    )


def test_noise_scaled_by_sigma_is_normal(solution):
    # one sigma for the whole array, far from 1: z - mu must be N(0, sigma) with
    # sigma = exp(0.5 * logvar), not exp(logvar) (0.36) or logvar itself (-1.02)
    shape, logvar_value = (500, 400), np.log(0.36)
    mu = np.full(shape, 2.5)
    logvar = np.full(shape, logvar_value)
    call = note("call_constant", shape=shape, mu=2.5, logvar=f"{logvar_value:.6g}")
    z = draw(solution, mu, logvar, 2, call=call)
    check_normal(z - 2.5, 0.6, what=call, function=RP, hint=note("sigma"))


# kl_divergence ------------------------------------------------------------------------------

KL_SHAPES = [(4, 3), (1, 5), (8, 1), (1, 1), (16, 10)]


def kl_parts(solution, mu, logvar):
    result = solution.kl_divergence(mu, logvar)
    if not isinstance(result, tuple) or len(result) != 3:
        fail(note("kl_tuple"), function=KL, hint=note("kl_formula"))
    if not isinstance(result[0], float):
        fail(
            note("kl_not_float", type=type(result[0]).__name__, value=repr(result[0])[:60]),
            function=KL,
            hint=note("kl_formula"),
        )
    return result


@pytest.mark.parametrize("shape", KL_SHAPES)
def test_kl_value_and_gradients(solution, reference, shape):
    mu, logvar = encoder_output(shape, 20)
    kl_parts(solution, mu, logvar)
    check_call(
        solution,
        reference,
        KL,
        mu,
        logvar,
        outputs=("kl", "dmu", "dlogvar"),
        hint=note("kl_formula"),
    )


@pytest.mark.parametrize("shape", [(3, 4), (1, 2), (5, 1)])
def test_kl_gradients_match_own_value(solution, shape):
    mu, logvar = encoder_output(shape, 21)
    for name, index in (("mu", 1), ("logvar", 2)):
        check_scalar_gradient(
            solution,
            KL,
            {"mu": mu, "logvar": logvar},
            wrt=name,
            value=lambda result: result[0],
            gradient=lambda result, i=index: result[i],
            hint=note("kl_gradients"),
        )


def test_kl_of_the_prior_is_zero(solution, reference):
    # mu = 0, logvar = 0 is N(0, 1) itself: KL 0, gradients 0
    zeros = np.zeros((3, 4))
    kl = kl_parts(solution, zeros, zeros.copy())[0]
    check_call(solution, reference, KL, zeros, zeros.copy(), hint=note("kl_formula"))
    if kl != 0.0:
        fail(note("prior_not_zero", kl=repr(kl)), function=KL, hint=note("kl_formula"))


def test_kl_averages_over_samples_and_sums_over_dimensions(solution, reference):
    # the same row repeated N times has the KL of one row; D dimensions add up
    row_mu, row_logvar = encoder_output((1, 6), 22)
    one = kl_parts(solution, row_mu, row_logvar)[0]
    many = kl_parts(solution, np.repeat(row_mu, 5, axis=0), np.repeat(row_logvar, 5, axis=0))[0]
    assert_close(
        many,
        one,
        what=note("repeated_rows", n=5),
        function=KL,
        hint=note("batch_mean"),
    )
    check_call(solution, reference, KL, row_mu, row_logvar, hint=note("kl_formula"))


def test_kl_is_not_negative(solution):
    for seed in range(23, 28):
        mu, logvar = encoder_output((6, 4), seed, spread=2.0)
        kl = kl_parts(solution, mu, logvar)[0]
        if not kl >= 0.0:
            fail(note("negative_kl", kl=f"{kl:.6g}"), function=KL, hint=note("kl_formula"))


@pytest.mark.parametrize(("scale", "spread"), [(0.01, 0.01), (20.0, 6.0)])
def test_kl_small_and_large_values(solution, reference, scale, spread):
    # close to the prior (KL near 0), and far from it (variances up to e^18, means of 40)
    mu, logvar = encoder_output((5, 3), 28, spread=spread)
    check_call(
        solution,
        reference,
        KL,
        mu * scale,
        logvar,
        outputs=("kl", "dmu", "dlogvar"),
        hint=note("kl_formula"),
    )


@pytest.mark.parametrize(
    ("mu_shape", "logvar_shape"), [((4, 3), (3,)), ((4, 3), (1, 3)), ((4, 1), (4, 3))]
)
def test_kl_shape_mismatch(solution, mu_shape, logvar_shape):
    expect_value_error(
        solution,
        KL,
        np.zeros(mu_shape),
        np.zeros(logvar_shape),
        because=note("shapes_differ", mu=mu_shape, logvar=logvar_shape),
    )


@pytest.mark.parametrize("shape", [(5,), (2, 3, 4), (1,)])
def test_kl_not_2d(solution, shape):
    mu, logvar = encoder_output(shape, 29)
    expect_value_error(solution, KL, mu, logvar, because=note("not_2d", shape=shape))


@pytest.mark.parametrize("shape", [(0, 3), (4, 0), (0, 0)])
def test_kl_empty(solution, shape):
    expect_value_error(
        solution, KL, np.zeros(shape), np.zeros(shape), because=note("empty", shape=shape)
    )
