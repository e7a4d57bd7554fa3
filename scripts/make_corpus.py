#!/usr/bin/env python3
"""Build the corpus PDFs from their editable sources.

    scripts/make_corpus.py [corpus/src/NAME.plan ...]

Each corpus/src/NAME.plan is a small line-based markup (documented below) that
this script turns into a Flat ODT (corpus/build/NAME.fodt), which LibreOffice
headless prints to corpus/NAME.pdf.  The PDFs are committed: the expected
JSON beside them was checked by a person against exactly these files, so the
tests never need LibreOffice.  Rerun this only to change a document.

Markup (one directive or paragraph per line; blank lines are ignored):
  % comment
  @header ... @end           two-column header block; lines "L: text" (left
                             column) and "R: text" (right); "L*:"/"R*:" bold,
                             "R/:" italic, "L_:"/"R_:" bold + short rule under
  @center TEXT / @center* TEXT   centred paragraph (* = bold)
  @h TEXT                    bold heading paragraph (no indent)
  @hc TEXT                   bold centred heading
  @landscape / @portrait     start a new page in that orientation
  @pagebreak                 start a new page
  @table W1,W2,...           table with column widths in relative units
  @table plain W1,W2,...     the same drawn without lines (a borderless table)
    @th a | b | ...          header row, repeated on every page
    @group NO | TITLE        group row: NO in column 1, TITLE spanning the rest
    a | b | ...              body row; a cell "^" is merged into the cell above,
                             a cell "<" into the cell to its left
  @endtable
  @sign ... @end             signature block: "L: text" recipients (left),
                             "R*: ROLE", "R: NAME" (right)
  @footnote TEXT             small paragraph (footnote-like stray block)
  TEXT                       justified body paragraph, first line indented
Inline: **bold**, *italic*.
"""
import html
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.12cm" fo:line-height="115%"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="14pt" fo:language="vi" fo:country="VN"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:text-indent="1.27cm"/>
 </style:style>
 <style:style style:name="Center" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0cm"/>
 </style:style>
 <style:style style:name="CenterB" style:family="paragraph" style:parent-style-name="Center">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:text-indent="1.27cm" fo:margin-top="0.1cm"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="HeadC" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-top="0.1cm"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph">
  <style:paragraph-properties fo:text-align="left" fo:margin-bottom="0cm" fo:line-height="100%"/>
  <style:text-properties fo:font-size="12pt"/>
 </style:style>
 <style:style style:name="CellH" style:family="paragraph" style:parent-style-name="Cell">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="HdrL" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0cm" fo:line-height="100%"/>
  <style:text-properties fo:font-size="12pt"/>
 </style:style>
 <style:style style:name="HdrLB" style:family="paragraph" style:parent-style-name="HdrL">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="HdrLBR" style:family="paragraph" style:parent-style-name="HdrLB">
  <style:paragraph-properties fo:padding-bottom="0.05cm" fo:margin-left="0.5cm" fo:margin-right="0.5cm" fo:border-bottom="0.5pt solid #000000"/>
 </style:style>
 <style:style style:name="HdrLI" style:family="paragraph" style:parent-style-name="HdrL">
  <style:paragraph-properties fo:margin-top="0.2cm"/>
  <style:text-properties fo:font-style="italic" fo:font-size="14pt"/>
 </style:style>
 <style:style style:name="Small" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm" fo:line-height="100%"/>
  <style:text-properties fo:font-size="11pt"/>
 </style:style>
 <style:style style:name="SmallBI" style:family="paragraph" style:parent-style-name="Small">
  <style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="PageNo" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="13pt"/>
 </style:style>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PLp">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait"
    fo:margin-top="1.5cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.3cm"/></style:header-style>
 </style:page-layout>
 <style:page-layout style:name="PLl">
  <style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape"
    fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.3cm"/></style:header-style>
 </style:page-layout>
 <style:style style:name="FirstP" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="First"/>
 <style:style style:name="BrkP" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="Portrait"/>
 <style:style style:name="BrkL" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="Landscape"/>
 <style:style style:name="TblPlain" style:family="table"><style:table-properties style:width="16cm" table:align="left"/></style:style>
 <style:style style:name="CellPlain" style:family="table-cell"><style:table-cell-properties fo:padding="0.02cm" fo:border="none"/></style:style>
 <style:style style:name="CellBox" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000" style:vertical-align="top"/></style:style>
 <style:style style:name="CellGap" style:family="table-cell"><style:table-cell-properties fo:padding-top="0.05cm" fo:padding-bottom="0.05cm" fo:padding-left="0.19cm" fo:padding-right="0.19cm" fo:border="none" style:vertical-align="top"/></style:style>
 <style:style style:name="CellBoxM" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000" style:vertical-align="middle"/></style:style>
 __COLSTYLES__
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="First" style:page-layout-name="PLp" style:next-style-name="Portrait"/>
 <style:master-page style:name="Portrait" style:page-layout-name="PLp">
  <style:header><text:p text:style-name="PageNo"><text:page-number text:select-page="current"/></text:p></style:header>
 </style:master-page>
 <style:master-page style:name="Landscape" style:page-layout-name="PLl">
  <style:header><text:p text:style-name="PageNo"><text:page-number text:select-page="current"/></text:p></style:header>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""
