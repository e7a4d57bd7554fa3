#!/usr/bin/env python3
"""Writes ocr/data/handwritten_digits.json from the UCI handwritten digits.

The samples are the 1797 digits of the UCI "Optical Recognition of
Handwritten Digits" set (E. Alpaydin, C. Kaynak, 1998; CC BY 4.0) as Debian
ships them in python3-sklearn (sklearn/datasets/data/digits.csv.gz: 64
counts 0-16 of an 8x8 grid, then the digit).  Each becomes one string: the
digit, ':', then the 64 counts as letters 'a' (0) to 'q' (16), row by row.

    apt-get download python3-sklearn && dpkg-deb -x python3-sklearn_*.deb x
    scripts/make_digit_samples.py x/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz
"""
import gzip
import json
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz"
samples = []
with gzip.open(src, "rt") as f:
    for line in f:
        v = [int(float(x)) for x in line.strip().split(",")]
        assert len(v) == 65 and all(0 <= x <= 16 for x in v[:64])
        samples.append(f"{v[64]}:" + "".join(chr(ord('a') + x) for x in v[:64]))
out = {
    "about": "Handwritten digits for ocr/digits.h: the UCI 'Optical Recognition of Handwritten Digits' set "
             "(E. Alpaydin, C. Kaynak, 1998, 43 writers; licence CC BY 4.0) as Debian's python3-sklearn "
             "1.2.1 ships it (sklearn/datasets/data/digits.csv.gz). Written by scripts/make_digit_samples.py. "
             "Each sample: the digit, ':', then its 32x32 bitmap's 8x8 grid of 4x4-block ink counts, "
             "0-16 written 'a'-'q', row by row.",
    "samples": samples,
}
with open("ocr/data/handwritten_digits.json", "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=0)
    f.write("\n")
print(len(samples), "samples")
