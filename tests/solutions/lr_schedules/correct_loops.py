# correct: plain Python loops that simulate the schedule step by step (like a stateful scheduler)
import math


def _check(step, **periods):
    if step < 0:
        raise ValueError(f"step must be non-negative, got {step}")
    for name, value in periods.items():
        if value <= 0:
            raise ValueError(f"{name} must be positive, got {value}")


def exponential_decay(initial_lr, step, *, decay_rate, decay_steps, staircase=False):
    _check(step, decay_steps=decay_steps)
    lr = float(initial_lr)
    if staircase:
        for t in range(1, step + 1):
            if t % decay_steps == 0:
                lr *= decay_rate
        return lr
    per_step = decay_rate ** (1.0 / decay_steps)
    for _ in range(step):
        lr *= per_step
    return lr


def step_decay(initial_lr, step, *, step_size, gamma):
    _check(step, step_size=step_size)
    lr = float(initial_lr)
    for t in range(1, step + 1):
        if t % step_size == 0:
            lr *= gamma
    return lr


def inverse_time_decay(initial_lr, step, *, decay_rate):
    _check(step)
    denominator = 1.0
    for _ in range(step):
        denominator += decay_rate
    return initial_lr / denominator


def cosine_annealing(initial_lr, step, *, total_steps, min_lr=0.0):
    _check(step, total_steps=total_steps)
    t = 0
    lr = float(initial_lr)
    while t < step:
        t += 1
        if t >= total_steps:
            lr = float(min_lr)
            break
        lr = min_lr + (initial_lr - min_lr) * (1.0 + math.cos(math.pi * t / total_steps)) / 2.0
    return lr


def linear_warmup(initial_lr, step, *, warmup_steps):
    _check(step, warmup_steps=warmup_steps)
    lr = 0.0
    for _ in range(min(step, warmup_steps)):
        lr += initial_lr / warmup_steps
    return float(lr)
