# expect(failed): prints about 3 MB (the report keeps a few KB), and its forward is off by one
# says: differs from the expected values
from _correct import linear_backward  # noqa: F401
from _correct import linear_forward as _forward

print("START OF OUTPUT")
for i in range(30_000):
    print(f"line {i:6d} " + "x" * 90)


def linear_forward(x, w, b):
    out, cache = _forward(x, w, b)
    print("debug " * 200)
    print("END OF OUTPUT")
    return out + 1.0, cache
