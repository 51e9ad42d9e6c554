"""Learning-rate schedules.

Implement five schedules as pure functions: each returns the learning rate (a float) to use at an
integer `step >= 0`, counting from 0. Where PyTorch has the same schedule, the values are those
of `torch.optim.lr_scheduler` after `step` calls to `scheduler.step()`.
"""


def exponential_decay(
    initial_lr: float,
    step: int,
    *,
    decay_rate: float,
    decay_steps: int,
    staircase: bool = False,
) -> float:
    """Exponential decay: `initial_lr * decay_rate ** (step / decay_steps)`.

    With `staircase=True` the exponent is floored, `step // decay_steps`, so the rate drops by a
    factor `decay_rate` every `decay_steps` steps (as StepLR); otherwise it decays smoothly
    (with decay_steps=1 this is ExponentialLR(gamma=decay_rate)). `decay_rate = 0` is valid:
    `initial_lr` up to the first decay, 0 after it.

    Raises:
        ValueError: `step < 0` or `decay_steps <= 0`, with `staircase` True or False.
    """
    raise NotImplementedError


def step_decay(initial_lr: float, step: int, *, step_size: int, gamma: float) -> float:
    """Step decay as `StepLR`: `initial_lr * gamma ** (step // step_size)`.

    Steps 0 .. step_size - 1 use `initial_lr`; the first decay happens at `step == step_size`.

    Raises:
        ValueError: `step < 0` or `step_size <= 0`.
    """
    raise NotImplementedError


def inverse_time_decay(initial_lr: float, step: int, *, decay_rate: float) -> float:
    """Inverse-time decay: `initial_lr / (1 + decay_rate * step)`.

    Raises:
        ValueError: `step < 0`.
    """
    raise NotImplementedError


def cosine_annealing(
    initial_lr: float, step: int, *, total_steps: int, min_lr: float = 0.0
) -> float:
    """Cosine annealing from `initial_lr` (step 0) down to `min_lr` (step `total_steps`).

    `min_lr + (initial_lr - min_lr) * (1 + cos(pi * step / total_steps)) / 2` for
    `step <= total_steps` (CosineAnnealingLR with T_max=total_steps, eta_min=min_lr), then
    `min_lr` for every later step (clamped, unlike CosineAnnealingLR, which climbs back up).

    Raises:
        ValueError: `step < 0` or `total_steps <= 0`.
    """
    raise NotImplementedError


def linear_warmup(initial_lr: float, step: int, *, warmup_steps: int) -> float:
    """Linear warmup: `initial_lr * min(step / warmup_steps, 1)`.

    0 at step 0, rising linearly to `initial_lr` at `step == warmup_steps`, constant after.

    Raises:
        ValueError: `step < 0` or `warmup_steps <= 0`.
    """
    raise NotImplementedError
