#!/usr/bin/env python3
"""Writes the malformed corpus: broken, hostile and huge PDFs, one per case.

  make_malformed.py [--small] DIR

Every file is made here from nothing but this script, qpdf and one corpus
PDF (for the truncations), so the corpus is rebuilt by the test that uses it
(tests/batch/malformed_test.sh) and never committed.  --small makes the big
cases small (3 pages, 2 000 words) for fuzzing seeds.

  zero_bytes.pdf          an empty file
  truncated_NN.pdf        a real plan (corpus/004) cut at NN% of its bytes, and
  truncated_at_startxref.pdf  just before the pointer to its cross-reference
                          (the trailer is whole: a reader rebuilds the table)
  not_a_pdf_text.pdf      a text file, an HTML page, a PNG, each named .pdf
  not_a_pdf_html.pdf
  not_a_pdf_png.pdf
  wrong_header.pdf        a plan whose first line says %PDX-1.4
  late_header.pdf         a plan after 4 KB of junk (readers look in the first 1 KB)
  encrypted.pdf           a plan, AES-256, user password "malformed" (qpdf)
  page_tree_loop.pdf      the page tree's node lists itself among its kids
  page_parent_loop.pdf    two page-tree nodes each other's kid
  deep_nesting.pdf        a page resource of arrays nested 100 000 deep, and a
                          dictionary nested 10 000 deep
  corrupt_stream.pdf      a page whose Flate stream is noise
  pages_1000.pdf          a 1000-page text plan: page k cites Quyet dinh so
                          k/QD-UBND and sets a target of k mod 100 percent
  tiny_words.pdf          one page of 100 000 one-letter words in 1 pt type
  only_spaces.pdf         two pages whose text is only spaces
  one_paragraph.pdf       a plan whose 19 pages are one paragraph (no break, no
                          indent) holding 400 references and 400 targets
  one_line.pdf            a plan whose body is a single line of 200 000 characters

The plans' text is Vietnamese without diacritics (the standard Helvetica font
has none), which the rules read as they read the accented forms.
"""
import os
import random
import subprocess
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS_PLAN = os.path.join(HERE, "..", "corpus", "004_cantho_2025.pdf")
FONT = (b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
        b" /F2 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >> >> >>")


