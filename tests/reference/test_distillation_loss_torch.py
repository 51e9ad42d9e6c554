"""Cross-check of reference/distillation_loss.py against F.kl_div, F.cross_entropy and autograd."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from tests.support import load_reference

ref = load_reference("distillation_loss")


def _torch_distillation(student, teacher, labels, temperature=4.0, alpha=0.9):
    """Hinton et al.'s loss as PyTorch code bases write it, with the gradient from autograd."""
    s = torch.tensor(student, requires_grad=True)
    t = torch.tensor(teacher)
    kl = F.kl_div(
        F.log_softmax(s / temperature, dim=1),
        F.softmax(t / temperature, dim=1),
        reduction="batchmean",
    )
    ce = F.cross_entropy(s, torch.tensor(labels))
    loss = alpha * temperature**2 * kl + (1 - alpha) * ce
    loss.backward()
    return loss.item(), s.grad.numpy()


CASES = [
    # (n, k, temperature, alpha)
    (4, 3, 4.0, 0.9),
    (1, 5, 4.0, 0.9),
    (6, 10, 2.0, 0.5),
    (3, 2, 1.0, 0.7),
    (5, 4, 0.5, 0.3),
    (2, 6, 10.0, 1.0),
    (3, 4, 3.0, 0.0),
    (4, 1, 2.0, 0.6),
]


@pytest.mark.parametrize(("n", "k", "temperature", "alpha"), CASES)
def test_matches_torch(n, k, temperature, alpha) -> None:
    rng = np.random.default_rng(100 * n + k)
    student = rng.standard_normal((n, k)) * 3
    teacher = rng.standard_normal((n, k)) * 3
    labels = rng.integers(0, k, size=n)
    copies = (student.copy(), teacher.copy(), labels.copy())
    loss, grad = ref.distillation_loss(
        student, teacher, labels, temperature=temperature, alpha=alpha
    )
    t_loss, t_grad = _torch_distillation(student, teacher, labels, temperature, alpha)
    assert isinstance(loss, float)
    np.testing.assert_allclose(loss, t_loss, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(grad, t_grad, rtol=1e-11, atol=1e-15)
    for array, copy in zip((student, teacher, labels), copies):
        np.testing.assert_array_equal(array, copy)


def test_defaults_are_temperature_4_and_alpha_0_9() -> None:
    rng = np.random.default_rng(5)
    student, teacher = rng.standard_normal((3, 4)), rng.standard_normal((3, 4))
    labels = np.array([0, 3, 1])
    loss, grad = ref.distillation_loss(student, teacher, labels)
    t_loss, t_grad = _torch_distillation(student, teacher, labels, 4.0, 0.9)
    np.testing.assert_allclose(loss, t_loss, rtol=1e-12)
    np.testing.assert_allclose(grad, t_grad, rtol=1e-11, atol=1e-16)


def test_kl_term_alone_is_t_squared_batchmean_kl() -> None:
    """alpha = 1: T^2 * sum p (log p - log q) / N, as torch.distributions' KL summed per row."""
    rng = np.random.default_rng(8)
    student, teacher = rng.standard_normal((4, 5)) * 2, rng.standard_normal((4, 5)) * 2
    loss, _ = ref.distillation_loss(student, teacher, np.zeros(4, int), temperature=3.0, alpha=1.0)
    p = torch.distributions.Categorical(logits=torch.tensor(teacher / 3.0))
    q = torch.distributions.Categorical(logits=torch.tensor(student / 3.0))
    kl = torch.distributions.kl_divergence(p, q).mean().item()
    np.testing.assert_allclose(loss, 9.0 * kl, rtol=1e-12)


def test_equal_logits_give_zero_kl() -> None:
    z = np.array([[1.0, -2.0, 0.5], [3.0, 3.0, -1.0]])
    loss, grad = ref.distillation_loss(z, z, np.array([0, 1]), alpha=1.0)
    assert loss == 0.0
    np.testing.assert_array_equal(grad, np.zeros_like(z))


def test_large_logits_are_stable_and_match_torch() -> None:
    student = np.array([[1e4, 0.0, -1e4], [-1e4, -1e4 + 1.0, -1e4 + 2.0], [0.0, 5.0, 1e4]])
    teacher = np.array([[-1e4, 1e4, 0.0], [3.0, -1e4, 1e4], [1e4, 1e4, -1e4]])
    labels = np.array([2, 0, 1])
    for temperature in (1.0, 4.0, 0.5):
        with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
            warnings.simplefilter("error")
            loss, grad = ref.distillation_loss(
                student, teacher, labels, temperature=temperature, alpha=0.8
            )
        t_loss, t_grad = _torch_distillation(student, teacher, labels, temperature, 0.8)
        assert np.isfinite(loss) and np.all(np.isfinite(grad))
        np.testing.assert_allclose(loss, t_loss, rtol=1e-12)
        np.testing.assert_allclose(grad, t_grad, rtol=1e-11, atol=1e-15)


def test_invalid_arguments_raise_value_error() -> None:
    z = np.zeros((3, 4))
    good = np.array([0, 1, 2])
    bad_calls = [
        ((np.zeros((2, 3, 4)), np.zeros((2, 3, 4)), np.array([0, 1])), {}),
        ((np.zeros(4), np.zeros(4), np.array([1])), {}),
        ((z, np.zeros((1, 4)), good), {}),
        ((z, np.zeros((3, 5)), good), {}),
        ((np.zeros((0, 4)), np.zeros((0, 4)), np.zeros(0, int)), {}),
        ((z, z, np.array([0, 1])), {}),
        ((z, z, np.array([[0], [1], [2]])), {}),
        ((z, z, np.array([0.0, 1.0, 2.0])), {}),
        ((z, z, np.array([0, 4, 1])), {}),
        ((z, z, np.array([0, -1, 1])), {}),
        ((z, z, good), {"temperature": 0.0}),
        ((z, z, good), {"temperature": -2.0}),
        ((z, z, good), {"alpha": -0.1}),
        ((z, z, good), {"alpha": 1.5}),
    ]
    for args, kwargs in bad_calls:
        with pytest.raises(ValueError):
            ref.distillation_loss(*args, **kwargs)
    # torch rejects the out-of-range and mismatched labels too (with its own exception types)
    with pytest.raises((IndexError, RuntimeError)):
        F.cross_entropy(torch.zeros(3, 4), torch.tensor([0, 4, 1]))
    with pytest.raises((ValueError, RuntimeError)):
        F.cross_entropy(torch.zeros(3, 4), torch.tensor([0, 1]))
