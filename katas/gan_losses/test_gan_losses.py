"""Hidden tests for the `gan_losses` kata: discriminator and non-saturating generator losses."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import check_call, check_scalar_gradient, expect_value_error, note

D_OUTPUTS = ("loss", "d_real_logits", "d_fake_logits")
G_OUTPUTS = ("loss", "d_fake_logits")
# Magnitudes up to 1e4 (contract rule 7); exp(709.8) is the largest finite float64 exponential.
EXTREMES = np.array([-1e4, -1000.0, -745.0, -710.0, -40.0, -1e-8, 0.0, 1e-8, 40.0, 710.0, 1e4])


def _logits(shape: tuple[int, ...], seed: int) -> np.ndarray:
    return np.asarray(np.random.default_rng(seed).standard_normal(shape) * 3.0)


@pytest.mark.parametrize(
    ("real_shape", "fake_shape"),
    [((4,), (4,)), ((8, 1), (8, 1)), ((2, 3), (2, 3)), ((1,), (1,)), ((2, 3, 4), (2, 3, 4))],
)
def test_discriminator_loss(solution, reference, real_shape, fake_shape):
    seed = sum(real_shape) + 10 * len(real_shape)
    real, fake = _logits(real_shape, seed), _logits(fake_shape, seed + 1)
    check_call(
        solution,
        reference,
        "discriminator_loss",
        real,
        fake,
        outputs=D_OUTPUTS,
        hint=note("discriminator"),
    )


@pytest.mark.parametrize(
    ("real_shape", "fake_shape"), [((2,), (6,)), ((5, 2), (3,)), ((1,), (2, 2, 2)), ((3,), (1,))]
)
def test_discriminator_sizes_differ(solution, reference, real_shape, fake_shape):
    seed = 40 + sum(real_shape) + sum(fake_shape)
    real, fake = _logits(real_shape, seed), _logits(fake_shape, seed + 1)
    check_call(
        solution,
        reference,
        "discriminator_loss",
        real,
        fake,
        outputs=D_OUTPUTS,
        hint=note("two_means"),
    )


def test_discriminator_zero_logits(solution, reference):
    check_call(
        solution,
        reference,
        "discriminator_loss",
        np.zeros(3),
        np.zeros((2, 2)),
        outputs=D_OUTPUTS,
        hint=note("zero_logits"),
    )


@pytest.mark.parametrize("shape", [(5,), (4, 1), (2, 3, 2), (1,), ()])
def test_generator_loss(solution, reference, shape):
    check_call(
        solution,
        reference,
        "generator_loss",
        _logits(shape, 20 + len(shape) + sum(shape)),
        outputs=G_OUTPUTS,
        hint=note("generator"),
    )


def test_generator_non_saturating(solution, reference):
    # A discriminator that easily spots the fakes: the saturating loss is nearly flat here.
    fake = np.array([[-9.0, -6.0, -4.5], [-3.0, -7.5, -5.0]])
    check_call(
        solution,
        reference,
        "generator_loss",
        fake,
        outputs=G_OUTPUTS,
        hint=note("non_saturating"),
    )


def test_generator_zero_logits(solution, reference):
    check_call(
        solution,
        reference,
        "generator_loss",
        np.zeros((2, 2)),
        outputs=G_OUTPUTS,
        hint=note("zero_logits"),
    )


@pytest.mark.parametrize(("wrt", "index"), [("real_logits", 1), ("fake_logits", 2)])
def test_discriminator_gradient_matches_own_loss(solution, wrt, index):
    inputs = {"real_logits": _logits((3, 2), 31), "fake_logits": _logits((5,), 32)}
    check_scalar_gradient(
        solution,
        "discriminator_loss",
        inputs,
        wrt=wrt,
        value=lambda r: r[0],
        gradient=lambda r: r[index],
        seed=index,
        hint=note("gradient_matches_own_loss"),
    )


def test_generator_gradient_matches_own_loss(solution):
    check_scalar_gradient(
        solution,
        "generator_loss",
        {"fake_logits": _logits((2, 4), 33)},
        wrt="fake_logits",
        value=lambda r: r[0],
        gradient=lambda r: r[1],
        seed=3,
        hint=note("gradient_matches_own_loss"),
    )


def test_discriminator_stable(solution, reference):
    check_call(
        solution.stable,
        reference.stable,
        "discriminator_loss",
        EXTREMES,
        EXTREMES[::-1].reshape(1, -1) * 0.5,
        outputs=D_OUTPUTS,
        hint=note("stable"),
    )


def test_generator_stable(solution, reference):
    check_call(
        solution.stable,
        reference.stable,
        "generator_loss",
        EXTREMES.reshape(-1, 1),
        outputs=G_OUTPUTS,
        hint=note("stable"),
    )


def test_confident_discriminator_loss_exact(solution, reference):
    # Every element is a confident mistake: each costs |x| exactly, far beyond -log(1e-8).
    check_call(
        solution.stable,
        reference.stable,
        "discriminator_loss",
        np.array([-1e4, -800.0]),
        np.array([50.0, 1e4, 3000.0]),
        outputs=D_OUTPUTS,
        floor=0.0,
        hint=note("accurate_tail"),
    )


def test_confident_generator_loss_exact(solution, reference):
    for fake in (np.array([-1e4]), np.array([-1e4, -800.0, -50.0])):
        check_call(
            solution.stable,
            reference.stable,
            "generator_loss",
            fake,
            outputs=G_OUTPUTS,
            floor=0.0,
            hint=note("accurate_tail"),
        )


def test_error_empty_real(solution):
    expect_value_error(
        solution,
        "discriminator_loss",
        np.zeros(0),
        np.zeros(3),
        because=note("empty", name="real_logits", shape=(0,)),
    )


def test_error_empty_fake(solution):
    expect_value_error(
        solution,
        "discriminator_loss",
        np.zeros(3),
        np.zeros((2, 0)),
        because=note("empty", name="fake_logits", shape=(2, 0)),
    )


def test_error_empty_generator(solution):
    expect_value_error(
        solution,
        "generator_loss",
        np.zeros((0, 4)),
        because=note("empty", name="fake_logits", shape=(0, 4)),
    )
