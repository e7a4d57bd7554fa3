#!/usr/bin/env python3
"""Writes PDFs that are hostile to a PDF parser, for the batch isolation test.

  make_hostile_pdfs.py DIR

  slow.pdf    one page whose content is one stream, listed 20 times, that
              inflates to ~300 MB of "q Q" operators (save/restore graphics
              state): a few hundred KB on disk, 6 GB of operators, about five
              minutes of Poppler's time (15 s a copy), little memory.  A
              parser stuck on it is a hang as far as a batch is concerned.
  greedy.pdf  one page whose content stream inflates to ~25 MB of text: 200
              lines drawn 1500 times, each time 0.2 pt to the right, so no
              character lands on one drawn before (Poppler drops exact
              overdraws, and "tiny" characters after 50 000, hence a 10-point
              font): 12 million characters, each kept by the text reader until
              the end of the page, gigabytes of memory.
Both are valid PDFs (a real reader would get there in the end); they are made
small on disk by Flate compression, the "decompression bomb" of archives.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from make_malformed import stream, write_pdf  # noqa: E402


def pdf(content: bytes, resources: bytes = b"<< >>", copies: int = 1) -> bytes:
    contents = b"[" + b" ".join([b"4 0 R"] * copies) + b"]" if copies > 1 else b"4 0 R"
    return write_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %s /Resources %s >>" % (contents, resources),
        stream(content),
    ])


def main() -> None:
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "slow.pdf"), "wb") as f:
        f.write(pdf(b"q Q\n" * (75 * 1000 * 1000), copies=20))
    # 200 lines down the page, drawn again and again (a cycle short enough
    # for Flate's window, so it compresses a thousandfold).
    # Each cycle starts 0.2 pt to the right of the last (Td is relative).
    page = b"0.2 800 Td\n" + b"".join(b"0 -4 Td (" + b"abcdefghij" * 10 + b") Tj\n" for k in range(200))
    body = b"BT /F1 10 Tf 20 20 Td\n" + page * 1500 + b"ET\n"
    font = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
    with open(os.path.join(d, "greedy.pdf"), "wb") as f:
        f.write(pdf(body, font))


if __name__ == "__main__":
    main()
