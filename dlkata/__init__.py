"""dlkata: a kata grader for deep learning from scratch.

The package root imports nothing heavy, so that `dlkata --help` and the learner's worker process
start fast. The notebook API lives in `dlkata.notebook`.
"""

__version__ = "0.1.0"
