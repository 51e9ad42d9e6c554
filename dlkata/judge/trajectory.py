"""Optimisers graded over whole trajectories: each call of the learner's `*_step` beside the
reference's, from the same parameter, gradient and hyper-parameters, the learner's state kept in
the learner's process (a handle passed back on the next call) and the reference's here.

Each call is compared on its own: the reference's parameter is the next call's starting point, so
one wrong step does not make every later comparison fail for a reason the report cannot name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from dlkata.i18n import _
from dlkata.judge.compare import assert_close, expect_array


def drifting_gradients(
    shape: tuple[int, ...], steps: int, seed: int, scales: Sequence[float]
) -> list[np.ndarray]:
    """Gradients whose size changes from step to step (by `scales`, in turn), with one entry that
    is exactly 0 on every step (a parameter that gets no gradient) and one as small as 1e-9."""
    rng = np.random.default_rng(seed)
    grads = []
    for k in range(steps):
        g = rng.standard_normal(shape) * scales[k % len(scales)]
        flat = g.reshape(-1)
        if flat.size >= 2:
            flat[0] = 0.0
            flat[1] = 1e-9 * (1 + k) * (-1) ** k
        grads.append(g)
    return grads


class Trajectory:
    """One trajectory of `function` on each side: the learner's state is a handle, the
    reference's whatever the reference keeps. `stable` turns NumPy's floating-point warnings
    into failures (contract rule 7)."""

    def __init__(
        self,
        solution: Any,
        reference: Any,
        function: str,
        param: Any,
        *,
        stable: bool = False,
        **hyper: Any,
    ) -> None:
        self.solution = solution.stable if stable else solution
        self.reference = reference.stable if stable else reference
        self.function = function
        self.param = np.array(param, dtype=np.float64)
        self.hyper = hyper
        self.t = 0
        self.got_state: Any = None
        self.ref_state: Any = None

    def step(self, grad: Any, *, hint: str, floor: float = 1e-10, **kwargs: Any) -> np.ndarray:
        """One call on both sides from the same parameter (the reference's latest), `kwargs`
        added to the trajectory's hyper-parameters (a scheduler's `lr`); the learner's result."""
        self.t += 1
        p, g = self.param, np.asarray(grad, dtype=np.float64)
        hyper = {**self.hyper, **kwargs}
        got, self.got_state = self.solution.call(self.function, p, g, self.got_state, **hyper)
        expected, self.ref_state = self.reference.call(
            self.function, p.copy(), g.copy(), self.ref_state, **hyper
        )
        inputs = {"param": p, "grad": g, "t": self.t, **hyper}
        what = _("new_param of call t={t}").format(t=self.t)
        expect_array(got, p.shape, function=self.function, what=what)
        # the step itself first: a mistake in it is a small change of new_param
        step = _("the step new_param - param of call t={t}").format(t=self.t)
        for shown, got_value, expected_value in (
            (step, got - p, expected - p),
            (what, got, expected),
        ):
            assert_close(
                got_value,
                expected_value,
                what=shown,
                function=self.function,
                inputs=inputs,
                hint=hint,
                floor=floor,
            )
        self.param = expected
        return got
