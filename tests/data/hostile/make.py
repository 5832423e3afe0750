#!/usr/bin/python3
"""Generate the reader test fixtures in tests/data/hostile/ (stdlib only:
zipfile, zlib, struct). Run from anywhere:

    python3 tests/data/hostile/make.py

Every output is deterministic (fixed ZIP timestamps). What each file is:

Word features (small valid packages built by docx() below):
  feat_header_contact.docx  name/email/phone only in word/header1.xml (+ a
                            second identical header that must not repeat)
  feat_table.docx           2x2 table, two paragraphs in one cell
  feat_tracked.docx         w:ins text kept, w:del/w:delText dropped
  feat_altcontent.docx      text box as mc:AlternateContent: Choice + Fallback
                            copies of the same text (must appear once)
  feat_fields.docx          complex field: instrText (dropped) + result (kept),
                            fldSimple, sdt content control, smartTag
  feat_custom_main.docx     _rels/.rels points to word/main.xml (no document.xml)
  feat_image_only.docx      body holds only a w:drawing: no text at all
  feat_flat_opc.xml         Flat OPC (pkg:package) with document, header, rels
Hostile XML (bare WordprocessingML; all have a DOCTYPE and must be refused
before any entity is defined, expanded or fetched):
  xml_billion_laughs.xml    10 levels x10 nested entities (10^9 "lol")
  xml_quadratic.xml         one 50 KB entity referenced 2000 times
  xml_xxe_file.xml          external entity SYSTEM "file:///etc/passwd"
  xml_xxe_http.xml          external entity SYSTEM "http://127.0.0.1:9/x" and
                            an external DTD
  xml_cyclic.xml            entities a -> b -> a
  xml_deep.xml              300 nested w:sdt/w:sdtContent levels (> 256)
  docx_billion_laughs.docx  the billion laughs as word/document.xml of a .docx
Hostile ZIP:
  zip_bomb.docx             document.xml with 8 MiB of spaces (deflate ratio
                            ~1000:1, ~8 KB on disk)
  zip_bomb_lying.docx       the same, but the central directory and local
                            header claim 1000 bytes uncompressed (must be
                            caught while inflating, not from the header)
  zip_many_entries.docx     a valid document plus 1100 empty entries (> 1000)
  zip_truncated.docx        feat_table.docx cut in half
  zip_encrypted.docx        word/document.xml marked encrypted (flag bit 0,
                            traditional PKWARE) with garbage data
  zip_junk_before.docx      4 KB of junk + feat_table.docx (sfx-style)
  zip_junk_after.docx       feat_table.docx + 4 KB of junk
  zip_nested.docx           word/document.xml is itself a zip
  zip_duplicate.docx        two entries named word/document.xml (different text)
  zip_nul_name.docx         an entry whose name contains a NUL byte
  zip_no_main.docx          a zip with neither _rels/.rels nor word/document.xml
"""
import io
import os
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DT = (2026, 1, 1, 0, 0, 0)

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
     'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
     'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')


def p(text, style=None, num=False):
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += '<w:pStyle w:val="%s"/>' % style
        if num:
            ppr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        ppr += "</w:pPr>"
    return '<w:p>%s<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (ppr, text)


def document(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document %s><w:body>%s<w:sectPr/></w:body></w:document>' % (W, body))


def rels(items):
    out = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">')
    for rid, typ, target, external in items:
        out += '<Relationship Id="%s" Type="%s/%s" Target="%s"%s/>' % (
            rid, RT, typ, target, ' TargetMode="External"' if external else "")
    return out + "</Relationships>"


def zbytes(entries, compress=zipfile.ZIP_DEFLATED):
    """entries: list of (name, bytes|str)."""
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", compress) as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, DT)
            zi.compress_type = compress
            z.writestr(zi, data.encode("utf-8") if isinstance(data, str) else data)
    return b.getvalue()


def docx(body_xml, main="word/document.xml", doc_rels=(), extra=()):
    d = os.path.dirname(main)
    entries = [("[Content_Types].xml", CT),
               ("_rels/.rels", rels([("rId1", "officeDocument", main, False)])),
               (main, body_xml)]
    if doc_rels:
        entries.append(("%s/_rels/%s.rels" % (d, os.path.basename(main)), rels(doc_rels)))
    entries.extend(extra)
    return zbytes(entries)


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


HEADER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr %s>%s%s</w:hdr>'
          % (W, p("Jordan Q. Example"), p("jordan.example@example.org | +1 (555) 010-2030")))