TAIL = "</office:text></office:body></office:document>\n"


def inline(s):
    s = html.escape(s, quote=False)
    s = re.sub(r"\*\*(.+?)\*\*", r'<text:span text:style-name="B">\1</text:span>', s)
    s = re.sub(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])", r'<text:span text:style-name="I">\1</text:span>', s)
    # keep runs of spaces (blank number/date fields in drafts)
    s = re.sub(r"  +", lambda m: " " + '<text:s text:c="%d"/>' % (len(m.group(0)) - 1), s)
    return s


class Builder:
    def __init__(self):
        self.out = []
        self.colstyles = []
        self.ntables = 0
        self.pending_master = "FirstP"

    def para(self, style, text):
        if self.pending_master:
            # the first paragraph after a page switch carries the master page
            self.out.append('<text:p text:style-name="%s"/>' % self.pending_master)
            self.pending_master = None
        self.out.append('<text:p text:style-name="%s">%s</text:p>' % (style, inline(text)))

    def table(self, widths, rows, plain=False, header_rows=None):
        if self.pending_master:
            self.out.append('<text:p text:style-name="%s"/>' % self.pending_master)
            self.pending_master = None
        self.ntables += 1
        name = "T%d" % self.ntables
        total = sum(widths)
        full = 25.7 if self.landscape else 16.0
        self.colstyles.append('<style:style style:name="%s" style:family="table"><style:table-properties style:width="%.2fcm" table:align="left"/></style:style>' % (name, full))
        for i, w in enumerate(widths):
            self.colstyles.append('<style:style style:name="%s.C%d" style:family="table-column"><style:table-column-properties style:column-width="%.2fcm"/></style:style>' % (name, i, full * w / total))
        o = self.out
        o.append('<table:table table:name="%s" table:style-name="%s">' % (name, name))
        for i in range(len(widths)):
            o.append('<table:table-column table:style-name="%s.C%d"/>' % (name, i))
        ncol = len(widths)
        # row spans: a "^" cell is covered by the nearest non-"^" cell above
        spans = {}
        cspans = {}
        for r, (kind, cells) in enumerate(rows):
            for c, cell in enumerate(cells):
                if cell == "^":
                    rr = r - 1
                    while rows[rr][1][c] == "^":
                        rr -= 1
                    spans[(rr, c)] = spans.get((rr, c), 1) + 1
                if cell == "<":
                    cc = c - 1
                    while cells[cc] == "<":
                        cc -= 1
                    cspans[(r, cc)] = cspans.get((r, cc), 1) + 1
        if header_rows:
            o.append("<table:table-header-rows>")
        for r, (kind, cells) in enumerate(rows):
            if header_rows and r == header_rows:
                o.append("</table:table-header-rows>")
            o.append("<table:table-row>")
            if kind == "group":
                o.append(self.cell(cells[0], plain, "CellH", 1))
                o.append('<table:table-cell table:style-name="%s" table:number-columns-spanned="%d" office:value-type="string"><text:p text:style-name="Cell"><text:span text:style-name="B">%s</text:span></text:p></table:table-cell>' % ("CellGap" if plain else "CellBox", ncol - 1, inline(cells[1])))
                o.extend(["<table:covered-table-cell/>"] * (ncol - 2))
            else:
                for c in range(ncol):
                    cell = cells[c] if c < len(cells) else ""
                    if cell in ("^", "<"):
                        o.append("<table:covered-table-cell/>")
                        continue
                    style = "CellH" if kind == "th" else "Cell"
                    o.append(self.cell(cell, plain, style, spans.get((r, c), 1), cspans.get((r, c), 1)))
            o.append("</table:table-row>")
        o.append("</table:table>")

    def cell(self, text, plain, pstyle, rowspan, colspan=1):
        cs = "CellGap" if plain else ("CellBoxM" if rowspan > 1 else "CellBox")
        span = ' table:number-rows-spanned="%d"' % rowspan if rowspan > 1 else ""
        if colspan > 1:
            span += ' table:number-columns-spanned="%d"' % colspan
        paras = "".join('<text:p text:style-name="%s">%s</text:p>' % (pstyle, inline(t.strip())) for t in text.split("\\n")) if text else '<text:p text:style-name="%s"/>' % pstyle
        return '<table:table-cell table:style-name="%s"%s office:value-type="string">%s</table:table-cell>' % (cs, span, paras)

    def two_column(self, lines, kind):
        left = [(m, t) for side, m, t in lines if side == "L"]
        right = [(m, t) for side, m, t in lines if side == "R"]
        def paras(items, side):
            out = []
            for m, t in items:
                if kind == "sign" and side == "L":
                    st = "SmallBI" if m == "*" else "Small"
                elif kind == "sign":
                    st = "HdrLB" if m == "*" else "HdrL"
                else:
                    st = {"*": "HdrLB", "/": "HdrLI", "_": "HdrLBR"}.get(m, "HdrL")
                out.append('<text:p text:style-name="%s">%s</text:p>' % (st, inline(t)))
            return "".join(out) or '<text:p text:style-name="HdrL"/>'
        if self.pending_master:
            self.out.append('<text:p text:style-name="%s"/>' % self.pending_master)
            self.pending_master = None
        self.ntables += 1
        name = "T%d" % self.ntables
        wl, wr = (6.6, 9.6) if kind == "header" else (8.0, 8.0)
        self.colstyles.append('<style:style style:name="%s" style:family="table"><style:table-properties style:width="16cm" table:align="left"/></style:style>' % name)
        self.colstyles.append('<style:style style:name="%s.L" style:family="table-column"><style:table-column-properties style:column-width="%.1fcm"/></style:style>' % (name, wl))
        self.colstyles.append('<style:style style:name="%s.R" style:family="table-column"><style:table-column-properties style:column-width="%.1fcm"/></style:style>' % (name, wr))
        self.out.append('<table:table table:name="%s" table:style-name="%s"><table:table-column table:style-name="%s.L"/><table:table-column table:style-name="%s.R"/><table:table-row>'
                        '<table:table-cell table:style-name="CellPlain" office:value-type="string">%s</table:table-cell>'
                        '<table:table-cell table:style-name="CellPlain" office:value-type="string">%s</table:table-cell></table:table-row></table:table>'
                        % (name, name, name, name, paras(left, "L"), paras(right, "R")))

    landscape = False