def write_pdf(objs, root=1):
    """objs: bodies of objects 1..n (bytes).  Returns the file with an xref."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, root, xref)
    return bytes(out)


def stream(content, compress=True):
    if compress:
        data = zlib.compress(content, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def esc(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def text_page(lines, size=11, leading=15, x=60, top=790):
    """A content stream drawing `lines` from the top down: each a str, or
    (x, str), or (x, dy, str, bold) with dy the step down to it (0: on the
    row of the line before)."""
    body = [b"BT"]
    y = top + leading
    for ln in lines:
        if isinstance(ln, str):
            ln = (x, leading, ln, False)
        elif len(ln) == 2:
            ln = (ln[0], leading, ln[1], False)
        lx, dy, s, bold = ln
        y -= dy
        body.append(b"/F%d %d Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj" % (2 if bold else 1, size, lx, y, esc(s)))
    body.append(b"ET")
    return b"\n".join(body)


def document(contents, resources=FONT, width=595, height=842):
    """A PDF with one page per content stream."""
    n = len(contents)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for c in contents:
        page_id = len(objs) + 1
        kids.append(b"%d 0 R" % page_id)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R /Resources %s >>"
                    % (width, height, page_id + 1, resources))
        objs.append(stream(c))
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % n
    return write_pdf(objs)


# A plan's header as printed: issuer and motto side by side, the number and
# the place and date, then the title, centred and bold.
HEADER = [
    (80, 15, "UY BAN NHAN DAN", False), (300, 0, "CONG HOA XA HOI CHU NGHIA VIET NAM", True),
    (95, 15, "TINH LONG AN", True), (340, 0, "Doc lap - Tu do - Hanh phuc", True),
    (85, 25, "So: 12/KH-UBND", False), (320, 0, "Long An, ngay 15 thang 3 nam 2025", False),
    (270, 40, "KE HOACH", True), (150, 15, "Cai cach hanh chinh tinh Long An nam 2025", True),
    (60, 30, "", False),
]


def small_plan():
    """A two-page plan with a number, a reference and a target."""
    p1 = HEADER + [
        "Can cu Quyet dinh so 1234/QD-UBND ngay 12/3/2024 cua UBND tinh Long An;",
        "I. MUC DICH, YEU CAU",
        "Ty le ho so giai quyet dung han dat tu 98% tro len.",
    ]
    p2 = ["II. NHIEM VU", "Muc do hai long cua nguoi dan dat toi thieu 90%."]
    return document([text_page(p1), text_page(p2)])


def truncations(d):
    data = open(CORPUS_PLAN, "rb").read()
    for pct in (10, 50, 90, 99):
        open(os.path.join(d, "truncated_%02d.pdf" % pct), "wb").write(data[: len(data) * pct // 100])
    open(os.path.join(d, "truncated_at_startxref.pdf"), "wb").write(data[:data.rfind(b"startxref")])


def not_pdfs(d):
    open(os.path.join(d, "not_a_pdf_text.pdf"), "wb").write("Ke hoach cai cach hanh chinh nam 2025\n".encode() * 20)
    open(os.path.join(d, "not_a_pdf_html.pdf"), "wb").write(b"<!DOCTYPE html><html><body>404 Not Found</body></html>\n")
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(random.Random(1).getrandbits(8) for _ in range(500))
    open(os.path.join(d, "not_a_pdf_png.pdf"), "wb").write(png)


def headers(d):
    plan = small_plan()
    open(os.path.join(d, "wrong_header.pdf"), "wb").write(b"%PDX" + plan[4:])
    junk = bytes(random.Random(2).getrandbits(8) for _ in range(4096))
    open(os.path.join(d, "late_header.pdf"), "wb").write(junk + plan)


def encrypted(d):
    plain = os.path.join(d, ".plain.pdf")
    open(plain, "wb").write(small_plan())
    subprocess.run(["qpdf", "--encrypt", "malformed", "malformed", "256", "--", plain,
                    os.path.join(d, "encrypted.pdf")], check=True)
    os.remove(plain)


def loops(d):
    # Object 2 (the root node) lists itself and a page among its kids.
    page = text_page(HEADER)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources %s >>" % FONT,
            stream(page)]
    open(os.path.join(d, "page_tree_loop.pdf"), "wb").write(write_pdf(objs))
    # Nodes 2 and 5 are each other's kid.
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [5 0 R 3 0 R] /Count 3 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources %s >>" % FONT,
            stream(page),
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"]
    open(os.path.join(d, "page_parent_loop.pdf"), "wb").write(write_pdf(objs))


def nesting(d, small):
    depth = 1000 if small else 100000
    arr = b"[" * depth + b"]" * depth
    dic = b"<< /A " * (depth // 10) + b"1" + b" >>" * (depth // 10)
    res = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> /Deep " + arr + b" /Deeper " + dic + b" >>"
    open(os.path.join(d, "deep_nesting.pdf"), "wb").write(document([text_page(HEADER)], resources=res))


def corrupt_stream(d):
    noise = bytes(random.Random(3).getrandbits(8) for _ in range(3000))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources %s >>" % FONT,
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(noise) + noise + b"\nendstream"]
    open(os.path.join(d, "corrupt_stream.pdf"), "wb").write(write_pdf(objs))


def many_pages(d, small):
    n = 3 if small else 1000
    pages = []
    for k in range(1, n + 1):
        lines = HEADER if k == 1 else []
        lines = lines + [
            "Muc %d. Thuc hien nhiem vu so %d cua ke hoach." % (k, k),
            "Can cu Quyet dinh so %d/QD-UBND ngay 10/01/2024 cua UBND tinh Long An." % k,
            "Ty le thu tuc hanh chinh duoc so hoa dat %d%%." % (k % 100 + 1),
            "Trang %d" % k,
        ]
        pages.append(text_page(lines))
    open(os.path.join(d, "pages_1000.pdf"), "wb").write(document(pages))


def tiny_words(d, small):
    n = 2000 if small else 100000
    cols = 250
    body = [b"BT /F1 1 Tf"]
    for i in range(n):
        x, y = 20 + (i % cols) * 2.2, 820 - (i // cols) * 2.0
        body.append(b"1 0 0 1 %.1f %.1f Tm (%s) Tj" % (x, y, bytes([97 + i % 26])))
    body.append(b"ET")
    open(os.path.join(d, "tiny_words.pdf"), "wb").write(document([b"\n".join(body)]))


def only_spaces(d):
    page = text_page([" " * 80] * 40)
    open(os.path.join(d, "only_spaces.pdf"), "wb").write(document([page, page]))


def one_paragraph(d, small):
    # Sentences poured into lines of ~95 characters, no blank line, no indent.
    words = []
    # Units of different lengths, so that no line comes back word for word
    # (a line repeated at the top of pages is a running header).
    units = ["So Noi vu", "So Tu phap va cac phong ban chuyen mon", "Van phong UBND tinh",
             "Ban Dan toc", "So Thong tin va Truyen thong cung cac don vi lien quan", "Cong an tinh",
             "Trung tam Phuc vu hanh chinh cong"]
    for k in range(1, 401):
        words += ("Theo Quyet dinh so %d/QD-UBND ngay 05/02/2024 cua UBND tinh Long An, "
                  "ty le ho so truc tuyen dat %d%% va %s tiep tuc thuc hien nhiem vu duoc giao "
                  "mot cach dong bo thong nhat hieu qua trong toan tinh."
                  % (100 + k, k % 50 + 50, units[k % len(units)])).split()
    lines, cur = [], ""
    for w in words:
        if len(cur) + len(w) + 1 > 95:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w).strip()
    lines.append(cur)
    first = 40  # under the header
    pages = [text_page(HEADER + lines[:first], size=10, leading=14)]
    pages += [text_page(lines[i:i + 52], size=10, leading=14) for i in range(first, len(lines), 52)]
    if small:
        pages = pages[:2]
    open(os.path.join(d, "one_paragraph.pdf"), "wb").write(document(pages))


def one_line(d, small):
    n = 2000 if small else 200000
    text = ("ty le dat 95% theo Quyet dinh so 77/QD-UBND " * (n // 44 + 1))[:n]
    page = text_page(HEADER) + b"\nBT /F1 10 Tf 1 0 0 1 60 600 Tm (" + esc(text) + b") Tj ET"
    open(os.path.join(d, "one_line.pdf"), "wb").write(document([page]))


def main():
    args = sys.argv[1:]
    small = "--small" in args
    args = [a for a in args if a != "--small"]
    if len(args) != 1:
        sys.exit("usage: make_malformed.py [--small] DIR")
    d = args[0]
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, "zero_bytes.pdf"), "wb").close()
    truncations(d)
    not_pdfs(d)
    headers(d)
    encrypted(d)
    loops(d)
    nesting(d, small)
    corrupt_stream(d)
    many_pages(d, small)
    tiny_words(d, small)
    only_spaces(d)
    one_paragraph(d, small)
    one_line(d, small)


if __name__ == "__main__":
    main()
