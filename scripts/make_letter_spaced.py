#!/usr/bin/env python3
"""Writes tests/data/letter_spaced.pdf: a title set with wide character
spacing (Tc 5 on 14 pt Helvetica), between two ordinary lines.

Poppler's text output (pdftotext) reads the title as words; kehoach's word
list gets it one letter per word, and the layout must join them back
(extractor/layout.cc JoinLetterSpaced).  ASCII only, so that the base-14
font needs no embedding.

    scripts/make_letter_spaced.py tests/data/letter_spaced.pdf
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_malformed import stream, write_pdf  # noqa: E402

content = (b"BT /F1 14 Tf 60 760 Td (Noi dung thuong) Tj ET\n"
           b"BT /F1 14 Tf 5 Tc 40 700 Td (KE HOACH CUA THU TUONG CHINH PHU SO 58) Tj ET\n"
           b"BT /F1 12 Tf 0 Tc 60 650 Td (Dong van ban thuong sau tieu de.) Tj ET\n")
font = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>"
pdf = write_pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources %s >>" % font,
    stream(content),
])
with open(sys.argv[1], "wb") as f:
    f.write(pdf)