def build(src):
    b = Builder()
    lines = open(src, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        i += 1
        if not line.strip() or line.startswith("%"):
            continue
        if line in ("@header", "@sign"):
            kind = line[1:]
            items = []
            while lines[i].rstrip() != "@end":
                m = re.match(r"([LR])([*/_]?):\s?(.*)$", lines[i].rstrip())
                if not m:
                    raise SystemExit("%s:%d: bad %s line" % (src, i + 1, kind))
                items.append((m.group(1), m.group(2), m.group(3)))
                i += 1
            i += 1
            b.two_column(items, kind)
        elif line.startswith("@table"):
            words = line.split()
            plain = len(words) > 2 and words[1] == "plain"
            widths = [float(w) for w in words[-1].split(",")]
            rows = []
            nth = 0
            while lines[i].rstrip() != "@endtable":
                row = lines[i].rstrip()
                i += 1
                if not row.strip() or row.startswith("%"):
                    continue
                if row.startswith("@th "):
                    rows.append(("th", [c.strip() for c in row[4:].split("|")]))
                    nth += 1
                elif row.startswith("@group "):
                    rows.append(("group", [c.strip() for c in row[7:].split("|", 1)]))
                else:
                    rows.append(("td", [c.strip() for c in row.split("|")]))
            i += 1
            b.table(widths, rows, plain=plain, header_rows=nth)
        elif line.startswith("@center* "):
            b.para("CenterB", line[9:])
        elif line.startswith("@center "):
            b.para("Center", line[8:])
        elif line.startswith("@hc "):
            b.para("HeadC", line[4:])
        elif line.startswith("@h "):
            b.para("Heading", line[3:])
        elif line.startswith("@footnote "):
            b.para("Small", line[10:])
        elif line == "@landscape":
            b.landscape = True
            b.pending_master = "BrkL"
        elif line in ("@portrait", "@pagebreak"):
            if line == "@portrait":
                b.landscape = False
            b.pending_master = "BrkL" if b.landscape else "BrkP"
        elif line.startswith("@"):
            raise SystemExit("%s:%d: unknown directive %s" % (src, i, line.split()[0]))
        else:
            b.para("Body", line)
    return HEAD.replace("__COLSTYLES__", "\n ".join(b.colstyles)) + "\n".join(b.out) + TAIL


def main(argv):
    srcs = argv[1:] or sorted(os.path.join(ROOT, "corpus", "src", f)
                              for f in os.listdir(os.path.join(ROOT, "corpus", "src")) if f.endswith(".plan"))
    build_dir = os.path.join(ROOT, "corpus", "build")
    os.makedirs(build_dir, exist_ok=True)
    for src in srcs:
        name = os.path.splitext(os.path.basename(src))[0]
        fodt = os.path.join(build_dir, name + ".fodt")
        with open(fodt, "w", encoding="utf-8") as f:
            f.write(build(src))
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(["soffice", "-env:UserInstallation=file://" + profile, "--headless",
                            "--convert-to", "pdf", "--outdir", build_dir, fodt],
                           check=True, stdout=subprocess.DEVNULL)
        os.replace(os.path.join(build_dir, name + ".pdf"), os.path.join(ROOT, "corpus", name + ".pdf"))
        print("corpus/%s.pdf" % name)


if __name__ == "__main__":
    main(sys.argv)
