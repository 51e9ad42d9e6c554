"""The learner's side of the untrusted boundary: the wire format, the guard and the child process."""