def main():
    # ---- Word features ----
    body = (p("EXPERIENCE", "Heading1") + p("Data Scientist, Acme Health 2019 - 2021") +
            p("Built sepsis models in Python", num=True) +
            '<w:p><w:hyperlink r:id="rId9"><w:r><w:t>my portfolio</w:t></w:r></w:hyperlink></w:p>')
    write("feat_header_contact.docx", docx(
        document(body),
        doc_rels=[("rId7", "header", "header1.xml", False), ("rId8", "header", "header2.xml", False),
                  ("rId9", "hyperlink", "https://portfolio.example.org/jq", True)],
        extra=[("word/header1.xml", HEADER), ("word/header2.xml", HEADER)]))

    table = ("<w:tbl><w:tblPr/><w:tblGrid/>"
             "<w:tr><w:tc><w:tcPr/>" + p("SKILLS") + "</w:tc><w:tc>" + p("Python") + p("SQL") + "</w:tc></w:tr>"
             "<w:tr><w:tc>" + p("Cell A") + "</w:tc><w:tc>" + p("Cell B") + "</w:tc></w:tr></w:tbl>" +
             p("After table"))
    write("feat_table.docx", docx(document(table)))

    tracked = ('<w:p><w:r><w:t xml:space="preserve">Skilled in </w:t></w:r>'
               '<w:ins w:id="1" w:author="a"><w:r><w:t>PyTorch</w:t></w:r></w:ins>'
               '<w:del w:id="2" w:author="a"><w:r><w:delText>TensorFlow</w:delText></w:r></w:del>'
               '<w:r><w:t xml:space="preserve"> and SQL</w:t></w:r></w:p>')
    write("feat_tracked.docx", docx(document(tracked)))

    box = ('<w:p><w:r><w:t xml:space="preserve">Intro </w:t></w:r><w:r><mc:AlternateContent>'
           '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>' + p("Kubernetes expert") +
           '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
           '<mc:Fallback><w:pict><v:textbox><w:txbxContent>' + p("Kubernetes expert") +
           '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
           '<w:r><w:t xml:space="preserve">outro</w:t></w:r></w:p>')
    write("feat_altcontent.docx", docx(document(box)))

    fields = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
              '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://secret.example" \\o "TOOLTIP" </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Field result</w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
              '<w:p><w:fldSimple w:instr=" DATE \\@ yyyy "><w:r><w:t>2024</w:t></w:r></w:fldSimple></w:p>'
              '<w:sdt><w:sdtPr><w:alias w:val="ALIASNAME"/><w:placeholder><w:docPart w:val="X"/></w:placeholder></w:sdtPr>'
              '<w:sdtContent>' + p("Controlled content") + '</w:sdtContent></w:sdt>'
              '<w:p><w:smartTag w:uri="u" w:element="place"><w:r><w:t>Boston</w:t></w:r></w:smartTag>'
              '<w:r><w:tab/><w:t>MA</w:t><w:br/><w:t>Next line</w:t></w:r></w:p>')
    write("feat_fields.docx", docx(document(fields)))

    write("feat_custom_main.docx", docx(document(p("Custom main part text") + p("SKILLS") + p("Python, FHIR")),
                                        main="word/main.xml"))

    image = ('<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
             '<wp:docPr id="1" name="scan.png" descr="scanned resume"/></wp:inline></w:drawing></w:r></w:p>')
    write("feat_image_only.docx", docx(document(image),
                                       extra=[("word/media/image1.png", b"\x89PNG\r\n\x1a\n" + bytes(64))]))

    flat = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<?mso-application progid="Word.Document"?>\n'
            '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
            '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml">'
            '<pkg:xmlData>' + rels([("rId1", "officeDocument", "word/document.xml", False)]).split("\n", 1)[1] +
            '</pkg:xmlData></pkg:part>'
            '<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/xml"><pkg:xmlData>' +
            document(p("SKILLS", "Heading1") + p("Python and SQL") +
                     '<w:p><w:hyperlink r:id="rId5"><w:r><w:t>GitHub</w:t></w:r></w:hyperlink></w:p>').split("\n", 1)[1] +
            '</pkg:xmlData></pkg:part>'
            '<pkg:part pkg:name="/word/_rels/document.xml.rels" pkg:contentType="application/xml"><pkg:xmlData>' +
            rels([("rId4", "header", "header1.xml", False),
                  ("rId5", "hyperlink", "https://github.com/flat-example", True)]).split("\n", 1)[1] +
            '</pkg:xmlData></pkg:part>'
            '<pkg:part pkg:name="/word/header1.xml" pkg:contentType="application/xml"><pkg:xmlData>' +
            HEADER.split("\n", 1)[1] + '</pkg:xmlData></pkg:part>'
            '<pkg:part pkg:name="/word/media/image1.png" pkg:contentType="image/png"><pkg:binaryData>iVBORw0KGgo=</pkg:binaryData></pkg:part>'
            '</pkg:package>')
    write("feat_flat_opc.xml", flat)

    # ---- hostile XML ----
    lol = '<!ENTITY lol "lol">\n'
    for i in range(1, 10):
        lol += '<!ENTITY lol%d "%s">\n' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10)
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE w:document [\n%s]>\n'
              '<w:document %s><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>' % (lol, W))
    write("xml_billion_laughs.xml", laughs)
    write("docx_billion_laughs.docx", docx(laughs))
    quad = ('<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY a "%s">]>\n'
            '<w:document %s><w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>'
            % ("x" * 50000, W, "&a;" * 2000))
    write("xml_quadratic.xml", quad)
    write("xml_xxe_file.xml", '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
          '<w:document %s><w:body><w:p><w:r><w:t>before &x; after</w:t></w:r></w:p></w:body></w:document>' % W)
    write("xml_xxe_http.xml", '<?xml version="1.0"?>\n<!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/evil.dtd" '
          '[<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>\n'
          '<w:document %s><w:body><w:p><w:r><w:t>before &x; after</w:t></w:r></w:p></w:body></w:document>' % W)
    write("xml_cyclic.xml", '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY a "&b;"><!ENTITY b "&a;">]>\n'
          '<w:document %s><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>' % W)
    deep = "<w:sdt><w:sdtContent>" * 150 + p("deep text") + "</w:sdtContent></w:sdt>" * 150
    write("xml_deep.xml", document(deep))

    # ---- hostile ZIP ----
    good = docx(document(table))
    bomb_doc = document(p("Bomb " + " " * (8 << 20) + "end"))
    bomb = docx(bomb_doc)
    write("zip_bomb.docx", bomb)
    write("zip_bomb_lying.docx", lie_about_size(bomb, b"word/document.xml", 1000))
    many = [("[Content_Types].xml", CT), ("_rels/.rels", rels([("rId1", "officeDocument", "word/document.xml", False)])),
            ("word/document.xml", document(p("Many entries")))]
    many += [("x/%d" % i, "") for i in range(1100)]
    write("zip_many_entries.docx", zbytes(many, zipfile.ZIP_STORED))
    write("zip_truncated.docx", good[: len(good) // 2])
    write("zip_encrypted.docx", mark_encrypted(docx(document(p("Secret")), ), b"word/document.xml"))
    write("zip_junk_before.docx", bytes((i * 7 + 3) & 0xFF for i in range(4096)) + good)
    write("zip_junk_after.docx", good + bytes((i * 13 + 5) & 0xFF for i in range(4096)))
    write("zip_nested.docx", docx(good))
    write("zip_duplicate.docx", duplicate(document(p("First copy")), document(p("Second copy"))))
    write("zip_nul_name.docx", rename(docx(document(p("Nul name"))), b"word/document.xml",
                                      b"word/doc\x00ment.xml"))
    write("zip_no_main.docx", zbytes([("[Content_Types].xml", CT), ("docProps/app.xml", "<Properties/>")]))


def lie_about_size(z, name, size):
    """Patch the uncompressed size of `name` in its local and central headers."""
    b = bytearray(z)
    i = b.find(b"PK\x03\x04")
    while i >= 0:
        nlen = struct.unpack_from("<H", b, i + 26)[0]
        if bytes(b[i + 30:i + 30 + nlen]) == name:
            struct.pack_into("<I", b, i + 22, size)
        i = b.find(b"PK\x03\x04", i + 4)
    i = b.find(b"PK\x01\x02")
    while i >= 0:
        nlen = struct.unpack_from("<H", b, i + 28)[0]
        if bytes(b[i + 46:i + 46 + nlen]) == name:
            struct.pack_into("<I", b, i + 24, size)
        i = b.find(b"PK\x01\x02", i + 4)
    return bytes(b)


def mark_encrypted(z, name):
    """Set general-purpose flag bit 0 (encrypted) on `name` in both headers."""
    b = bytearray(z)
    for sig, flag_off, nlen_off, name_off in ((b"PK\x03\x04", 6, 26, 30), (b"PK\x01\x02", 8, 28, 46)):
        i = b.find(sig)
        while i >= 0:
            nlen = struct.unpack_from("<H", b, i + nlen_off)[0]
            if bytes(b[i + name_off:i + name_off + nlen]) == name:
                struct.pack_into("<H", b, i + flag_off, struct.unpack_from("<H", b, i + flag_off)[0] | 1)
            i = b.find(sig, i + 4)
    return bytes(b)


def rename(z, old, new):
    """Same-length rename in local and central headers (new may hold NUL)."""
    assert len(old) == len(new)
    return z.replace(old, new)


def duplicate(first, second):
    b = io.BytesIO()
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in [("[Content_Types].xml", CT),
                               ("_rels/.rels", rels([("rId1", "officeDocument", "word/document.xml", False)])),
                               ("word/document.xml", first), ("word/document.xml", second)]:
                zi = zipfile.ZipInfo(name, DT)
                zi.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(zi, data)
    return b.getvalue()


if __name__ == "__main__":
    main()
