#!/usr/bin/python3
"""Writes samples/batch/corrupt.txt: 3000 reproducible pseudo-random bytes (random.seed(7)).

Bytes 0 and 1500 are forced to NUL so the file always contains NUL bytes.
Run from anywhere: /usr/bin/python3 tests/data/samples-src/make_corrupt.py
"""
import os
import random

random.seed(7)
data = bytearray(random.getrandbits(8) for _ in range(3000))
data[0] = 0
data[1500] = 0
root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
out = os.path.join(root, "samples", "batch", "corrupt.txt")
with open(out, "wb") as f:
    f.write(bytes(data))
print("wrote", out, len(data), "bytes,", data.count(0), "NUL bytes")
