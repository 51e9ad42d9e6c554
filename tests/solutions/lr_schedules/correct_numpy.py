# correct: closed forms with NumPy (np.power, np.floor_divide, np.clip on the cosine's phase)
import numpy as np


def _validate(step, name=None, period=None):
    if step < 0:
        raise ValueError(f"step must be >= 0, got {step}")
    if name is not None and not period > 0:
        raise ValueError(f"{name} must be > 0, got {period}")


def exponential_decay(initial_lr, step, *, decay_rate, decay_steps, staircase=False):
    _validate(step, "decay_steps", decay_steps)
    exponent = np.floor_divide(step, decay_steps) if staircase else np.divide(step, decay_steps)
    return float(initial_lr * np.power(float(decay_rate), exponent))


def step_decay(initial_lr, step, *, step_size, gamma):
    _validate(step, "step_size", step_size)
    return float(initial_lr * np.power(float(gamma), np.floor_divide(step, step_size)))


def inverse_time_decay(initial_lr, step, *, decay_rate):
    _validate(step)
    return float(np.divide(initial_lr, 1.0 + decay_rate * step))


def cosine_annealing(initial_lr, step, *, total_steps, min_lr=0.0):
    _validate(step, "total_steps", total_steps)
    phase = np.clip(step / total_steps, 0.0, 1.0)  # clamped: cos(pi) = -1 gives min_lr
    return float(min_lr + 0.5 * (initial_lr - min_lr) * (1.0 + np.cos(np.pi * phase)))


def linear_warmup(initial_lr, step, *, warmup_steps):
    _validate(step, "warmup_steps", warmup_steps)
    return float(initial_lr * np.clip(step / warmup_steps, 0.0, 1.0))
