#!/usr/bin/env python3
"""Benchmark corpora for ocm-intake, generated into a directory (never committed).

    make_corpus.py mime DIR [COUNT=860] [--seed N]   real-looking request mails (~100 MB for 860)
    make_corpus.py text DIR                          text-4800k.eml and text-300k.eml: requests whose
                                                     plain body is a long forwarded thread
    make_corpus.py pdf DIR [MIB=40]                  pdf-40m.eml: a request with a 40 MiB scanned PDF
    make_corpus.py requests DIR [COUNT=1000]         distinct requests (distinct senders and ids) for
                                                     the end-to-end run

The mails are the repository's own: Samples/*.eml and Tests/**/Fixtures/*.eml as they are
(Outlook headers, RFC 2047 subjects, RFC 2231 names, nested message/rfc822), each made unique
(Message-ID, From, Subject) and given extra base64 attachments (PDF, JPEG, PNG, Office, TXT) of
sizes drawn from a log-normal distribution like real office mail (median ~30 KB, a few MB at
most), encoded as Outlook does: 76-column base64 lines, CRLF. Deterministic for a given seed.
"""
import base64
import glob
import os
import random
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
CRLF = b"\r\n"

EXTRA_KINDS = [
    ("application/pdf", "Reglamento operativo {n}.pdf", b"%PDF-1.7\n"),
    ("image/jpeg", "Foto evento {n}.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
    ("image/png", "Captura pantalla {n}.png", b"\x89PNG\r\n\x1a\n"),
    ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "Presentación módulo {n}.pptx", b"PK\x03\x04"),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Lista de chequeo {n}.xlsx", b"PK\x03\x04"),
    ("text/plain", "Notas reunión {n}.txt", b""),
]


def templates(requests_only=False):
    paths = sorted(glob.glob(os.path.join(ROOT, "Samples", "*.eml")))
    paths += sorted(glob.glob(os.path.join(ROOT, "Tests", "**", "Fixtures", "*.eml"), recursive=True))
    mails = [open(p, "rb").read() for p in paths]
    return [m for m in mails if not (requests_only and is_answer(m))]


def is_answer(raw):
    """An answer or an auto-reply, not a new request: every copy would join the same thread."""
    head = raw.split(b"\r\n\r\n", 1)[0]
    return bool(re.search(rb"(?im)^(In-Reply-To|References|Auto-Submitted|X-Autoreply|X-Auto-Response-Suppress):", head)
                or re.search(rb"OCM-\d{4}-\d{4}", head) or re.search(rb"(?i)autom(a|=C3=A1|\xc3\xa1)tic", head))


def outer_boundary(raw):
    head = raw.split(b"\r\n\r\n", 1)[0]
    m = re.search(rb'boundary="?([^";\r\n]+)"?', head, re.I)
    return m.group(1) if m and b"multipart/" in head.lower() else None


def b64_lines(data):
    text = base64.b64encode(data)
    return CRLF.join(text[i:i + 76] for i in range(0, len(text), 76)) + CRLF


