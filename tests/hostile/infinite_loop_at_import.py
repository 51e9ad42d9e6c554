# expect(error): the file never finishes importing (graded with --kata-timeout 3)
# says: importing your file did not finish within 3 s
# options: --kata-timeout 3
from _correct import linear_backward, linear_forward  # noqa: F401

while True:
    pass
