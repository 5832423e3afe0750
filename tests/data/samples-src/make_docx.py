#!/usr/bin/python3
"""Convert the plain-text sample resumes in samples/ to .docx with python-docx.

Run with Debian's interpreter (the module comes from the python3-docx package):

    /usr/bin/python3 tests/data/samples-src/make_docx.py

Rules (the text of every line is preserved exactly, so the analyzer should find
the same skills and dates in the .txt and the .docx):
  * an ALL-CAPS line (e.g. "EXPERIENCE", "S K I L L S")  -> paragraph, style "Heading 1"
  * a bullet line ("•", "-", "*", "▪" prefix)              -> paragraph, style "List Bullet",
                                                              bullet char and indentation removed
  * any other line (including blank lines)                -> "Normal" paragraph
  * a "linkedin.com/..." URL is written as a real w:hyperlink run (external relationship)

Special outputs:
  * healthcare-nlp-engineer.docx : name + contact line live in the page HEADER
  * product-manager-table.docx   : 2-column table (section heading | section lines)
  * messy-layout.docx            : BOM stripped and CRLF normalised before converting

Determinism: core properties are fixed (2026-01-01, author "skillgap samples") and the
ZIP container is rewritten with fixed member timestamps, so re-running the script gives
byte-identical files.
"""
import datetime
import io
import os
import re
import sys
import zipfile

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SAMPLES = os.path.join(ROOT, "samples")

NAMES = [
    "ml-engineer-fintech",
    "nurse-learning-python",
    "phd-researcher",
    "product-manager",
    "healthcare-nlp-engineer",
    "radiology-cv-engineer",
    "junior-new-grad",
    "messy-layout",
]

FIXED_DT = datetime.datetime(2026, 1, 1, 0, 0, 0)
ZIP_DT = (2026, 1, 1, 0, 0, 0)
BULLETS = ("•", "-", "*", "▪")
LINKEDIN_RE = re.compile(r"linkedin\.com/[^\s|,;]+")


def read_lines(name):
    with open(os.path.join(SAMPLES, name + ".txt"), encoding="utf-8", newline="") as f:
        text = f.read()
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def is_heading(line):
    s = line.strip()
    letters = [c for c in s if c.isalpha()]
    if len(letters) < 3 or len(s) > 40:
        return False
    if s.startswith(BULLETS):
        return False
    return all(c.isupper() for c in letters)


def bullet_text(line):
    """Return the bullet's text without the bullet char, or None if not a bullet line."""
    s = line.lstrip(" \t")
    if not s or not s.startswith(BULLETS):
        return None
    if set(s.strip()) <= set("-=*_"):  # underline rules like "--------" are not bullets
        return None
    return s[1:].lstrip(" \t")


def add_hyperlink(paragraph, text, url):
    """Append a w:hyperlink (external relationship) holding one run with `text`."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.append(color)
    rpr.append(underline)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def fill_paragraph(paragraph, text):
    """Write text into paragraph; a linkedin URL becomes a hyperlink run."""
    pos = 0
    for m in LINKEDIN_RE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        add_hyperlink(paragraph, m.group(0), "https://www." + m.group(0).split("www.")[-1])
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def add_line(container, line):
    """Add one text line to a Document body, header or table cell."""
    b = bullet_text(line)
    if b is not None:
        p = container.add_paragraph(style="List Bullet")
        fill_paragraph(p, b)
    elif is_heading(line):
        p = container.add_paragraph(style="Heading 1")
        fill_paragraph(p, line)
    else:
        p = container.add_paragraph()
        fill_paragraph(p, line)
    return p


def new_document():
    d = docx.Document()
    cp = d.core_properties
    cp.author = "skillgap samples"
    cp.last_modified_by = "skillgap samples"
    cp.created = FIXED_DT
    cp.modified = FIXED_DT
    cp.last_printed = FIXED_DT
    cp.revision = 1
    cp.title = ""
    cp.subject = ""
    cp.keywords = ""
    cp.comments = ""
    cp.category = ""
    return d


def save_deterministic(d, path):
    """Save, then rewrite the ZIP with fixed timestamps and the same member order."""
    buf = io.BytesIO()
    d.save(buf)
    buf.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    with open(path, "wb") as f:
        f.write(out.getvalue())


def make_plain(name):
    d = new_document()
    for line in read_lines(name):
        add_line(d, line)
    return d


def make_header_variant(name):
    """Name and contact line in the section header; the rest in the body."""
    d = new_document()
    lines = read_lines(name)
    header = d.sections[0].header
    header.is_linked_to_previous = False
    hp = header.paragraphs[0]
    fill_paragraph(hp, lines[0])
    fill_paragraph(header.add_paragraph(), lines[1])
    for line in lines[2:]:
        add_line(d, line)
    return d


def make_table_variant(name):
    """Name/contact as body paragraphs, then a 2-column table: heading | section lines."""
    d = new_document()
    lines = read_lines(name)
    i = 0
    while i < len(lines) and not is_heading(lines[i]):
        if lines[i].strip():
            fill_paragraph(d.add_paragraph(), lines[i])
        i += 1
    sections = []
    for line in lines[i:]:
        if is_heading(line):
            sections.append((line, []))
        elif line.strip():
            sections[-1][1].append(line)
    table = d.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for heading, body in sections:
        row = table.add_row()
        left, right = row.cells
        left.paragraphs[0].add_run(heading).bold = True
        first = True
        for line in body:
            if first:
                p = right.paragraphs[0]
                b = bullet_text(line)
                if b is not None:
                    p.style = d.styles["List Bullet"]
                    fill_paragraph(p, b)
                else:
                    fill_paragraph(p, line)
                first = False
            else:
                add_line(right, line)
    return d


def main():
    made = []
    for name in NAMES:
        if name == "healthcare-nlp-engineer":
            d = make_header_variant(name)
        else:
            d = make_plain(name)
        path = os.path.join(SAMPLES, name + ".docx")
        save_deterministic(d, path)
        made.append(path)
    path = os.path.join(SAMPLES, "product-manager-table.docx")
    save_deterministic(make_table_variant("product-manager"), path)
    made.append(path)
    for p in made:
        print("wrote", os.path.relpath(p, ROOT), os.path.getsize(p), "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
