#!/usr/bin/python3
"""Makes the scanned versions of the corpus plans: corpus/scans/*.pdf.

Each born-digital corpus PDF is rasterised with pdftoppm at 200 dpi in grey,
then made to look like an archive's black-and-white scan: turned by a small
angle (0.3 to 1.2 degrees, a different one per page), Gaussian noise and a
soft blur (ragged strokes once thresholded), dust specks, then thresholded to
one bit per pixel (as document scanners and fax archives store pages, which
also keeps the files small); the pages are wrapped back into a PDF with no
text layer.  A mixed PDF takes page 1 from the born-digital file and the
rest from its scan (qpdf).  Deterministic: the same input gives the same
pictures (seeded by file and page).

Needs Debian's poppler-utils, qpdf and python3-pil (run with /usr/bin/python3,
Debian's Python).  The PDFs are committed; run this only to remake them:
    /usr/bin/python3 scripts/make_scans.py
"""
import glob
import os
import random
import subprocess
import sys
import tempfile
import zlib

from PIL import Image, ImageChops, ImageFilter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DPI = 200
MIXED = ["004_cantho_2025"]  # page 1 born-digital, the rest scanned


def scan_page(img, rng):
    img = img.convert("L")
    angle = rng.choice([-1, 1]) * rng.uniform(0.3, 1.2)
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    noise = Image.effect_noise(img.size, 28)
    img = ImageChops.add(img, noise, scale=1.0, offset=-128)
    px = img.load()
    w, h = img.size
    for _ in range(w * h // 4000):  # dust
        x, y = rng.randrange(w), rng.randrange(h)
        v = rng.randrange(0, 90)
        for dx in range(rng.randrange(1, 3)):
            for dy in range(rng.randrange(1, 3)):
                if x + dx < w and y + dy < h:
                    px[x + dx, y + dy] = v
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    img = img.point(lambda v: 255 if v > 150 else 0).convert("1")
    return img, angle


def make(pdf, out):
    name = os.path.splitext(os.path.basename(pdf))[0]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", pdf, os.path.join(tmp, "p")], check=True)
        pages = sorted(glob.glob(os.path.join(tmp, "p-*.pgm")))
        imgs = []
        for i, p in enumerate(pages, 1):
            rng = random.Random(zlib.crc32(f"{name}/{i}".encode()))
            img, angle = scan_page(Image.open(p), rng)
            imgs.append(img)
            print(f"{name} page {i}: turned {angle:+.2f} degrees", file=sys.stderr)
        imgs[0].save(out, "PDF", resolution=DPI, save_all=True, append_images=imgs[1:])


def main():
    out_dir = os.path.join(ROOT, "corpus", "scans")
    os.makedirs(out_dir, exist_ok=True)
    for pdf in sorted(glob.glob(os.path.join(ROOT, "corpus", "*.pdf"))):
        name = os.path.splitext(os.path.basename(pdf))[0]
        out = os.path.join(out_dir, name + ".scan.pdf")
        make(pdf, out + ".tmp")
        os.replace(out + ".tmp", out)
        if name in MIXED:
            mixed = os.path.join(out_dir, name + ".mixed.pdf")
            subprocess.run(["qpdf", "--empty", "--pages", pdf, "1", out, "2-z", "--", mixed], check=True)


if __name__ == "__main__":
    main()