def attachment_part(rng, n, size):
    ctype, name, magic = rng.choice(EXTRA_KINDS)
    name = name.format(n=n)
    if ctype == "text/plain":
        words = "capacitación crédito fondo convocatoria estudiantes requisitos plazo formulario".split()
        data = " ".join(rng.choice(words) for _ in range(size // 9)).encode()[:size]
    else:
        data = magic + rng.randbytes(max(0, size - len(magic)))
    encoded_name = "utf-8''" + "".join(c if c.isalnum() and c.isascii() or c in ".-_" else "".join("%%%02X" % b for b in c.encode()) for c in name)
    head = (f"Content-Type: {ctype};\r\n\tname=\"{name}\"\r\n"
            f"Content-Description: {name}\r\n"
            f"Content-Disposition: attachment;\r\n\tfilename*={encoded_name};\r\n\tsize={len(data)}\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n")
    return head.encode() + b64_lines(data)


def unique(raw, i, sender=None):
    """Distinct Message-ID, Subject suffix and (optionally) sender for copy `i`."""
    head, sep, body = raw.partition(b"\r\n\r\n")
    head = re.sub(rb"(?im)^Message-ID:.*$", b"Message-ID: <bench-%d-%d@icetex.gov.co>" % (i, random.getrandbits(32)), head, count=1)
    if not re.search(rb"(?im)^Message-ID:", head):
        head += b"\r\nMessage-ID: <bench-%d@icetex.gov.co>" % i
    head = re.sub(rb"(?im)^(Subject:[^\r\n]*(?:\r\n[ \t][^\r\n]*)*)", lambda m: m.group(1) + b" %d" % i, head, count=1)
    if sender:
        head = re.sub(rb"(?im)^From:.*$", b"From: Remitente %d <%s>" % (i, sender.encode()), head, count=1)
    return head + sep + body


def with_attachments(raw, rng, i, sizes):
    boundary = outer_boundary(raw)
    if boundary is None or not sizes:
        return raw
    close = b"--" + boundary + b"--"
    at = raw.rfind(close)
    if at < 0:
        return raw
    extra = b"".join(b"--" + boundary + CRLF + attachment_part(rng, i * 10 + k, s) + CRLF for k, s in enumerate(sizes))
    return raw[:at] + extra + raw[at:]


def attachment_sizes(rng):
    count = rng.choice([0, 1, 1, 2, 2, 3, 4])
    return [min(int(rng.lognormvariate(10.3, 1.2)), 3_000_000) for _ in range(count)]


def mime_corpus(out, count, seed, sender=None, requests_only=False):
    rng = random.Random(seed)
    random.seed(seed)
    base = templates(requests_only)
    total = 0
    for i in range(count):
        raw = base[i % len(base)]
        mail = with_attachments(unique(raw, i, sender(i) if sender else None), rng, i, attachment_sizes(rng))
        with open(os.path.join(out, "mail%04d.eml" % i), "wb") as f:
            f.write(mail)
        total += len(mail)
    print(f"{count} mails, {total / 1e6:.1f} MB in {out}")


THREAD_BLOCK = """
Seguimiento {n} ({name}, {day} de marzo de 2026, {hour}:15 a. m.): adjunto el avance del proceso de la
convocatoria número {n}. Quedamos atentos a los comentarios sobre el cronograma, las piezas de
divulgación y las respuestas a las preguntas frecuentes de los beneficiarios del crédito educativo.
Se revisó el reglamento con el área jurídica y se actualizaron los requisitos de legalización para
el periodo académico; la mesa de ayuda recibió {n} consultas sobre la renovación y el giro.
"""

# The forwarded request: Outlook's header block, the fields, then the long history of the thread
# pasted as one text (the body of the forwarded mail: it is the request's own text, as OCM reads it).
TEXT_HEAD = """Buenos días, reenvío la solicitud de capacitación para la nueva convocatoria.

________________________________
De: Jorge Ruiz <jruiz@icetex.gov.co>
Enviado: lunes, 13 de abril de 2026 9:02 a. m.
Para: Oficina Comercial y de Mercadeo <aseguramientoocm@icetex.gov.co>
Asunto: Capacitación Fondo Comunidades Indígenas 2026-2

ASUNTO DEL CORREO\tConvocatoria Fondo Comunidades Indígenas 2026-2
FECHA DE SALIDA A PRODUCCIÓN\t1 de agosto de 2026
MATERIAL DE APOYO\tPresentación, reglamento, lista de chequeo
TEST\tAdjunto, 5 preguntas

Historia de la convocatoria:
"""


def text_request(size):
    from email.message import EmailMessage
    names = [("Paula Gil", "pgil"), ("Jorge Ruiz", "jruiz"), ("Diana Castro", "dcastro"), ("Laura Gómez", "lfgomez")]
    body = [TEXT_HEAD]
    length = len(TEXT_HEAD.encode())
    n = 0
    while length < size:
        name, user = names[n % len(names)]
        block = THREAD_BLOCK.format(name=name, user=user, day=1 + n % 28, hour=8 + n % 4, n=n)
        body.append(block)
        length += len(block.encode())
        n += 1
    msg = EmailMessage()
    msg["From"] = "Jorge Ruiz <jruiz@icetex.gov.co>"
    msg["To"] = "aseguramientoocm@icetex.gov.co"
    msg["Subject"] = "RV: Capacitación Fondo Comunidades Indígenas 2026-2"
    msg["Date"] = "Mon, 13 Apr 2026 10:05:00 -0500"
    msg["Message-ID"] = f"<bench-text-{size}@icetex.gov.co>"
    msg.set_content("".join(body), cte="quoted-printable")
    return msg.as_bytes(policy=msg.policy.clone(linesep="\r\n"))


def text_corpus(out):
    for name, size in [("text-4800k.eml", 4_800_000), ("text-300k.eml", 300_000)]:
        data = text_request(size)
        open(os.path.join(out, name), "wb").write(data)
        print(f"{name}: {len(data)} bytes")


def pdf_message(mib):
    """A scanned-document PDF: one page, one DCT image stream of `mib` MiB."""
    rng = random.Random(7)
    image = b"\xff\xd8\xff\xe0" + rng.randbytes(mib * 1024 * 1024 - 6) + b"\xff\xd9"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
            None, None]
    content = b"q 612 0 0 792 0 0 cm /Im1 Do Q BT /F1 12 Tf 72 720 Td (Reglamento operativo) Tj ET"
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, obj in enumerate(objs, start=1):
        offsets.append(len(pdf))
        if k == 4:
            pdf += b"4 0 obj\n<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream\nendobj\n"
        elif k == 5:
            pdf += (b"5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceRGB "
                    b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % len(image)) + image + b"\nendstream\nendobj\n"
        else:
            pdf += b"%d 0 obj\n" % k + obj + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    pdf += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    raw = templates()[1]  # sample02: a request whose reglamento is a PDF
    boundary = outer_boundary(raw)
    part = (b"Content-Type: application/pdf; name=\"Reglamento escaneado.pdf\"\r\n"
            b"Content-Disposition: attachment; filename=\"Reglamento escaneado.pdf\"\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n") + b64_lines(bytes(pdf))
    close = b"--" + boundary + b"--"
    at = raw.rfind(close)
    return unique(raw[:at] + b"--" + boundary + CRLF + part + CRLF + raw[at:], 40)


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    mode, out = argv[1], argv[2]
    os.makedirs(out, exist_ok=True)
    rest = argv[3:]
    if mode == "mime":
        mime_corpus(out, int(rest[0]) if rest else 860, 11)
    elif mode == "requests":
        count = int(rest[0]) if rest else 1000
        # Requests only (no auto-replies, no answers to observations), one sender each.
        mime_corpus(out, count, 13, sender=lambda i: "remitente%04d@icetex.gov.co" % i, requests_only=True)
    elif mode == "text":
        text_corpus(out)
    elif mode == "pdf":
        data = pdf_message(int(rest[0]) if rest else 40)
        open(os.path.join(out, "pdf-40m.eml"), "wb").write(data)
        print(f"pdf-40m.eml: {len(data)} bytes")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
