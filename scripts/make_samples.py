#!/usr/bin/env python3
"""Writes the project's own sample request mails (Samples/*.eml) with real Office attachments.

Deterministic (fixed dates, boundaries and zip timestamps) so the files can be committed and
re-made byte for byte: `python3 scripts/make_samples.py Samples`.
"""
import io
import sys
import zipfile
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.message import MIMEMessage
from email.header import Header
from email.utils import formataddr

STAMP = (2026, 1, 1, 0, 0, 0)
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
P = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buffer.getvalue()


def pptx(slides):
    """slides: list of (title, [lines])."""
    types = ['<Override PartName="/ppt/slides/slide%d.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>' % (i + 1) for i in range(len(slides))]
    entries = [
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>%s</Types>' % "".join(types)),
        ("ppt/presentation.xml", '<?xml version="1.0" encoding="UTF-8"?><p:presentation %s %s><p:sldIdLst>%s</p:sldIdLst></p:presentation>' % (P, R, "".join('<p:sldId id="%d" r:id="rId%d"/>' % (256 + i, i + 1) for i in range(len(slides))))),
        ("ppt/_rels/presentation.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % "".join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" Target="slides/slide%d.xml"/>' % (i + 1, i + 1) for i in range(len(slides)))),
    ]
    for i, (title, lines) in enumerate(slides):
        body = "".join("<a:p><a:r><a:t>%s</a:t></a:r></a:p>" % esc(l) for l in lines)
        xml = ('<?xml version="1.0" encoding="UTF-8"?><p:sld %s %s><p:cSld><p:spTree>'
               '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Título 1"/><p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>'
               '<p:txBody><a:p><a:r><a:t>%s</a:t></a:r></a:p></p:txBody></p:sp>'
               '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Contenido 2"/><p:cNvSpPr/><p:nvPr><p:ph idx="1"/></p:nvPr></p:nvSpPr>'
               '<p:txBody>%s</p:txBody></p:sp></p:spTree></p:cSld></p:sld>') % (A, P, esc(title), body or "<a:p/>")
        entries.append(("ppt/slides/slide%d.xml" % (i + 1), xml))
    return zip_bytes(entries)


def docx(paragraphs):
    """paragraphs: list of (style or None, text, numbered)."""
    out = []
    for style, text, numbered in paragraphs:
        ppr = ""
        if style or numbered:
            ppr = "<w:pPr>%s%s</w:pPr>" % (
                '<w:pStyle w:val="%s"/>' % style if style else "",
                '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if numbered else "")
        out.append('<w:p>%s<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (ppr, esc(text)))
    entries = [
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        ("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s</w:body></w:document>' % (W, "".join(out))),
    ]
    return zip_bytes(entries)


def xlsx(rows):
    strings = []
    index = {}
    cells = []
    for r, row in enumerate(rows, start=1):
        cs = []
        for c, value in enumerate(row):
            if value not in index:
                index[value] = len(strings)
                strings.append(value)
            cs.append('<c r="%s%d" t="s"><v>%d</v></c>' % (chr(65 + c), r, index[value]))
        cells.append('<row r="%d">%s</row>' % (r, "".join(cs)))
    entries = [
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
        ("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook %s %s><sheets><sheet name="Test" sheetId="1" r:id="rId1"/></sheets></workbook>' % (S, R)),
        ("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
        ("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst %s count="%d" uniqueCount="%d">%s</sst>' % (S, len(strings), len(strings), "".join("<si><t>%s</t></si>" % esc(s) for s in strings))),
        ("xl/worksheets/sheet1.xml", '<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData>%s</sheetData></worksheet>' % (S, "".join(cells))),
    ]
    return zip_bytes(entries)


def pdf(title, text):
    body = "BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        "<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body),
        "<< /Title (%s) >>" % title,
    ]
    out = "%PDF-1.4\n"
    for i, o in enumerate(objects, start=1):
        out += "%d 0 obj\n%s\nendobj\n" % (i, o)
    out += "trailer\n<< /Root 1 0 R /Info 5 0 R >>\n%%EOF\n"
    return out.encode("latin-1")


def attach(msg, data, maintype_subtype, filename, rfc2231=False, outlook_quoted=False):
    maintype, subtype = maintype_subtype.split("/")
    part = MIMEApplication(data, _subtype=subtype) if maintype == "application" else None
    del part["Content-Type"]
    if outlook_quoted:
        # What Outlook writes: RFC 2047 encoded words inside quoted parameters.
        encoded = Header(filename, "utf-8").encode()
        part["Content-Type"] = '%s; name="%s"' % (maintype_subtype, encoded)
        part["Content-Disposition"] = 'attachment; filename="%s"' % encoded
    elif rfc2231 or not filename.isascii():
        part["Content-Type"] = maintype_subtype
        part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", filename))
    else:
        part["Content-Type"] = '%s; name="%s"' % (maintype_subtype, filename)
        part["Content-Disposition"] = 'attachment; filename="%s"' % filename
    msg.attach(part)


def table_html(rows, intro, signature):
    cells = "".join(
        "<tr><td style='border:solid windowtext 1.0pt'><p class=MsoNormal><b>%s</b></p></td>"
        "<td style='border:solid windowtext 1.0pt'><p class=MsoNormal>%s</p></td></tr>" % (esc(k), esc(v).replace("\n", "<br>"))
        for k, v in rows)
    return ("<html><head><style>p.MsoNormal{margin:0cm}</style></head><body lang=ES-CO>"
            "<p class=MsoNormal>%s</p><table class=MsoTableGrid border=1>%s</table>"
            "<p class=MsoNormal><br>Cordialmente,<br><br>%s</p></body></html>") % (esc(intro), cells, esc(signature).replace("\n", "<br>"))


def request(name, sender, subject, date, intro, rows, signature, files, html=True, boundary_seed=0):
    outer = MIMEMultipart("mixed", boundary="----=_NextPart_%03d_0000_01DC0000.ABCDEF%02d" % (boundary_seed, 0))
    outer["From"] = formataddr(sender)
    outer["To"] = "aseguramientoocm@icetex.gov.co, formacionocm@icetex.gov.co"
    outer["Subject"] = Header(subject, "utf-8", header_name="Subject").encode()
    outer["Date"] = date
    outer["Message-ID"] = "<%s@icetex.gov.co>" % name
    outer["X-Mailer"] = "Microsoft Outlook 16.0"
    text = intro + "\n\n" + "\n".join("%s\t%s" % (k, v) for k, v in rows) + "\n\nCordialmente,\n\n" + signature + "\n"
    alternative = MIMEMultipart("alternative", boundary="----=_NextPart_%03d_0001_01DC0000.ABCDEF%02d" % (boundary_seed, 1))
    alternative.attach(MIMEText(text, "plain", "utf-8"))
    if html:
        alternative.attach(MIMEText(table_html(rows, intro, signature), "html", "utf-8"))
    outer.attach(alternative)
    for data, ctype, filename, style in files:
        attach(outer, data, ctype, filename, rfc2231=(style == "2231"), outlook_quoted=(style == "outlook"))
    return outer


def samples():
    credito_pptx = pptx([
        ("Línea Tú Eliges Pregrado 2026", ["Capacitación al proveedor de atención"]),
        ("Condiciones de aplicación y criterios de aprobación", ["Estudiantes de pregrado con admisión"]),
        ("Calendario de la convocatoria", ["Inscripciones del 1 al 31 de agosto de 2026"]),
        ("Condiciones de legalización", ["Documentos y plazos"]),
        ("Condiciones de renovación", ["Renovación semestral en línea"]),
        ("Preguntas frecuentes", ["¿Qué pasa si el aplicativo no está disponible?"]),
    ])
    test_docx = docx([
        ("Heading1", "Test de conocimiento – Tú Eliges Pregrado", False),
        (None, "¿Quiénes pueden aplicar a la línea Tú Eliges Pregrado?", True),
        (None, "a) Solo bachilleres", False),
        (None, "b) Estudiantes con admisión en pregrado", False),
        (None, "¿Cuál es el plazo para legalizar el crédito?", True),
        (None, "¿Con qué periodicidad se renueva el crédito?", True),
        (None, "¿Dónde se consulta el calendario de la convocatoria?", True),
        (None, "¿Qué documentos exige la legalización?", True),
    ])
    procedimiento_docx = docx([
        ("Heading1", "Procedimiento de otorgamiento – Tú Eliges Pregrado", False),
        (None, "Ruta de escalamiento: nivel 1 proveedor, nivel 2 Vicepresidencia de Crédito.", False),
    ])
    plantillas_docx = docx([("Heading1", "Plantillas de respuesta", False), (None, "Proforma 1: solicitud recibida", False)])
    m1 = request(
        "sample01-credito-completa", ("Laura Fernanda Gómez", "lfgomez@icetex.gov.co"),
        "Solicitud de capacitación nueva línea Tú Eliges Pregrado 2026", "Mon, 13 Apr 2026 10:05:00 -0500",
        "Buenos días, remitimos la solicitud de capacitación para la nueva línea de crédito.",
        [("ASUNTO DEL CORREO", "Nueva línea Tú Eliges Pregrado 2026"),
         ("FECHA DE SALIDA A PRODUCCIÓN", "1 de agosto de 2026"),
         ("MATERIAL DE APOYO", "Presentación, procedimiento, plantillas"),
         ("TEST", "Adjunto, 5 preguntas")],
        "Laura Fernanda Gómez\nProfesional Vicepresidencia de Crédito y Cobranza\nICETEX",
        [(credito_pptx, PPTX, "Capacitación Tú Eliges Pregrado 2026.pptx", "plain"),
         (procedimiento_docx, DOCX, "Procedimiento otorgamiento Tú Eliges Pregrado.docx", "2231"),
         (plantillas_docx, DOCX, "Plantillas de respuesta.docx", "plain"),
         (test_docx, DOCX, "Test Tú Eliges Pregrado.docx", "outlook")],
        boundary_seed=1)

    fondo_pptx = pptx([
        ("Fondo de Comunidades Indígenas 2026-2", ["Convocatoria de renovación y nuevos beneficiarios"]),
        ("Condiciones de condonación", ["Servicio social en la comunidad"]),
        ("Preguntas frecuentes", ["¿Qué hacer si la plataforma falla el último día?"]),
    ])
    fondo_test = xlsx([["Tema", "Pregunta"]] + [["Convocatoria", q] for q in [
        "¿Quiénes pueden postularse?", "¿Qué documentos se exigen?", "¿Cuál es la fecha de cierre?",
        "¿Cómo se publica el resultado?", "¿Qué es la condonación?", "¿Dónde se radica la legalización?"]])
    m2 = request(
        "sample02-fondos-sin-f521", ("Jorge Ruiz", "jruiz@icetex.gov.co"),
        "Capacitación Fondo Comunidades Indígenas 2026-2", "Tue, 14 Apr 2026 08:40:00 -0500",
        "Cordial saludo. Solicitamos capacitar al proveedor; el proveedor hará la revisión documental de las postulaciones.",
        [("ASUNTO DEL CORREO", "Fondo Comunidades Indígenas - convocatoria 2026-2"),
         ("FECHA DE SALIDA A PRODUCCIÓN", "20/07/2026"),
         ("MATERIAL DE APOYO", "Presentación, reglamento operativo, términos de la convocatoria, lista de chequeo"),
         ("TEST", "Adjunto en Excel")],
        "Jorge Ruiz\nVicepresidencia de Fondos en Administración",
        [(fondo_pptx, PPTX, "Presentación Fondo Comunidades Indígenas.pptx", "plain"),
         (pdf("Reglamento Operativo Fondo Comunidades Indigenas", "Reglamento Operativo del Fondo"), "application/pdf", "Reglamento Operativo.pdf", "plain"),
         (pdf("Terminos de la convocatoria 2026-2", "Terminos de referencia"), "application/pdf", "Términos de referencia 2026-2.pdf", "2231"),
         (xlsx([["Documento", "Obligatorio"], ["Formulario de inscripción", "Sí"], ["Certificado de comunidad", "Sí"]]), XLSX, "Lista de chequeo.xlsx", "plain"),
         (fondo_test, XLSX, "Test Fondo Indígenas.xlsx", "plain")],
        boundary_seed=2)

    out_of_office = EmailMessage(policy=policy.SMTP)
    out_of_office["From"] = "Paula Gil <pgil@icetex.gov.co>"
    out_of_office["To"] = "aseguramientoocm@icetex.gov.co"
    out_of_office["Subject"] = "Respuesta automática: Capacitación Fondo Comunidades Indígenas 2026-2"
    out_of_office["Date"] = "Tue, 14 Apr 2026 09:00:00 -0500"
    out_of_office["Message-ID"] = "<sample03-fuera-de-oficina@icetex.gov.co>"
    out_of_office["Auto-Submitted"] = "auto-replied"
    out_of_office["X-Auto-Response-Suppress"] = "All"
    out_of_office.set_content("Estoy fuera de la oficina hasta el 20 de abril. Para temas urgentes escriba a mesa de ayuda.\n")

    forwarded = MIMEMultipart("mixed", boundary="----=_NextPart_004_0000_01DC0000.FWD")
    forwarded["From"] = formataddr(("Diana Castro", "dcastro@icetex.gov.co"))
    forwarded["To"] = "aseguramientoocm@icetex.gov.co"
    forwarded["Subject"] = Header("RV: Proyecto Portal Transaccional – capacitación proveedor", "utf-8", header_name="Subject").encode()
    forwarded["Date"] = "Wed, 15 Apr 2026 15:30:00 -0500"
    forwarded["Message-ID"] = "<sample04-reenviado@icetex.gov.co>"
    forwarded.attach(MIMEText("Reenvío la solicitud del proyecto como adjunto.\n\nDiana Castro\nGerencia de Proyectos\n", "plain", "utf-8"))
    inner = request(
        "sample04-inner-proyecto", ("Diana Castro", "dcastro@icetex.gov.co"),
        "Proyecto Portal Transaccional - capacitación proveedor", "Wed, 15 Apr 2026 15:00:00 -0500",
        "Buenas tardes, el proyecto Portal Transaccional impacta la atención del proveedor.",
        [("ASUNTO DEL CORREO", "Proyecto Portal Transaccional"),
         ("FECHA DE SALIDA A PRODUCCIÓN", "2026-10-05"),
         ("CONTEXTO DEL PROYECTO", "Nuevo portal de pagos; el proveedor atenderá consultas de pagos en línea."),
         ("TEST", "1. ¿Qué es el portal?\n2. ¿Cómo se paga?\n3. ¿Qué hacer si falla el pago?\n4. ¿Dónde se ve el recibo?\n5. ¿A quién se escala?")],
        "Diana Castro\nGerencia de Proyectos",
        [(pptx([("Portal Transaccional", ["Contexto e impacto en la atención"])]), PPTX, "Portal Transaccional.pptx", "plain")],
        boundary_seed=5)
    forwarded.attach(MIMEMessage(inner))
    # Jorge answers the observations mail of his request (5.2.4 -> 5.2.3) with what was missing.
    answer = MIMEMultipart("mixed", boundary="----=_NextPart_005_0000_01DC0000.RE")
    answer["From"] = formataddr(("Jorge Ruiz", "jruiz@icetex.gov.co"))
    answer["To"] = "aseguramientoocm@icetex.gov.co"
    answer["Cc"] = "formacionocm@icetex.gov.co"
    answer["Subject"] = Header("RE: [OCM-2026-0002] Observaciones a su solicitud: Fondo Comunidades Indígenas - convocatoria 2026-2",
                               "utf-8", header_name="Subject").encode()
    answer["Date"] = "Thu, 16 Apr 2026 11:20:00 -0500"
    answer["Message-ID"] = "<sample05-respuesta-observaciones@icetex.gov.co>"
    answer["In-Reply-To"] = "<OCM-2026-0002.r1.observaciones@ocm-intake.icetex.gov.co>"
    answer["References"] = "<sample02-fondos-sin-f521@icetex.gov.co> <OCM-2026-0002.r1.observaciones@ocm-intake.icetex.gov.co>"
    answer.attach(MIMEText(
        "Buenos días, adjunto las plantillas de respuesta y el formato F521 que faltaban.\n\n"
        "Cordialmente,\n\nJorge Ruiz\nVicepresidencia de Fondos en Administración\n\n"
        "De: Aseguramiento OCM – ICETEX <aseguramientoocm@icetex.gov.co>\n"
        "Enviado: martes, 14 de abril de 2026 9:00\n"
        "Para: Jorge Ruiz <jruiz@icetex.gov.co>\n"
        "Asunto: [OCM-2026-0002] Observaciones a su solicitud\n\n"
        "1. Falta: Plantillas o proformas de respuesta.\n2. Falta: Formato Revisión Documental F521.\n", "plain", "utf-8"))
    attach(answer, docx([("Heading1", "Plantillas de respuesta", False), (None, "Proforma 1: postulación recibida", False)]),
           DOCX, "Plantillas de respuesta Fondo Indígenas.docx", rfc2231=True)
    attach(answer, xlsx([["Ítem", "Cumple", "Observación"], ["Documento de identidad", "", ""], ["Certificado de comunidad", "", ""]]),
           XLSX, "F521 Formato Revisión Documental.xlsx")

    return [
        ("sample01-credito-completa.eml", m1),
        ("sample02-fondos-sin-f521.eml", m2),
        ("sample03-fuera-de-oficina.eml", out_of_office),
        ("sample04-proyecto-reenviado.eml", forwarded),
        ("sample05-respuesta-observaciones.eml", answer),
    ]


def main(folder):
    for name, msg in samples():
        data = msg.as_bytes(policy=policy.compat32.clone(linesep="\r\n"))
        with open("%s/%s" % (folder, name), "wb") as f:
            f.write(data)
        print("%s/%s (%d bytes)" % (folder, name, len(data)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Samples")
