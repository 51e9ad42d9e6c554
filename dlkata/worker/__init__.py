"""The learner's side of the untrusted boundary: the wire format, the guards, the child."""
