#!/usr/bin/env python3
"""Seeds for scripts/fuzz: mails from the fixtures and ../shared, and the attachments inside them
(Office files, PDFs, winmail.dat), plus a few small hand-made Office files and PDFs.
Usage: fuzz-seeds.py TARGET OUTDIR"""
import email, email.policy, io, os, sys, zipfile, zlib, hashlib

target, out = sys.argv[1], sys.argv[2]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.makedirs(out, exist_ok=True)
places = [os.path.join(root, p) for p in ("Samples", "Tests/MIMETests/Fixtures", "Tests/IntakeTests/Fixtures")]
places += [os.path.join(root, "..", "shared", p) for p in ("examples", "corpora")]

def save(data):
    if 0 < len(data) <= 1 << 20:
        with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)

def mails():
    for place in places:
        for folder, _, names in os.walk(place):
            for name in names:
                path = os.path.join(folder, name)
                if name.endswith((".eml", ".msg", ".txt", ".mime")) or "fuzz/mime" in path:
                    yield path, open(path, "rb").read()

def kind(part):
    name = (part.get_filename() or "").lower()
    ctype = part.get_content_type()
    if name.endswith((".docx", ".pptx", ".xlsx")) or "openxmlformats" in ctype: return "office"
    if name.endswith(".pdf") or ctype == "application/pdf": return "pdf"
    if name == "winmail.dat" or ctype in ("application/ms-tnef", "application/vnd.ms-tnef"): return "tnef"
    return None

def office_samples():
    ct = b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    doc = b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Pregunta 1 a) b) c)</w:t></w:r></w:p></w:body></w:document>'
    for method in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED):
        b = io.BytesIO()
        with zipfile.ZipFile(b, "w", method) as z:
            z.writestr("[Content_Types].xml", ct); z.writestr("word/document.xml", doc)
            z.writestr("_rels/.rels", b'<Relationships xmlns="r"><Relationship Id="rId1" Type="t/officeDocument" Target="word/document.xml"/></Relationships>')
        save(b.getvalue())

def pdf_samples():
    page = b"BT /F1 12 Tf 72 720 Td (Reglamento Operativo) Tj ET BT [(Art) 20 (\\355culo)] TJ ET"
    for body, filt in ((page, b""), (zlib.compress(page), b" /Filter /FlateDecode")):
        save(b"%PDF-1.7\n1 0 obj\n<< /Length " + str(len(body)).encode() + filt + b" >>\nstream\n" + body +
             b"\nendstream\nendobj\n2 0 obj\n<< /Title (Reglamento) >>\nendobj\ntrailer\n<< /Info 2 0 R >>\n%%EOF\n")

def tnef_samples():
    import struct
    def attr(level, ident, data):
        return struct.pack("<BII", level, ident, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)
    body = attr(1, 0x00089006, struct.pack("<I", 0x00010000)) + attr(1, 0x00069007, struct.pack("<II", 1252, 0))
    body += attr(1, 0x00078008, b"IPM.Note\0") + attr(1, 0x00018004, b"Solicitud\0")
    body += attr(2, 0x00069002, bytes(14)) + attr(2, 0x00018010, b"test.docx\0") + attr(2, 0x0006800F, b"PK\x03\x04hola")
    save(struct.pack("<IH", 0x223E9F78, 0x0101) + body)

if target == "tnef": tnef_samples()
if target == "office": office_samples()
if target == "pdf": pdf_samples()
for fixtures in (os.path.join(root, "Tests/IntakeTests/Fixtures/fuzz", target), os.path.join(root, "Fuzz/seeds", target)):
    if os.path.isdir(fixtures):
        for name in os.listdir(fixtures): save(open(os.path.join(fixtures, name), "rb").read())
for path, raw in mails():
    if target in ("mime", "inspector"):  # whole mails
        save(raw); continue
    try:
        message = email.message_from_bytes(raw, policy=email.policy.compat32)
        for part in message.walk():
            if kind(part) == target:
                save(part.get_payload(decode=True) or b"")
    except Exception:
        pass
print(len(os.listdir(out)))
