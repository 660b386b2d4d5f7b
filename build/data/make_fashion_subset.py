#!/usr/bin/env python3
"""Writes the Fashion-MNIST subset shipped in src/Ramp.Data/Resources (run once; the output is committed).

Source: Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist). Takes the first N images of each
class, in file order, from train and test, keeps that order, and writes IDX files gzipped with mtime 0 so the
output is byte-for-byte reproducible.  Usage: make_fashion_subset.py [SOURCE] [TRAIN_PER_CLASS] [TEST_PER_CLASS]
"""
import gzip, os, struct, sys

src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
per_class = {"train": int(sys.argv[2]) if len(sys.argv) > 2 else 800, "t10k": int(sys.argv[3]) if len(sys.argv) > 3 else 200}
out = os.path.join(os.path.dirname(__file__), "..", "..", "src", "Ramp.Data", "Resources")

for split, n in per_class.items():
    images = gzip.open(os.path.join(src, f"{split}-images-idx3-ubyte.gz")).read()
    labels = gzip.open(os.path.join(src, f"{split}-labels-idx1-ubyte.gz")).read()
    count, rows, cols = struct.unpack(">III", images[4:16])
    size = rows * cols
    taken, keep = [0] * 10, []
    for i in range(count):
        label = labels[8 + i]
        if taken[label] < n:
            taken[label] += 1
            keep.append(i)
    img = struct.pack(">IIII", 0x803, len(keep), rows, cols) + b"".join(images[16 + i * size:16 + (i + 1) * size] for i in keep)
    lab = struct.pack(">II", 0x801, len(keep)) + bytes(labels[8 + i] for i in keep)
    for name, data in ((f"fashion-{split}-images-idx3-ubyte.gz", img), (f"fashion-{split}-labels-idx1-ubyte.gz", lab)):
        with open(os.path.join(out, name), "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
            g.write(data)
    print(split, len(keep), "images", taken)
