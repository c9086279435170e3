#!/usr/bin/env python3
"""Writes the hostile mails of issue 5/9 (one per crash class) into the current directory:
zip directory or local header past the end, XML in UTF-32/EBCDIC/UTF-7, duplicate names,
and ZIP64 decoy directories. Their Office attachments crashed or trapped ocm-intake inspect
before the own zip reader (exit 132/139)."""
import zipfile, io, struct, sys
from email.message import EmailMessage

def docx(doc_xml=None, entries=None):
    b = io.BytesIO()
    z = zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED)
    ct = b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    rels = b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    doc = doc_xml or b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Pregunta 1</w:t></w:r></w:p></w:body></w:document>'
    z.writestr('[Content_Types].xml', ct); z.writestr('_rels/.rels', rels); z.writestr('word/document.xml', doc)
    z.close()
    return bytearray(b.getvalue())

def eocd(d):
    return d.rfind(b'PK\x05\x06')

def eml(name, data):
    m = EmailMessage()
    m['From'] = 'Area <area@icetex.gov.co>'; m['To'] = 'aseguramientoocm@icetex.gov.co'
    m['Subject'] = 'Solicitud de capacitación'; m['Date'] = 'Mon, 11 May 2026 10:00:00 -0500'
    m['Message-ID'] = '<%s@icetex.gov.co>' % name
    m.set_content('Buenos días, adjunto el test.')
    m.add_attachment(bytes(data), maintype='application', subtype='vnd.openxmlformats-officedocument.wordprocessingml.document', filename='test.docx')
    open(name + '.eml', 'wb').write(bytes(m))

# 1 central directory offset past the end
d = docx(); e = eocd(d); struct.pack_into('<I', d, e + 16, len(d) + 1000); eml('cd-past-end', d)
# 2 local header offset past the end (first central entry)
d = docx(); c = d.find(b'PK\x01\x02'); struct.pack_into('<I', d, c + 42, len(d) + 5000); eml('local-past-end', d)
# 3 XML encodings
for enc, body in [('UTF-32', 'Pregunta ñ'), ('EBCDIC-US', 'Pregunta ñ'), ('UTF-7', 'Pregunta ñandú ü')]:
    x = ('<?xml version="1.0" encoding="%s"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>' % (enc, body)).encode('utf-8')
    eml('xml-' + enc.lower(), docx(x))
# 4 duplicate names: first document.xml fine, second a stored block that never ends
d = docx()
b = io.BytesIO(); z = zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED)
src = zipfile.ZipFile(io.BytesIO(bytes(d)))
for n in src.namelist(): z.writestr(n, src.read(n))
import warnings; warnings.simplefilter('ignore')
z.writestr('word/document.xml', b'<w:document xmlns:w="w"><w:body>' + b'x' * 3000 + b'</w:body></w:document>')
z.close(); d = bytearray(b.getvalue())
# patch second document.xml data: non-final stored block claiming 65535 bytes
i = d.rfind(b'PK\x03\x04', 0, d.find(b'PK\x01\x02'))
n = struct.unpack_from('<H', d, i + 26)[0]; x = struct.unpack_from('<H', d, i + 28)[0]
s = i + 30 + n + x; d[s:s+5] = b'\x00\xff\xff\x00\x00'
eml('duplicate-names', d)

# ZIP64 decoys
good = bytes(docx())
src = zipfile.ZipFile(io.BytesIO(good))
# evil document.xml entry: a deflate stream whose first block is a non-final stored block of 65535 bytes
b = io.BytesIO(); z = zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED)
z.writestr('word/document.xml', b'<w:document xmlns:w="w"><w:body>' + b'y' * 3000 + b'</w:body></w:document>')
z.close(); evil = bytearray(b.getvalue())
e_cd = evil.find(b'PK\x01\x02'); e_local = bytes(evil[:e_cd])
n = struct.unpack_from('<H', e_local, 26)[0]; x = struct.unpack_from('<H', e_local, 28)[0]
e_local = bytearray(e_local); s = 30 + n + x; e_local[s:s+5] = b'\x00\xff\xff\x00\x00'
e_central = bytearray(evil[e_cd:evil.find(b'PK\x05\x06')])
ecd = good.rfind(b'PK\x05\x06'); cd_off = struct.unpack_from('<I', good, ecd + 16)[0]
locals_ = good[:cd_off]; real_cd = good[cd_off:ecd]
for variant in ['plain', 'saturated']:
    out = bytearray(locals_)
    evil_off = len(out); out += e_local
    real_off = len(out); out += real_cd
    # decoy CD: real CD entries except document.xml, plus the evil entry pointing at evil_off
    decoy = bytearray(); count = 0; p = 0
    while p < len(real_cd):
        nl, el, cl = struct.unpack_from('<HHH', real_cd, p + 28); ln = 46 + nl + el + cl
        name = real_cd[p+46:p+46+nl]
        if name != b'word/document.xml': decoy += real_cd[p:p+ln]; count += 1
        p += ln
    ec = bytearray(e_central); struct.pack_into('<I', ec, 42, evil_off); decoy += ec; count += 1
    decoy_off = len(out); out += decoy
    z64 = len(out)
    out += struct.pack('<IQHHIIQQQQ', 0x06064b50, 44, 45, 45, 0, 0, count, count, len(decoy), decoy_off)
    out += struct.pack('<IIQI', 0x07064b50, 0, z64, 1)
    real_count = 3
    if variant == 'plain':
        out += struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, real_count, real_count, len(real_cd), real_off, 0)
    else:
        out += struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, 0xffff, 0xffff, 0xffffffff, 0xffffffff, 0)
    eml('zip64-decoy-' + variant, out)
