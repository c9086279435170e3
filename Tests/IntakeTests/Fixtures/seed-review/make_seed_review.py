#!/usr/bin/env python3
"""Writes the seed-review mails: request mails written the way ICETEX areas send them (Outlook
HTML tables, forwarded chains, winmail.dat, prose dates, tests inside presentations, compressed
PDFs), each decided by hand from the seed M5-1-21 before the product read it (expected.jsonl).

Deterministic: `python3 Tests/IntakeTests/Fixtures/seed-review/make_seed_review.py`.
"""
import os
import struct
import sys
import zlib
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "../../../../scripts"))
from make_samples import pptx, docx, xlsx, pdf, attach, esc, PPTX, DOCX, XLSX  # noqa: E402

OCM = "aseguramientoocm@icetex.gov.co, formacionocm@icetex.gov.co"


# ---------------------------------------------------------------- attachments

def test_docx(title, questions, options=True):
    paragraphs = [("Heading1", title, False)]
    for q in questions:
        paragraphs.append((None, q, True))
        if options:
            paragraphs += [(None, "a) Sí", False), (None, "b) No", False), (None, "c) Depende del reglamento", False)]
    return docx(paragraphs)


def test_xlsx(questions):
    return xlsx([["N°", "Pregunta", "Respuesta correcta"]] + [[str(i + 1), q, "a"] for i, q in enumerate(questions)])


def word(title, *lines):
    return docx([("Heading1", title, False)] + [(None, l, False) for l in lines])


def flate_pdf(title_text, lines):
    """A PDF as Word exports it: compressed (FlateDecode) content, text in TJ arrays, no /Title."""
    ops = ["BT /F1 14 Tf 72 740 Td [(%s)] TJ ET" % title_text]
    y = 712
    for line in lines:
        ops.append("BT /F1 11 Tf 72 %d Td [(%s) -250 (%s)] TJ ET" % (y, line[: len(line) // 2], line[len(line) // 2:]))
        y -= 16
    stream = zlib.compress("\n".join(ops).encode("latin-1"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Producer (Microsoft Word para Microsoft 365) >>",
    ]
    out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    for i, o in enumerate(objects, start=1):
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    return out + b"trailer\n<< /Root 1 0 R /Info 5 0 R >>\n%%EOF\n"


def tnef(files):
    """winmail.dat as Outlook writes it (signature, version, code page, class, then each file)."""
    def attr(level, ident, data):
        return bytes([level]) + struct.pack("<II", ident, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)

    def s8(s):
        return s.encode("cp1252") + b"\0"

    out = struct.pack("<IH", 0x223E9F78, 0x5A3C)
    out += attr(1, 0x00089006, struct.pack("<I", 0x00010000))
    out += attr(1, 0x00069007, struct.pack("<II", 1252, 0))
    out += attr(1, 0x00078008, s8("IPM.Microsoft Mail.Note"))
    for name, data in files:
        out += attr(2, 0x00069002, struct.pack("<HIHHI", 1, 0xFFFFFFFF, 0, 0, 0))
        out += attr(2, 0x00018010, s8(name))
        out += attr(2, 0x0006800F, data)
        props = struct.pack("<I", 1) + struct.pack("<HHI", 0x0003, 0x3705, 1)
        out += attr(2, 0x00069005, props)
    return out


# ---------------------------------------------------------------- bodies

def outlook_table(rows):
    cells = "".join(
        "<tr><td width=200 valign=top style='border:solid windowtext 1.0pt;background:#D9E2F3'><p class=MsoNormal><b>"
        "<span style='font-family:\"Arial\",sans-serif'>%s</span></b></p></td>"
        "<td width=400 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal>%s</p></td></tr>"
        % (esc(k), esc(v).replace("\n", "<br>")) for k, v in rows)
    return "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>%s</table>" % cells


def outlook_html(paragraphs, table=None, signature=""):
    body = "".join("<p class=MsoNormal>%s<o:p></o:p></p>" % esc(p).replace("\n", "<br>") for p in paragraphs)
    sig = "<p class=MsoNormal><span style='color:#1F3864'>%s</span></p>" % esc(signature).replace("\n", "<br>")
    return ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta http-equiv=Content-Type "
            "content=\"text/html; charset=utf-8\"><style>p.MsoNormal{margin:0cm;font-size:11.0pt;font-family:\"Calibri\",sans-serif}"
            "</style></head><body lang=ES-CO link=\"#0563C1\"><div class=WordSection1>%s%s<p class=MsoNormal>&nbsp;</p>%s"
            "<p class=MsoNormal style='font-size:8pt;color:gray'>Antes de imprimir este correo piense en el medio ambiente.</p></div></body></html>"
            ) % (body, outlook_table(table) if table else "", sig)


def mail(name, sender, subject, date, files=(), text=None, html=None, headers=None, in_reply_to=None):
    outer = MIMEMultipart("mixed", boundary="----=_NextPart_000_%s" % name.upper().replace("-", "_"))
    outer["From"] = formataddr(sender)
    outer["To"] = OCM
    outer["Subject"] = Header(subject, "utf-8", header_name="Subject").encode()
    outer["Date"] = date
    outer["Message-ID"] = "<%s@icetex.gov.co>" % name
    if in_reply_to:
        outer["In-Reply-To"] = in_reply_to
        outer["References"] = in_reply_to
    outer["Thread-Topic"] = Header(subject.split(": ")[-1], "utf-8", header_name="Thread-Topic").encode()
    outer["X-MS-Has-Attach"] = "yes" if files else ""
    outer["X-Mailer"] = "Microsoft Outlook 16.0"
    for k, v in (headers or {}).items():
        outer[k] = v
    if text is not None and html is not None:
        alt = MIMEMultipart("alternative", boundary="----=_NextPart_001_%s" % name.upper().replace("-", "_"))
        alt.attach(MIMEText(text, "plain", "utf-8"))
        alt.attach(MIMEText(html, "html", "utf-8"))
        outer.attach(alt)
    elif html is not None:
        outer.attach(MIMEText(html, "html", "utf-8"))
    else:
        outer.attach(MIMEText(text or "", "plain", "utf-8"))
    for data, ctype, filename in files:
        if ctype == "application/ms-tnef":
            part = MIMEApplication(data, _subtype="ms-tnef")
            del part["Content-Type"]
            part["Content-Type"] = 'application/ms-tnef; name="winmail.dat"'
            part["Content-Disposition"] = 'attachment; filename="winmail.dat"'
            outer.attach(part)
        else:
            attach(outer, data, ctype, filename, rfc2231=not filename.isascii())
    return outer


PDF = "application/pdf"

FONDO_QS = ["¿Quiénes pueden postularse a la convocatoria?", "¿Qué documentos se validan en la postulación?",
            "¿Cuál es la fecha de cierre de inscripciones?", "¿Qué porcentaje del crédito es condonable?",
            "¿Qué debe hacer el asesor si el aplicativo no carga los documentos?", "¿A quién se escala un caso de excepción?"]
CREDITO_QS = ["¿Quiénes pueden aplicar a la nueva línea?", "¿Cuál es la tasa de interés durante la época de estudios?",
              "¿Qué documentos exige la legalización?", "¿Cómo se renueva el crédito cada semestre?",
              "¿Qué hacer si la IES no ha reportado la matrícula?"]
BECAS_QS = ["¿Qué requisitos debe cumplir el aspirante?", "¿Cuál es el calendario de la convocatoria?",
            "¿Qué cubre la beca?", "¿Cómo se legaliza la beca?", "¿A quién se escala un caso de visa?"]


def signature(name, role, area, phone="Tel: (601) 382 1670 Ext. 1234"):
    return "%s\n%s\n%s\nICETEX – Construimos futuro\n%s\nCarrera 3 No. 18-32, Bogotá D.C." % (name, role, area, phone)


# ---------------------------------------------------------------- the mails

def mails():
    out = {}

    # m01: Fondos, new convocatoria of a condonable fund with document validation; HTML-only
    # Outlook table, everything attached (4.1.1 a Fondos list + F521 + condonación).
    sig = signature("Marcela Patricia Ortiz Vega", "Profesional Especializado", "Vicepresidencia de Fondos en Administración")
    out["m01-fondos-tabla-html-completa"] = mail(
        "m01-fondos-tabla-html-completa", ("Marcela Patricia Ortiz Vega", "mportiz@icetex.gov.co"),
        "Solicitud capacitación convocatoria Fondo Comunidades Negras 2026-2", "Mon, 2 Mar 2026 08:47:12 -0500",
        html=outlook_html(
            ["Buenos días equipo OCM,", "De manera atenta solicitamos el espacio de capacitación al proveedor de atención "
             "para la nueva convocatoria del fondo condonable de Comunidades Negras. El proveedor realizará la revisión documental "
             "de las postulaciones con el formato F521.", "Relacionamos la información según el numeral 4.2.1:"],
            [("ASUNTO DEL CORREO", "Condonación Fondos en Administración - Comunidades Negras 2026-2"),
             ("FECHA DE SALIDA A PRODUCCIÓN", "16/06/2026"),
             ("MATERIAL DE APOYO", "Presentación, reglamento operativo, términos, lista de chequeo, F521, condiciones de condonación, plantillas"),
             ("TEST", "Adjunto (6 preguntas)")], sig),
        files=[
            (pptx([("Fondo Comunidades Negras 2026-2", ["Capacitación proveedor de atención"]),
                   ("Población objetivo", ["Comunidades negras, afrocolombianas, raizales y palenqueras"]),
                   ("Condiciones de condonación", ["Hasta 100% por rendimiento académico y graduación"]),
                   ("Preguntas frecuentes", ["¿Qué pasa si se cambian las fechas del calendario?"])]),
             PPTX, "Presentación Capacitación Fondo Comunidades Negras 2026-2.pptx"),
            (pdf("Reglamento Operativo Fondo Comunidades Negras", "Reglamento Operativo del Fondo"), PDF, "Reglamento Operativo Fondo Comunidades Negras.pdf"),
            (word("Términos de la convocatoria 2026-2", "Fechas, requisitos y documentos"), DOCX, "Términos de la convocatoria 2026-2.docx"),
            (xlsx([["Documento", "Obligatorio"], ["Certificado de comunidad", "Sí"], ["Recibo de matrícula", "Sí"]]), XLSX, "Lista de chequeo postulación.xlsx"),
            (xlsx([["F521 Formato Revisión Documental"], ["Documento", "Cumple"]]), XLSX, "F521 Formato Revisión Documental.xlsx"),
            (word("Condiciones de condonación", "Graduación y servicio social"), DOCX, "Condiciones de condonación.docx"),
            (word("Plantillas de respuesta", "Proforma 1: postulación recibida"), DOCX, "Plantillas de respuesta.docx"),
            (test_docx("Test de conocimiento Fondo Comunidades Negras", FONDO_QS), DOCX, "Test Fondo Comunidades Negras.docx"),
        ])

    # m02: "RV:" forwarded chain; the request is the forwarded mail. Fondos convocatoria
    # missing términos and lista de chequeo (4.1.1 a, Fondos).
    fwd_text = (
        "Buenas tardes,\n\nReenvío la solicitud de Carlos para su gestión. Quedo atenta.\n\n"
        "Sandra Milena Páez\nAsistente Vicepresidencia de Fondos en Administración\n\n"
        "De: Carlos Andrés Villamil <cavillamil@icetex.gov.co>\nEnviado el: lunes, 6 de abril de 2026 8:14 a. m.\n"
        "Para: Sandra Milena Páez <smpaez@icetex.gov.co>\nAsunto: Capacitación convocatoria Fondo de Víctimas 2026-2\n\n"
        "Sandra, buen día. Por favor remitir a OCM la solicitud de capacitación de la convocatoria:\n\n"
        "ASUNTO DEL CORREO: Convocatoria Fondo de Reparación para Víctimas 2026-2\n"
        "FECHA DE SALIDA A PRODUCCIÓN: 3 de agosto de 2026\n"
        "MATERIAL DE APOYO: presentación, reglamento operativo del fondo y plantillas (adjuntos)\n"
        "TEST: adjunto en Excel\n\nGracias,\n\n" + signature("Carlos Andrés Villamil", "Coordinador de Fondos", "Vicepresidencia de Fondos en Administración"))
    out["m02-rv-fondos-falta-terminos"] = mail(
        "m02-rv-fondos-falta-terminos", ("Sandra Milena Páez", "smpaez@icetex.gov.co"),
        "RV: Capacitación convocatoria Fondo de Víctimas 2026-2", "Mon, 6 Apr 2026 15:31:40 -0500",
        text=fwd_text,
        files=[
            (pptx([("Fondo de Reparación para Víctimas", ["Convocatoria 2026-2"]), ("Preguntas frecuentes", ["¿Qué pasa si el aplicativo se cae?"])]),
             PPTX, "Presentación Fondo Víctimas 2026-2.pptx"),
            (word("Reglamento Operativo del Fondo de Reparación para Víctimas"), DOCX, "Reglamento Operativo Fondo Víctimas.docx"),
            (word("Plantillas de respuesta"), DOCX, "Plantillas respuesta Fondo Víctimas.docx"),
            (test_xlsx(FONDO_QS[:5]), XLSX, "Test Fondo Víctimas.xlsx"),
        ])

    # m03: Crédito new line, every attachment inside winmail.dat (Outlook RTF); "julio 15 de 2026".
    tnef_files = [
        ("Capacitacion Linea Posgrado Pais 2026.pptx", pptx([("Línea Posgrado País 2026", ["Nueva línea"]), ("Preguntas frecuentes", ["Contingencias"])])),
        ("Procedimiento otorgamiento Posgrado Pais.docx", word("Procedimiento de otorgamiento", "Ruta de escalamiento: nivel 2 Vicepresidencia de Crédito")),
        ("Condiciones de aplicacion y criterios de aprobacion.docx", word("Condiciones de aplicación y criterios de aprobación")),
        ("Calendario convocatoria 2026-2.xlsx", xlsx([["Calendario de la convocatoria"], ["Inscripciones", "1 al 30 de junio"]])),
        ("Condiciones de legalizacion.docx", word("Condiciones de legalización")),
        ("Condiciones de renovacion.docx", word("Condiciones de renovación")),
        ("Plantillas y proformas.docx", word("Plantillas de respuesta")),
        ("Test Posgrado Pais.xlsx", test_xlsx(CREDITO_QS)),
    ]
    out["m03-credito-winmail-completa"] = mail(
        "m03-credito-winmail-completa", ("Julián Esteban Cárdenas", "jecardenas@icetex.gov.co"),
        "Solicitud de capacitación nueva línea de crédito Posgrado País 2026", "Mon, 6 Apr 2026 10:02:55 -0500",
        text=("Buenos días,\n\nCon el fin de programar la capacitación al proveedor de atención, remitimos la información de la nueva línea:\n\n"
              "Asunto del correo: Nueva línea de crédito Posgrado País 2026\nFecha de salida a producción: julio 15 de 2026\n"
              "Material de apoyo: adjunto\nTest: adjunto (5 preguntas)\n\nCordialmente,\n\n"
              + signature("Julián Esteban Cárdenas", "Profesional", "Vicepresidencia de Crédito y Cobranza")),
        files=[(tnef(tnef_files), "application/ms-tnef", "winmail.dat")])

    # m04: Crédito new line; the one presentation carries the conditions and the calendar (4.1.1 a
    # Crédito: "la presentación que debe contener ... calendario, condiciones ...") and ends with
    # the test, one slide per question.
    slides = [("Línea Tú Eliges Técnico 2026", ["Capacitación proveedor"]),
              ("Condiciones de aplicación y criterios de aprobación", ["Admisión en programa técnico o tecnológico"]),
              ("Calendario de la convocatoria", ["Inscripciones del 1 al 31 de agosto"]),
              ("Condiciones de legalización", ["Documentos y plazos"]),
              ("Condiciones de renovación", ["Renovación semestral en línea"]),
              ("Preguntas frecuentes", ["¿Qué pasa si se cae el aplicativo?"])]
    slides += [("Pregunta %d" % (i + 1), [q, "a) Sí", "b) No", "c) Ninguna de las anteriores"]) for i, q in enumerate(CREDITO_QS)]
    out["m04-credito-pptx-con-test"] = mail(
        "m04-credito-pptx-con-test", ("Diana Carolina Rincón", "dcrincon@icetex.gov.co"),
        "Capacitación nueva línea Tú Eliges Técnico", "Mon, 1 Jun 2026 11:20:00 -0500",
        text=("Buen día,\n\nSolicitamos capacitación para la nueva línea Tú Eliges Técnico. La presentación incluye las condiciones, "
              "el calendario y al final el test de evaluación.\n\nFecha de salida a producción: martes 1 de septiembre de 2026\n\n"
              "Quedamos atentos.\n\n" + signature("Diana Carolina Rincón", "Profesional", "Vicepresidencia de Crédito y Cobranza")),
        files=[(pptx(slides), PPTX, "Capacitación Tú Eliges Técnico.pptx"),
               (word("Procedimiento de otorgamiento Tú Eliges Técnico", "Ruta de escalamiento"), DOCX, "Procedimiento Tú Eliges Técnico.docx"),
               (word("Proformas de respuesta"), DOCX, "Proformas de respuesta.docx")])

    # m05: Becas (ORI) new convocatoria, complete, but 71 days before the opening (90 asked, 4.1.1 a).
    becas_files = lambda tag: [
        (pptx([("Becas %s" % tag, ["Convocatoria"]), ("Preguntas frecuentes", ["Cambios de fecha"])]), PPTX, "Presentación Becas %s.pptx" % tag),
        (word("Condiciones de aplicación y criterios de aprobación"), DOCX, "Condiciones de aplicación.docx"),
        (xlsx([["Calendario de la convocatoria"], ["Cierre", "15 de mayo"]]), XLSX, "Calendario convocatoria.xlsx"),
        (word("Procedimiento de atención Becas", "Ruta de escalamiento"), DOCX, "Procedimiento Becas.docx"),
        (word("Plantillas de respuesta"), DOCX, "Plantillas.docx")]
    out["m05-becas-tarde"] = mail(
        "m05-becas-tarde", ("Ana María Cifuentes", "amcifuentes@icetex.gov.co"),
        "Solicitud capacitación convocatoria Becas Colombia-Francia 2026", "Mon, 20 Apr 2026 09:15:00 -0500",
        html=outlook_html(["Cordial saludo,", "Solicitamos capacitación para la convocatoria de becas de posgrado Colombia-Francia."],
                          [("ASUNTO DEL CORREO", "Becas Colombia-Francia 2026"), ("FECHA DE SALIDA A PRODUCCIÓN", "junio 30 de 2026"),
                           ("MATERIAL DE APOYO", "Adjunto"), ("TEST", "Adjunto")],
                          signature("Ana María Cifuentes", "Profesional", "Oficina de Relaciones Internacionales")),
        files=becas_files("Colombia-Francia") + [(test_docx("Test Becas Colombia-Francia", BECAS_QS), DOCX, "Test Becas.docx")])

    # m06: Becas, the test is its own pptx with four "Pregunta N" slides: 4 < 5 (4.2.1).
    out["m06-becas-test-pptx-corto"] = mail(
        "m06-becas-test-pptx-corto", ("Ana María Cifuentes", "amcifuentes@icetex.gov.co"),
        "Capacitación convocatoria Becas Fulbright 2027", "Mon, 1 Jun 2026 09:15:00 -0500",
        html=outlook_html(["Cordial saludo,", "Remitimos la solicitud de capacitación de la nueva convocatoria de becas."],
                          [("ASUNTO DEL CORREO", "Becas Fulbright 2027"), ("FECHA DE SALIDA A PRODUCCIÓN", "15 de octubre de 2026"),
                           ("MATERIAL DE APOYO", "Adjunto"), ("TEST", "Adjunto en PowerPoint")],
                          signature("Ana María Cifuentes", "Profesional", "Oficina de Relaciones Internacionales")),
        files=becas_files("Fulbright") + [
            (pptx([("Pregunta %d" % (i + 1), [q, "a) Verdadero", "b) Falso"]) for i, q in enumerate(BECAS_QS[:4])]), PPTX, "Evaluación Fulbright.pptx")])

    # m07: Fondos "ajustes al procedimiento" (4.1.1 b): 10 business days, b's list for Fondos.
    out["m07-fondos-ajustes-completa"] = mail(
        "m07-fondos-ajustes-completa", ("Marcela Patricia Ortiz Vega", "mportiz@icetex.gov.co"),
        "Ajustes al procedimiento de giros - Fondo de Sostenibilidad", "Mon, 20 Apr 2026 14:05:00 -0500",
        html=outlook_html(["Buenas tardes,", "Se realizaron ajustes al procedimiento de giros del Fondo de Sostenibilidad; "
                           "solicitamos socializarlos con el proveedor."],
                          [("ASUNTO DEL CORREO", "Ajustes procedimiento de giros Fondo de Sostenibilidad"),
                           ("FECHA DE SALIDA A PRODUCCIÓN", "19/05/2026"),
                           ("FECHA DE CAPACITACIÓN", "martes 12 de mayo de 2026"),
                           ("MATERIAL DE APOYO", "Presentación, procedimiento actualizado, reglamento, términos, lista de chequeo"),
                           ("TEST", "Adjunto")],
                          signature("Marcela Patricia Ortiz Vega", "Profesional Especializado", "Vicepresidencia de Fondos en Administración")),
        files=[(pptx([("Ajustes giros", ["Qué cambia"]), ("Preguntas frecuentes", ["Giros rechazados"])]), PPTX, "Presentación ajustes giros.pptx"),
               (word("Procedimiento de giros (versión 4)", "Pantallazos del aplicativo", "Ruta de escalamiento"), DOCX, "Procedimiento de giros v4.docx"),
               (pdf("Reglamento Operativo Fondo de Sostenibilidad", "Reglamento Operativo del Fondo"), PDF, "Reglamento Operativo.pdf"),
               (word("Términos de la convocatoria vigente"), DOCX, "Términos de la convocatoria.docx"),
               (xlsx([["Lista de chequeo"], ["Soporte de giro", "Sí"]]), XLSX, "Lista de chequeo giros.xlsx"),
               (test_docx("Test ajustes giros", FONDO_QS[:5]), DOCX, "Test giros.docx")])

    # m08: Crédito focused reinforcement (4.1.1 b), production "No aplica", training in prose.
    out["m08-credito-refuerzo-prosa"] = mail(
        "m08-credito-refuerzo-prosa", ("Óscar Iván Molina", "oimolina@icetex.gov.co"),
        "Refuerzo focalizado - acuerdos de pago cartera", "Mon, 4 May 2026 16:40:00 -0500",
        text=("Buenas tardes,\n\nCalidad nos reportó errores de conocimiento de los asesores en la gestión de acuerdos de pago, "
              "por lo que solicitamos un refuerzo focalizado del proceso de cobranza. La sesión la tenemos prevista para el "
              "jueves 21 de mayo, de 2 a 4 p. m.\n\nFecha de salida a producción: No aplica (proceso vigente)\n\n"
              "Adjunto presentación, procedimiento, lista de chequeo y test.\n\nSaludos,\n\n"
              + signature("Óscar Iván Molina", "Profesional", "Vicepresidencia de Crédito y Cobranza")),
        files=[(pptx([("Acuerdos de pago", ["Refuerzo"]), ("Preguntas frecuentes", ["Cliente en mora"])]), PPTX, "Refuerzo acuerdos de pago.pptx"),
               (word("Procedimiento de cobranza", "Ruta de escalamiento"), DOCX, "Procedimiento cobranza.docx"),
               (xlsx([["Lista de chequeo"], ["Validar mora", "Sí"]]), XLSX, "Lista de chequeo acuerdos.xlsx"),
               (test_xlsx(CREDITO_QS), XLSX, "Test acuerdos de pago.xlsx")])

    # m09: Becas reinforcement 4 business days before "el lunes 25 de mayo" (10 asked, 4.1.1 b).
    out["m09-becas-refuerzo-tarde"] = mail(
        "m09-becas-refuerzo-tarde", ("Ana María Cifuentes", "amcifuentes@icetex.gov.co"),
        "Solicitud refuerzo proceso de legalización de becas", "Tue, 19 May 2026 10:10:00 -0500",
        text=("Cordial saludo,\n\nSolicitamos un refuerzo al proveedor sobre el proceso de legalización de becas, por errores recurrentes. "
              "Lo podríamos realizar el lunes 25 de mayo.\n\nFecha de salida a producción: no aplica\n\n"
              "Adjuntamos el material.\n\n" + signature("Ana María Cifuentes", "Profesional", "Oficina de Relaciones Internacionales")),
        files=[(pptx([("Legalización de becas", ["Refuerzo"])]), PPTX, "Refuerzo legalización.pptx"),
               (word("Procedimiento de legalización de becas"), DOCX, "Procedimiento legalización.docx"),
               (xlsx([["Lista de chequeo"], ["Carta de aceptación", "Sí"]]), XLSX, "Lista de chequeo legalización.xlsx"),
               (test_docx("Test legalización", BECAS_QS), DOCX, "Test legalización.docx")])

    # m10: OCM-originated reinforcement (4.1.1 c): 15 calendar days, exactly met.
    out["m10-ocm-refuerzo"] = mail(
        "m10-ocm-refuerzo", ("Andrea Rojas Beltrán", "arojas@icetex.gov.co"),
        "Solicitud capacitación proveedor: Infoservicios y atención por Aranda", "Mon, 1 Jun 2026 07:55:00 -0500",
        text=("Equipo de Aseguramiento,\n\nDesde Gestión del Conocimiento identificamos puntos críticos en la atención por Aranda "
              "(Infoservicios) y solicitamos un refuerzo dirigido al proveedor de atención al usuario.\n\n"
              "Fecha de salida a producción: No aplica\nFecha de capacitación: 16/06/2026\n\n"
              "Adjunto la presentación y el test.\n\n"
              + signature("Andrea Rojas Beltrán", "Profesional Gestión del Conocimiento", "Oficina Comercial y de Mercadeo")),
        files=[(pptx([("Infoservicios - Aranda", ["Radicación de casos"])]), PPTX, "Presentación Aranda.pptx"),
               (test_xlsx(["¿Cuándo se radica en Aranda?", "¿Qué categoría usar?", "¿Cuál es el ANS?", "¿Cómo se escala?", "¿Quién cierra el caso?"]), XLSX, "Test Aranda.xlsx")])

    # m11: OCM training on a contingency (4.1.1 c), "el próximo martes": 6 days (15 asked).
    out["m11-ocm-contingencia-tarde"] = mail(
        "m11-ocm-contingencia-tarde", ("Andrea Rojas Beltrán", "arojas@icetex.gov.co"),
        "Socialización contingencia caída aplicativo de crédito", "Wed, 3 Jun 2026 17:02:00 -0500",
        text=("Buenas tardes,\n\nRequerimos socializar al proveedor el proceso de contingencia ante la caída del aplicativo de crédito. "
              "La capacitación sería el próximo martes en la mañana.\n\nFecha de salida a producción: no aplica\n\n"
              "Adjunto presentación y test.\n\n"
              + signature("Andrea Rojas Beltrán", "Profesional Gestión del Conocimiento", "Oficina Comercial y de Mercadeo")),
        files=[(pptx([("Contingencia aplicativo", ["Pasos"])]), PPTX, "Presentación contingencia.pptx"),
               (test_docx("Test contingencia", CREDITO_QS), DOCX, "Test contingencia.docx")])

    # m12: project with the 4.2.1 project table (d): context, date, presentation, test.
    out["m12-proyecto-completo"] = mail(
        "m12-proyecto-completo", ("Felipe Andrés Noguera", "fanoguera@icetex.gov.co"),
        "Proyecto Nuevo Portal Transaccional - capacitación proveedor", "Mon, 2 Mar 2026 09:30:00 -0500",
        html=outlook_html(["Buenos días,", "Desde la gerencia del proyecto remitimos la solicitud de formación:"],
                          [("NOMBRE DEL PROYECTO", "Nuevo Portal Transaccional"),
                           ("CONTEXTO DEL PROYECTO", "El portal reemplaza los pagos por PSE actuales; el proveedor atenderá consultas de pagos en línea y "
                            "fallas de la pasarela, con un aumento estimado del 15% de llamadas."),
                           ("FECHA DE SALIDA A PRODUCCIÓN", "1 de julio de 2026"),
                           ("MATERIAL DE APOYO", "Presentación adjunta"), ("TEST", "Adjunto")],
                          signature("Felipe Andrés Noguera", "Gerente del Proyecto Portal Transaccional", "Oficina de Tecnología")),
        files=[(pptx([("Portal Transaccional", ["Qué cambia para el usuario"]), ("Preguntas frecuentes", ["Pago rechazado"])]), PPTX, "Presentación Portal Transaccional.pptx"),
               (test_docx("Test Portal Transaccional", ["¿Qué es el portal?", "¿Cómo se paga?", "¿Qué hacer si falla el pago?", "¿Dónde se ve el recibo?", "¿A quién se escala?"]), DOCX, "Test Portal.docx")])

    # m13: project told in prose (context and impact in the text), no test attached.
    out["m13-proyecto-prosa-sin-test"] = mail(
        "m13-proyecto-prosa-sin-test", ("Felipe Andrés Noguera", "fanoguera@icetex.gov.co"),
        "Proyecto Transformación Digital - módulo de pagos en línea", "Mon, 4 May 2026 09:30:00 -0500",
        text=("Buenos días,\n\nDesde la gerencia del proyecto de Transformación Digital les informamos que el nuevo módulo de pagos en línea "
              "sale a producción el 14 de septiembre de 2026. El proyecto cambia la forma en que los beneficiarios consultan su extracto y "
              "pagan sus cuotas, por lo que el proveedor de atención al usuario recibirá consultas nuevas sobre pagos parciales y "
              "certificados.\n\nAdjunto la presentación del proyecto.\n\n"
              + signature("Felipe Andrés Noguera", "Gerente del Proyecto", "Oficina de Tecnología")),
        files=[(pptx([("Módulo de pagos en línea", ["Contexto del proyecto", "Impacto en el proveedor"])]), PPTX, "Presentación módulo de pagos.pptx")])

    # m14: Fondos new convocatoria whose opening depends on the fund's committee (Nota 2):
    # reglamento and términos come later; the material rule is 5 days, the request rule still 90.
    out["m14-fondos-nota2-comite"] = mail(
        "m14-fondos-nota2-comite", ("Carlos Andrés Villamil", "cavillamil@icetex.gov.co"),
        "Capacitación nueva convocatoria Fondo Ciencia y Tecnología 2026", "Mon, 2 Mar 2026 11:00:00 -0500",
        text=("Buenos días,\n\nSolicitamos la capacitación de la nueva convocatoria del Fondo Ciencia y Tecnología. La apertura de la "
              "convocatoria está sujeta a la decisión del Comité Directivo del fondo (Ministerio de Ciencia), por lo que el reglamento y "
              "los términos definitivos los enviaremos una vez queden aprobados.\n\n"
              "ASUNTO DEL CORREO: Fondo Ciencia y Tecnología - convocatoria 2026\nFECHA DE SALIDA A PRODUCCIÓN: 1 de junio de 2026\n\n"
              + signature("Carlos Andrés Villamil", "Coordinador de Fondos", "Vicepresidencia de Fondos en Administración")),
        files=[(pptx([("Fondo Ciencia y Tecnología", ["Convocatoria 2026"]), ("Preguntas frecuentes", ["Cambios de calendario"])]), PPTX, "Presentación Fondo CyT.pptx"),
               (xlsx([["Lista de chequeo"], ["Certificado de admisión", "Sí"]]), XLSX, "Lista de chequeo CyT.xlsx"),
               (word("Plantillas de respuesta"), DOCX, "Plantillas CyT.docx"),
               (test_xlsx(FONDO_QS[:5]), XLSX, "Test Fondo CyT.xlsx")])

    # m15: a meeting invitation, no request (5.2.2 asks for a training request).
    out["m15-no-es-solicitud"] = mail(
        "m15-no-es-solicitud", ("Luz Dary Méndez", "ldmendez@icetex.gov.co"),
        "Invitación: comité de seguimiento plan de mercadeo", "Tue, 10 Mar 2026 08:00:00 -0500",
        text=("Buenos días,\n\nLos invito al comité mensual de seguimiento del plan de mercadeo el jueves 12 de marzo a las 3:00 p. m. "
              "en la sala 4. Revisaremos indicadores de redes sociales y la pauta del segundo trimestre.\n\nGracias,\n\n"
              + signature("Luz Dary Méndez", "Jefe", "Oficina Comercial y de Mercadeo")))

    # m16: a thank-you answer to an OCM reply: nothing to judge.
    out["m16-agradecimiento"] = mail(
        "m16-agradecimiento", ("Jorge Ruiz", "jruiz@icetex.gov.co"),
        "RE: [OCM-2026-0031] Observaciones a su solicitud: Fondo de Víctimas", "Wed, 11 Mar 2026 10:00:00 -0500",
        text=("Muchas gracias, recibido. Quedamos atentos.\n\nJorge Ruiz\n\n"
              "De: Aseguramiento OCM <aseguramientoocm@icetex.gov.co>\nEnviado el: martes, 10 de marzo de 2026 4:00 p. m.\n"
              "Para: Jorge Ruiz <jruiz@icetex.gov.co>\nAsunto: [OCM-2026-0031] Observaciones a su solicitud: Fondo de Víctimas\n\n"
              "Buenas tardes. Revisamos su solicitud de capacitación: falta el Formato Revisión Documental F521 y la lista de chequeo. "
              "Envíelos a más tardar el 16 de marzo de 2026.\n"),
        in_reply_to="<OCM-2026-0031.1.observaciones@icetex.gov.co>")

    # m17: Crédito new line, the opening date only in prose; calendar and renewal missing.
    out["m17-credito-prosa-faltan"] = mail(
        "m17-credito-prosa-faltan", ("Julián Esteban Cárdenas", "jecardenas@icetex.gov.co"),
        "Nueva línea Alianzas Territoriales", "Mon, 27 Apr 2026 08:30:00 -0500",
        text=("Buenos días,\n\nLes cuento que la nueva línea de crédito Alianzas Territoriales abre el próximo 3 de agosto de 2026, "
              "y queremos capacitar al proveedor con tiempo. Adjunto lo que tenemos: presentación, condiciones de aplicación, "
              "condiciones de legalización, procedimiento, plantillas y test.\n\nMil gracias,\n\n"
              + signature("Julián Esteban Cárdenas", "Profesional", "Vicepresidencia de Crédito y Cobranza")),
        files=[(pptx([("Línea Alianzas Territoriales", ["Qué es"]), ("Preguntas frecuentes", ["Cambios de fecha"])]), PPTX, "Capacitación Alianzas.pptx"),
               (word("Condiciones de aplicación y criterios de aprobación"), DOCX, "Condiciones de aplicación Alianzas.docx"),
               (word("Condiciones de legalización"), DOCX, "Condiciones de legalización Alianzas.docx"),
               (word("Procedimiento de otorgamiento", "Ruta de escalamiento"), DOCX, "Procedimiento Alianzas.docx"),
               (word("Plantillas de respuesta"), DOCX, "Plantillas Alianzas.docx"),
               (test_docx("Test Alianzas", CREDITO_QS), DOCX, "Test Alianzas.docx")])

    # m18: Fondos convocatoria; reglamento and términos are PDFs exported from Word (compressed
    # text, names that do not say what they are).
    out["m18-fondos-pdf-comprimidos"] = mail(
        "m18-fondos-pdf-comprimidos", ("Marcela Patricia Ortiz Vega", "mportiz@icetex.gov.co"),
        "Capacitación convocatoria Fondo Álvaro Ulcué Chocué 2026-2", "Mon, 2 Mar 2026 15:00:00 -0500",
        html=outlook_html(["Buenas tardes,", "Remitimos la solicitud de capacitación de la convocatoria del fondo."],
                          [("ASUNTO DEL CORREO", "Fondo Álvaro Ulcué Chocué - convocatoria 2026-2"),
                           ("FECHA DE SALIDA A PRODUCCIÓN", "9 de junio de 2026"),
                           ("MATERIAL DE APOYO", "ROF, TdR, presentación, lista de chequeo, plantillas"), ("TEST", "Adjunto")],
                          signature("Marcela Patricia Ortiz Vega", "Profesional Especializado", "Vicepresidencia de Fondos en Administración")),
        files=[(pptx([("Fondo Álvaro Ulcué Chocué", ["Convocatoria 2026-2"]), ("Preguntas frecuentes", ["Cambios de calendario"])]), PPTX, "Presentación Fondo AUC.pptx"),
               (flate_pdf("REGLAMENTO OPERATIVO DEL FONDO ALVARO ULCUE CHOCUE", ["Capitulo I. Objeto del fondo", "Capitulo II. Beneficiarios"]), PDF, "ROF_AUC_2026.pdf"),
               (flate_pdf("TERMINOS DE REFERENCIA DE LA CONVOCATORIA 2026-2", ["Requisitos", "Cronograma"]), PDF, "TdR_AUC_2026-2.pdf"),
               (xlsx([["Lista de chequeo"], ["Certificado del cabildo", "Sí"]]), XLSX, "Lista de chequeo AUC.xlsx"),
               (word("Plantillas de respuesta"), DOCX, "Plantillas AUC.docx"),
               (test_xlsx(FONDO_QS), XLSX, "Test AUC.xlsx")])

    # m19: Becas new convocatoria, the test written in the body (numbered questions).
    out["m19-becas-test-en-cuerpo"] = mail(
        "m19-becas-test-en-cuerpo", ("Ana María Cifuentes", "amcifuentes@icetex.gov.co"),
        "Capacitación convocatoria Becas Reino Unido 2026", "Mon, 2 Mar 2026 09:15:00 -0500",
        text=("Cordial saludo,\n\nSolicitamos la capacitación de la convocatoria de becas Reino Unido.\n\n"
              "ASUNTO DEL CORREO: Becas Reino Unido 2026\nFECHA DE SALIDA A PRODUCCIÓN: 17 de junio de 2026\n"
              "MATERIAL DE APOYO: adjunto\nTEST:\n" + "".join("%d. %s\n" % (i + 1, q) for i, q in enumerate(BECAS_QS))
              + "\nCordialmente,\n\n" + signature("Ana María Cifuentes", "Profesional", "Oficina de Relaciones Internacionales")),
        files=becas_files("Reino Unido"))

    # m20: Crédito "cambios en el proceso" (4.1.1 b): the test is announced but not attached.
    out["m20-credito-cambios-test-anunciado"] = mail(
        "m20-credito-cambios-test-anunciado", ("Óscar Iván Molina", "oimolina@icetex.gov.co"),
        "Cambios en el proceso de renovación de créditos", "Mon, 1 Jun 2026 10:00:00 -0500",
        text=("Buenos días,\n\nA partir del segundo semestre hay cambios en el proceso de renovación de créditos. Solicitamos socializarlos "
              "al proveedor.\n\nFecha de salida a producción: No aplica\nFecha de capacitación: 2 de julio de 2026\n"
              "Adjunto presentación, procedimiento, lista de chequeo y el test de 6 preguntas.\n\n"
              + signature("Óscar Iván Molina", "Profesional", "Vicepresidencia de Crédito y Cobranza")),
        files=[(pptx([("Renovación 2026-2", ["Qué cambia"])]), PPTX, "Presentación renovación.pptx"),
               (word("Procedimiento de renovación", "Ruta de escalamiento"), DOCX, "Procedimiento renovación.docx"),
               (xlsx([["Lista de chequeo"], ["Recibo", "Sí"]]), XLSX, "Lista de chequeo renovación.xlsx")])

    # m21: Becas new convocatoria, complete, no production date anywhere (4.2.1).
    out["m21-becas-sin-fecha"] = mail(
        "m21-becas-sin-fecha", ("Ana María Cifuentes", "amcifuentes@icetex.gov.co"),
        "Solicitud capacitación Becas Alemania DAAD", "Mon, 2 Mar 2026 09:15:00 -0500",
        text=("Cordial saludo,\n\nSolicitamos la capacitación para la convocatoria de becas DAAD. Adjuntamos el material y el test.\n\n"
              + signature("Ana María Cifuentes", "Profesional", "Oficina de Relaciones Internacionales")),
        files=becas_files("DAAD") + [(test_docx("Test DAAD", BECAS_QS), DOCX, "Test DAAD.docx")])

    # m22: Crédito focused reinforcement proposed for "lunes 29 de junio" (San Pedro y San Pablo).
    out["m22-refuerzo-festivo"] = mail(
        "m22-refuerzo-festivo", ("Óscar Iván Molina", "oimolina@icetex.gov.co"),
        "Refuerzo focalizado proceso de cobro jurídico", "Mon, 1 Jun 2026 15:00:00 -0500",
        text=("Buenas tardes,\n\nSolicitamos un refuerzo focalizado del proceso de cobro jurídico.\n\n"
              "Fecha de salida a producción: no aplica\nFecha propuesta de capacitación: lunes 29 de junio de 2026\n\n"
              "Adjunto el material.\n\n" + signature("Óscar Iván Molina", "Profesional", "Vicepresidencia de Crédito y Cobranza")),
        files=[(pptx([("Cobro jurídico", ["Refuerzo"])]), PPTX, "Presentación cobro jurídico.pptx"),
               (word("Procedimiento de cobro jurídico"), DOCX, "Procedimiento cobro jurídico.docx"),
               (xlsx([["Lista de chequeo"], ["Poder", "Sí"]]), XLSX, "Lista de chequeo cobro.xlsx"),
               (test_xlsx(CREDITO_QS), XLSX, "Test cobro jurídico.xlsx")])

    # m23a + m23b: a Fondos request without F521 and lista de chequeo, then the area's answer
    # with both (5.2.4 -> 5.2.3): the thread is complete.
    out["m23a-fondos-falta-f521"] = mail(
        "m23a-fondos-falta-f521", ("Jorge Ruiz", "jruiz@icetex.gov.co"),
        "Capacitación convocatoria Fondo Comunidades Indígenas 2026-2", "Mon, 2 Mar 2026 08:40:00 -0500",
        text=("Cordial saludo. Solicitamos capacitar al proveedor; el proveedor hará la revisión documental de las postulaciones.\n\n"
              "ASUNTO DEL CORREO: Fondo Comunidades Indígenas - convocatoria 2026-2\nFECHA DE SALIDA A PRODUCCIÓN: 16/06/2026\n"
              "MATERIAL DE APOYO: presentación, reglamento, términos, plantillas\nTEST: adjunto\n\n"
              + signature("Jorge Ruiz", "Profesional", "Vicepresidencia de Fondos en Administración")),
        files=[(pptx([("Fondo Comunidades Indígenas", ["Convocatoria 2026-2"]), ("Preguntas frecuentes", ["Contingencias"])]), PPTX, "Presentación Fondo Indígenas.pptx"),
               (pdf("Reglamento Operativo Fondo Comunidades Indigenas", "Reglamento Operativo del Fondo"), PDF, "Reglamento Operativo.pdf"),
               (word("Términos de la convocatoria 2026-2"), DOCX, "Términos de la convocatoria.docx"),
               (word("Plantillas de respuesta"), DOCX, "Plantillas.docx"),
               (test_xlsx(FONDO_QS), XLSX, "Test Fondo Indígenas.xlsx")])
    out["m23b-respuesta-completa"] = mail(
        "m23b-respuesta-completa", ("Jorge Ruiz", "jruiz@icetex.gov.co"),
        "RE: [OCM-2026-0042] Observaciones a su solicitud: Fondo Comunidades Indígenas - convocatoria 2026-2",
        "Tue, 10 Mar 2026 11:30:00 -0500",
        text=("Buenos días, adjunto el formato F521 y la lista de chequeo que faltaban.\n\nJorge Ruiz\n"
              "Vicepresidencia de Fondos en Administración\n\n"
              "De: Aseguramiento OCM <aseguramientoocm@icetex.gov.co>\nEnviado el: lunes, 2 de marzo de 2026 9:00 a. m.\n"
              "Asunto: [OCM-2026-0042] Observaciones a su solicitud\n\nFalta el Formato Revisión Documental F521 y la lista de chequeo.\n"),
        in_reply_to="<m23a-fondos-falta-f521@icetex.gov.co>",
        files=[(xlsx([["F521 Formato Revisión Documental"], ["Documento", "Cumple"]]), XLSX, "F521.xlsx"),
               (xlsx([["Lista de chequeo"], ["Certificado del cabildo", "Sí"]]), XLSX, "Lista de chequeo.xlsx")])

    # m24: Fondos process update, training date without year ("el miércoles 15 de julio"),
    # reglamento and términos not attached (4.1.1 b, Fondos).
    out["m24-fondos-actualizacion-sin-anio"] = mail(
        "m24-fondos-actualizacion-sin-anio", ("Carlos Andrés Villamil", "cavillamil@icetex.gov.co"),
        "RE: RV: Actualización procedimiento de legalización de giros Fondos", "Mon, 1 Jun 2026 09:00:00 -0500",
        text=("Buenos días,\n\nComo lo conversamos, solicitamos la capacitación de la actualización del procedimiento de legalización de "
              "giros de los fondos en administración.\n\nFECHA DE SALIDA A PRODUCCIÓN: No aplica\n"
              "FECHA DE CAPACITACIÓN: el miércoles 15 de julio\n\nAdjunto presentación, procedimiento, lista de chequeo y test.\n\n"
              + signature("Carlos Andrés Villamil", "Coordinador de Fondos", "Vicepresidencia de Fondos en Administración")),
        files=[(pptx([("Legalización de giros", ["Actualización"])]), PPTX, "Presentación legalización giros.pptx"),
               (word("Procedimiento de legalización de giros (actualizado)"), DOCX, "Procedimiento legalización giros.docx"),
               (xlsx([["Lista de chequeo"], ["Soporte", "Sí"]]), XLSX, "Lista de chequeo giros.xlsx"),
               (test_docx("Test legalización de giros", FONDO_QS[:5]), DOCX, "Test giros.docx")])

    # m25: Outlook's automatic reply: never answered (RFC 3834).
    out["m25-respuesta-automatica"] = mail(
        "m25-respuesta-automatica", ("Paula Gil", "pgil@icetex.gov.co"),
        "Respuesta automática: Capacitación convocatoria Fondo de Víctimas 2026-2", "Mon, 6 Apr 2026 15:32:00 -0500",
        text="Me encuentro en vacaciones hasta el 20 de abril. Para temas de capacitación escriba a formacionocm@icetex.gov.co.\n",
        headers={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"})

    # ---- second batch: written after the first was green, harder layouts and wordings.

    credito_set = lambda tag: [
        (pptx([("Línea %s" % tag, ["Nueva línea"]), ("Preguntas frecuentes", ["Contingencias"])]), PPTX, "Capacitación %s.pptx" % tag),
        (word("Procedimiento de otorgamiento %s" % tag, "Ruta de escalamiento"), DOCX, "Procedimiento %s.docx" % tag),
        (word("Condiciones de aplicación y criterios de aprobación"), DOCX, "Condiciones de aplicación.docx"),
        (xlsx([["Calendario de la convocatoria"], ["Inscripciones", "agosto"]]), XLSX, "Calendario.xlsx"),
        (word("Condiciones de legalización"), DOCX, "Condiciones de legalización.docx"),
        (word("Condiciones de renovación"), DOCX, "Condiciones de renovación.docx"),
        (word("Plantillas de respuesta"), DOCX, "Plantillas.docx"),
        (test_xlsx(CREDITO_QS), XLSX, "Test %s.xlsx" % tag)]
    fondos_set = lambda tag: [
        (pptx([("Fondo %s" % tag, ["Convocatoria"]), ("Preguntas frecuentes", ["Cambios de calendario"])]), PPTX, "Presentación Fondo %s.pptx" % tag),
        (pdf("Reglamento Operativo Fondo %s" % tag, "Reglamento Operativo del Fondo"), PDF, "Reglamento Operativo %s.pdf" % tag),
        (word("Términos de la convocatoria"), DOCX, "Términos de la convocatoria %s.docx" % tag),
        (xlsx([["Lista de chequeo"], ["Documento", "Sí"]]), XLSX, "Lista de chequeo %s.xlsx" % tag),
        (word("Plantillas de respuesta"), DOCX, "Plantillas %s.docx" % tag),
        (test_xlsx(FONDO_QS[:5]), XLSX, "Test Fondo %s.xlsx" % tag)]

    # n26: the 4.2.1 table copied horizontally: a header row and a value row (ISO date).
    head = ["ASUNTO DEL CORREO", "FECHA DE SALIDA A PRODUCCIÓN", "MATERIAL DE APOYO", "TEST"]
    vals = ["Nueva línea Tú Eliges Maestría 2026", "2026-09-15", "Adjunto", "Adjunto (5 preguntas)"]
    row = lambda cells, bold: "<tr>%s</tr>" % "".join(
        "<td style='border:solid windowtext 1.0pt'><p class=MsoNormal>%s%s%s</p></td>" % ("<b>" if bold else "", esc(c), "</b>" if bold else "") for c in cells)
    html = outlook_html(["Buenos días,", "Remitimos la solicitud de capacitación de la nueva línea:"], None,
                        signature("Diana Carolina Rincón", "Profesional", "Vicepresidencia de Crédito y Cobranza"))
    html = html.replace("<p class=MsoNormal>&nbsp;</p>", "<table class=MsoTableGrid border=1>%s%s</table><p class=MsoNormal>&nbsp;</p>" % (row(head, True), row(vals, False)), 1)
    out["n26-tabla-horizontal"] = mail(
        "n26-tabla-horizontal", ("Diana Carolina Rincón", "dcrincon@icetex.gov.co"),
        "RV: Solicitud capacitación - Nueva línea Tú Eliges Maestría", "Mon, 1 Jun 2026 10:00:00 -0500",
        html=html, files=credito_set("Maestría"))

    # n27: letter-style mail with the place and date on top; bullet fields; dd-mm-yyyy.
    out["n27-becas-vinetas-guiones"] = mail(
        "n27-becas-vinetas-guiones", ("Ana María Cifuentes", "amcifuentes@icetex.gov.co"),
        "Solicitud de capacitación - Becas Japón MEXT 2027", "Mon, 1 Jun 2026 09:15:00 -0500",
        text=("Bogotá D.C., 1 de junio de 2026\n\nSeñores\nOficina Comercial y de Mercadeo\nICETEX\n\n"
              "Respetados señores:\n\nPara la nueva convocatoria de becas MEXT remitimos la siguiente información:\n\n"
              "• Asunto del correo: Becas Japón MEXT 2027\n• Fecha de salida a producción: 30-09-2026\n"
              "• Material de apoyo: presentación, condiciones, calendario, procedimiento y plantillas\n• Test: adjunto\n\n"
              "Atentamente,\n\n" + signature("Ana María Cifuentes", "Profesional", "Oficina de Relaciones Internacionales")),
        files=becas_files("MEXT") + [(test_docx("Test MEXT", BECAS_QS), DOCX, "Test MEXT.docx")])

    # n28: the opening date only in prose, after a letterhead date.
    out["n28-fondos-fecha-membrete"] = mail(
        "n28-fondos-fecha-membrete", ("Carlos Andrés Villamil", "cavillamil@icetex.gov.co"),
        "Capacitación Fondo de Educación Superior para Víctimas 2026-2", "Mon, 2 Mar 2026 10:00:00 -0500",
        text=("Bogotá D.C., 2 de marzo de 2026\n\nBuenos días,\n\nLa convocatoria 2026-2 del Fondo de Educación Superior para "
              "Víctimas abrirá postulaciones el 8 de julio de 2026. Adjuntamos el material para la capacitación del proveedor.\n\n"
              "Cordialmente,\n\n" + signature("Carlos Andrés Villamil", "Coordinador de Fondos", "Vicepresidencia de Fondos en Administración")),
        files=fondos_set("Víctimas"))

    # n29: negations: no document review by the provider, not condonable (no F521, no condonación).
    out["n29-fondos-negaciones"] = mail(
        "n29-fondos-negaciones", ("Marcela Patricia Ortiz Vega", "mportiz@icetex.gov.co"),
        "Capacitación convocatoria Fondo Excelencia Docente 2026-2", "Mon, 2 Mar 2026 10:30:00 -0500",
        text=("Buenos días,\n\nSolicitamos la capacitación de la convocatoria del Fondo Excelencia Docente. Esta convocatoria no requiere "
              "revisión documental por parte del proveedor, y el fondo no es condonable (es un crédito reembolsable).\n\n"
              "ASUNTO DEL CORREO: Fondo Excelencia Docente 2026-2\nFECHA DE SALIDA A PRODUCCIÓN: 16/06/2026\n\n"
              "Cordialmente,\n\n" + signature("Marcela Patricia Ortiz Vega", "Profesional Especializado", "Vicepresidencia de Fondos en Administración")),
        files=fondos_set("Excelencia Docente"))

    # n30: two topics named (TEMAS), a test of 6 questions: 5 per topic asks 10 (4.2.1).
    out["n30-dos-temas-test-corto"] = mail(
        "n30-dos-temas-test-corto", ("Jorge Ruiz", "jruiz@icetex.gov.co"),
        "Capacitación Fondo Comunidades Indígenas: convocatoria y legalización", "Mon, 2 Mar 2026 08:40:00 -0500",
        text=("Cordial saludo.\n\nASUNTO DEL CORREO: Fondo Comunidades Indígenas 2026-2\nFECHA DE SALIDA A PRODUCCIÓN: 16/06/2026\n"
              "TEMAS:\n1. Convocatoria 2026-2\n2. Legalización de giros\n\n"
              "Cordialmente,\n\n" + signature("Jorge Ruiz", "Profesional", "Vicepresidencia de Fondos en Administración")),
        files=fondos_set("Indígenas")[:5] + [(test_xlsx(FONDO_QS), XLSX, "Test Fondo Indígenas.xlsx")])

    # n31: the test is a deck with one "Evaluación" slide of numbered questions.
    out["n31-becas-test-diapositiva-numerada"] = mail(
        "n31-becas-test-diapositiva-numerada", ("Ana María Cifuentes", "amcifuentes@icetex.gov.co"),
        "Capacitación convocatoria Becas Corea KGSP 2027", "Mon, 1 Jun 2026 09:15:00 -0500",
        text=("Cordial saludo,\n\nASUNTO DEL CORREO: Becas Corea KGSP 2027\nFECHA DE SALIDA A PRODUCCIÓN: 15 de octubre de 2026\n"
              "MATERIAL DE APOYO: adjunto\nTEST: adjunto\n\nCordialmente,\n\n"
              + signature("Ana María Cifuentes", "Profesional", "Oficina de Relaciones Internacionales")),
        files=becas_files("KGSP") + [
            (pptx([("Evaluación de la capacitación", sum([["%d. %s" % (i + 1, q), "a) Sí", "b) No"] for i, q in enumerate(BECAS_QS)], []))]),
             PPTX, "Evaluación capacitación KGSP.pptx")])

    # n32: an additional session after the training (4.1.1 c, Nota): organised within 5 days.
    out["n32-sesion-adicional"] = mail(
        "n32-sesion-adicional", ("Jorge Ruiz", "jruiz@icetex.gov.co"),
        "Sesión adicional Fondo Comunidades Negras - casos no contemplados", "Mon, 1 Jun 2026 08:00:00 -0500",
        text=("Buenos días,\n\nDespués de la capacitación del pasado 26 de mayo los asesores han presentado situaciones no contempladas "
              "(postulantes sin certificado del Ministerio del Interior). Solicitamos una sesión adicional; la realizaríamos el "
              "jueves 4 de junio.\n\nFecha de salida a producción: no aplica (convocatoria abierta)\n\nAdjunto presentación y test.\n\n"
              "Cordialmente,\n\n" + signature("Jorge Ruiz", "Profesional", "Vicepresidencia de Fondos en Administración")),
        files=[(pptx([("Casos no contemplados", ["Certificados"])]), PPTX, "Presentación casos.pptx"),
               (test_xlsx(FONDO_QS[:5]), XLSX, "Test casos.xlsx")])

    # n33: the provider's results (5.2.13) passed on: not a request.
    out["n33-resultados-replica"] = mail(
        "n33-resultados-replica", ("Andrea Rojas Beltrán", "arojas@icetex.gov.co"),
        "RV: Resultados de la réplica - Fondo Comunidades Negras", "Tue, 9 Jun 2026 10:00:00 -0500",
        text=("Compañeros, reenvío los resultados del test y las listas de asistencia de la réplica que envió el proveedor.\n\n"
              "Andrea Rojas\nGestión del Conocimiento\nOficina Comercial y de Mercadeo\n"),
        files=[(xlsx([["Asesor", "Resultado"], ["A1", "80"], ["A2", "100"]]), XLSX, "Resultados test réplica.xlsx"),
               (pdf("Listas de asistencia", "Listas de asistencia"), PDF, "Listas de asistencia.pdf")])

    # n34: from a phone, no material, a training day that is a holiday (20 de julio), no opening date.
    out["n34-desde-celular-festivo"] = mail(
        "n34-desde-celular-festivo", ("Carlos Andrés Villamil", "cavillamil@icetex.gov.co"),
        "Capacitación nueva convocatoria", "Mon, 1 Jun 2026 19:20:00 -0500",
        text=("Buenas tardes, necesitamos capacitar al proveedor en la nueva convocatoria del Fondo de Ciencias Básicas el lunes "
              "20 de julio. El material se los envío la otra semana.\n\nEnviado desde mi iPhone\n"))

    # n35: a calendar update of an open convocatoria (4.1.1 b): pptx and test only.
    out["n35-becas-actualizacion-calendario"] = mail(
        "n35-becas-actualizacion-calendario", ("Ana María Cifuentes", "amcifuentes@icetex.gov.co"),
        "Actualización calendario convocatoria Becas Colombia-Francia", "Mon, 1 Jun 2026 11:00:00 -0500",
        text=("Cordial saludo,\n\nSe actualizó el calendario de la convocatoria Becas Colombia-Francia (ampliación del cierre al 30 de junio). "
              "Solicitamos socializar el cambio al proveedor.\n\nFECHA DE SALIDA A PRODUCCIÓN: no aplica (convocatoria abierta)\n"
              "FECHA DE CAPACITACIÓN: viernes 19 de junio de 2026\n\nAdjunto presentación y test.\n\n"
              + signature("Ana María Cifuentes", "Profesional", "Oficina de Relaciones Internacionales")),
        files=[(pptx([("Nuevo calendario", ["Cierre 30 de junio"])]), PPTX, "Presentación nuevo calendario.pptx"),
               (test_docx("Test calendario", BECAS_QS), DOCX, "Test calendario.docx")])

    # n36: a Word test with "Pregunta N:" headings and an answer key that must not count.
    key_test = docx([("Heading1", "Evaluación - modificación proceso de legalización", False)]
                    + sum([[(None, "Pregunta %d: %s" % (i + 1, q), False), (None, "a) Sí", False), (None, "b) No", False)]
                           for i, q in enumerate(CREDITO_QS)], [])
                    + [("Heading2", "Clave de respuestas", False)] + [(None, "%d. a" % (i + 1), False) for i in range(5)])
    out["n36-credito-test-con-clave"] = mail(
        "n36-credito-test-con-clave", ("Óscar Iván Molina", "oimolina@icetex.gov.co"),
        "Modificación en el proceso de legalización de créditos", "Mon, 1 Jun 2026 10:00:00 -0500",
        text=("Buenos días,\n\nHay una modificación en el proceso de legalización de créditos; solicitamos la capacitación del proveedor.\n\n"
              "Fecha de salida a producción: 15/07/2026\nFecha de capacitación: miércoles 1 de julio de 2026\n\n"
              + signature("Óscar Iván Molina", "Profesional", "Vicepresidencia de Crédito y Cobranza")),
        files=[(pptx([("Legalización", ["Qué cambia"])]), PPTX, "Presentación legalización.pptx"),
               (word("Procedimiento de legalización", "Ruta de escalamiento"), DOCX, "Procedimiento legalización.docx"),
               (xlsx([["Lista de chequeo"], ["Pagaré", "Sí"]]), XLSX, "Lista de chequeo legalización.xlsx"),
               (key_test, DOCX, "Evaluación legalización.docx")])

    # n37: the opening date is pending the fund's board: no date to plan against (4.2.1).
    out["n37-fondos-fecha-por-definir"] = mail(
        "n37-fondos-fecha-por-definir", ("Carlos Andrés Villamil", "cavillamil@icetex.gov.co"),
        "Capacitación nueva convocatoria Fondo Mujeres STEM 2026", "Mon, 2 Mar 2026 11:00:00 -0500",
        text=("Buenos días,\n\nASUNTO DEL CORREO: Fondo Mujeres STEM 2026\n"
              "FECHA DE SALIDA A PRODUCCIÓN: por definir, sujeta a aprobación de la Junta Directiva del fondo\n\n"
              "Adjuntamos el material completo.\n\nCordialmente,\n\n"
              + signature("Carlos Andrés Villamil", "Coordinador de Fondos", "Vicepresidencia de Fondos en Administración")),
        files=fondos_set("Mujeres STEM"))

    # n38: a condonable credit line (4.1.1 a Crédito: condonación "en los casos que apliquen").
    out["n38-credito-condonable"] = mail(
        "n38-credito-condonable", ("Julián Esteban Cárdenas", "jecardenas@icetex.gov.co"),
        "Capacitación nueva línea Licenciaturas 2026-2", "Mon, 1 Jun 2026 10:00:00 -0500",
        text=("Buenos días,\n\nSolicitamos la capacitación de la nueva línea para licenciaturas, condonable hasta en un 25% por graduación.\n\n"
              "ASUNTO DEL CORREO: Nueva línea Licenciaturas 2026-2\nFECHA DE SALIDA A PRODUCCIÓN: 1 de septiembre de 2026\n\n"
              + signature("Julián Esteban Cárdenas", "Profesional", "Vicepresidencia de Crédito y Cobranza")),
        files=credito_set("Licenciaturas"))

    # n39: the test as a compressed PDF of numbered questions.
    pdf_test = flate_pdf("TEST DE CONOCIMIENTO BECAS ITALIA", ["%d. %s" % (i + 1, q) for i, q in enumerate(
        ["Que requisitos debe cumplir el aspirante?", "Cual es el calendario?", "Que cubre la beca?", "Como se legaliza?", "A quien se escala?"])])
    out["n39-becas-test-pdf"] = mail(
        "n39-becas-test-pdf", ("Ana María Cifuentes", "amcifuentes@icetex.gov.co"),
        "Capacitación convocatoria Becas Italia 2027", "Mon, 1 Jun 2026 09:15:00 -0500",
        text=("Cordial saludo,\n\nASUNTO DEL CORREO: Becas Italia 2027\nFECHA DE SALIDA A PRODUCCIÓN: 15 de octubre de 2026\n\n"
              "Cordialmente,\n\n" + signature("Ana María Cifuentes", "Profesional", "Oficina de Relaciones Internacionales")),
        files=becas_files("Italia") + [(pdf_test, PDF, "Test Becas Italia.pdf")])

    # n40: OCM training "el martes 14" (July), asked 13 days before (15 asked, 4.1.1 c).
    out["n40-ocm-martes-14"] = mail(
        "n40-ocm-martes-14", ("Andrea Rojas Beltrán", "arojas@icetex.gov.co"),
        "Capacitación proveedor: nuevo protocolo de atención PQRSD", "Wed, 1 Jul 2026 09:00:00 -0500",
        text=("Equipo,\n\nDesde Gestión del Conocimiento solicitamos capacitar al proveedor en el nuevo protocolo de atención de PQRSD. "
              "La capacitación la haríamos el martes 14.\n\nFecha de salida a producción: no aplica\n\nAdjunto presentación y test.\n\n"
              + signature("Andrea Rojas Beltrán", "Profesional Gestión del Conocimiento", "Oficina Comercial y de Mercadeo")),
        files=[(pptx([("Protocolo PQRSD", ["Nuevo"])]), PPTX, "Presentación protocolo PQRSD.pptx"),
               (test_xlsx(["¿Qué es una PQRSD?", "¿Cuál es el plazo?", "¿Cómo se radica?", "¿Cómo se escala?", "¿Quién responde?"]), XLSX, "Test PQRSD.xlsx")])

    # ---- third batch.

    # p41: all the material in one zip (with the folders and junk a zip tool leaves).
    import io, zipfile
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for data, _, filename in fondos_set("Pacífico"):
            z.writestr(zipfile.ZipInfo("Material capacitación/" + filename, (2026, 2, 27, 10, 0, 0)), data)
        z.writestr(zipfile.ZipInfo("__MACOSX/Material capacitación/._Plantillas.docx", (2026, 2, 27, 10, 0, 0)), b"\0\5\26\7junk")
        z.writestr(zipfile.ZipInfo("Material capacitación/Thumbs.db", (2026, 2, 27, 10, 0, 0)), b"junk")
    out["p41-fondos-material-en-zip"] = mail(
        "p41-fondos-material-en-zip", ("Marcela Patricia Ortiz Vega", "mportiz@icetex.gov.co"),
        "Capacitación convocatoria Fondo Región Pacífico 2026-2", "Mon, 2 Mar 2026 16:00:00 -0500",
        text=("Buenas tardes,\n\nASUNTO DEL CORREO: Fondo Región Pacífico - convocatoria 2026-2\nFECHA DE SALIDA A PRODUCCIÓN: 16/06/2026\n"
              "MATERIAL DE APOYO: en el archivo comprimido adjunto\nTEST: en el comprimido\n\nCordialmente,\n\n"
              + signature("Marcela Patricia Ortiz Vega", "Profesional Especializado", "Vicepresidencia de Fondos en Administración")),
        files=[(buffer.getvalue(), "application/x-zip-compressed", "Material capacitación Fondo Pacífico.zip")])

    # p42b: the answer that gives the production date m21 lacked; the quoted observation's
    # example date ("por ejemplo, 15/03/2026") is not the area's.
    out["p42b-respuesta-fecha"] = mail(
        "p42b-respuesta-fecha", ("Ana María Cifuentes", "amcifuentes@icetex.gov.co"),
        "RE: [OCM-2026-0050] Observaciones a su solicitud: Solicitud capacitación Becas Alemania DAAD", "Wed, 4 Mar 2026 08:10:00 -0500",
        text=("Buenos días, la convocatoria abre el 17 de junio de 2026.\n\nAna María\n\n"
              "De: Aseguramiento OCM <aseguramientoocm@icetex.gov.co>\nEnviado el: lunes, 2 de marzo de 2026 10:00 a. m.\n"
              "Para: Ana María Cifuentes <amcifuentes@icetex.gov.co>\nAsunto: [OCM-2026-0050] Observaciones a su solicitud\n\n"
              "No encontramos la fecha de salida a producción (numeral 4.2.1). Por favor indíquela en el campo FECHA DE SALIDA A "
              "PRODUCCIÓN (por ejemplo, 15/03/2026).\n"),
        in_reply_to="<m21-becas-sin-fecha@icetex.gov.co>")

    # p43: Nota 2 in other words: the opening waits for the Ministry to sign the agreement.
    out["p43-fondos-nota2-convenio"] = mail(
        "p43-fondos-nota2-convenio", ("Carlos Andrés Villamil", "cavillamil@icetex.gov.co"),
        "Capacitación nueva convocatoria Fondo Docentes Rurales 2026", "Mon, 2 Mar 2026 11:30:00 -0500",
        text=("Buenos días,\n\nLa apertura de la convocatoria del Fondo Docentes Rurales está supeditada a la firma del convenio con el "
              "Ministerio de Educación, por lo que la fecha podría moverse.\n\n"
              "ASUNTO DEL CORREO: Fondo Docentes Rurales 2026\nFECHA DE SALIDA A PRODUCCIÓN: 1 de junio de 2026\n\n"
              "Cordialmente,\n\n" + signature("Carlos Andrés Villamil", "Coordinador de Fondos", "Vicepresidencia de Fondos en Administración")),
        files=fondos_set("Docentes Rurales"))

    # p45: OCM forwards an area's request from a personal address: the area is the request's.
    out["p45-ocm-reenvia-solicitud-de-fondos"] = mail(
        "p45-ocm-reenvia-solicitud-de-fondos", ("Andrea Rojas Beltrán", "arojas@icetex.gov.co"),
        "RV: Solicitud capacitación Fondo Comunidades Negras 2026-2", "Tue, 3 Mar 2026 08:00:00 -0500",
        text=("Compañeros de Aseguramiento, reenvío la solicitud del área para su revisión.\n\n"
              "Andrea Rojas\nGestión del Conocimiento\nOficina Comercial y de Mercadeo\n\n"
              "De: Marcela Patricia Ortiz Vega <mportiz@icetex.gov.co>\nEnviado el: lunes, 2 de marzo de 2026 8:47 a. m.\n"
              "Para: Andrea Rojas Beltrán <arojas@icetex.gov.co>\nAsunto: Solicitud capacitación Fondo Comunidades Negras 2026-2\n\n"
              "Buenos días Andrea, te comparto la solicitud de capacitación de la convocatoria.\n\n"
              "ASUNTO DEL CORREO: Fondo Comunidades Negras 2026-2\nFECHA DE SALIDA A PRODUCCIÓN: 16/06/2026\n"
              "MATERIAL DE APOYO: adjunto\nTEST: adjunto\n\nCordialmente,\n\n"
              + signature("Marcela Patricia Ortiz Vega", "Profesional Especializado", "Vicepresidencia de Fondos en Administración")),
        files=fondos_set("Comunidades Negras"))

    # q46: the opening as a range under "Fecha de inicio de la convocatoria", the training as a
    # range in prose: 85 days before the training (90 asked, 4.1.1 a).
    out["q46-credito-rangos"] = mail(
        "q46-credito-rangos", ("Julián Esteban Cárdenas", "jecardenas@icetex.gov.co"),
        "Solicitud capacitación nueva línea Doctorados 2026-2", "Mon, 27 Apr 2026 08:30:00 -0500",
        text=("Buenos días,\n\nASUNTO DEL CORREO: Nueva línea Doctorados 2026-2\n"
              "FECHA DE INICIO DE LA CONVOCATORIA: del 3 al 28 de agosto de 2026\n\n"
              "La capacitación la proponemos entre el 21 y 23 de julio, según la disponibilidad del proveedor.\n\n"
              "Cordialmente,\n\n" + signature("Julián Esteban Cárdenas", "Profesional", "Vicepresidencia de Crédito y Cobranza")),
        files=credito_set("Doctorados"))

    b_set = lambda tag, qs: [
        (pptx([(tag, ["Qué cambia"]), ("Preguntas frecuentes", ["Casos especiales"])]), PPTX, "Presentación %s.pptx" % tag),
        (word("Procedimiento actualizado %s" % tag, "Ruta de escalamiento"), DOCX, "Procedimiento %s.docx" % tag),
        (xlsx([["Lista de chequeo"], ["Soporte", "Sí"]]), XLSX, "Lista de chequeo %s.xlsx" % tag),
        (test_xlsx(qs), XLSX, "Test %s.xlsx" % tag)]

    # r47: "nuevas condiciones" of renewal: a change to a running process (4.1.1 b), not a new line.
    out["r47-credito-nuevas-condiciones"] = mail(
        "r47-credito-nuevas-condiciones", ("Óscar Iván Molina", "oimolina@icetex.gov.co"),
        "Capacitación nuevas condiciones de renovación 2026-2", "Mon, 1 Jun 2026 09:00:00 -0500",
        text=("Buenos días,\n\nSolicitamos capacitar al proveedor sobre las nuevas condiciones de renovación de créditos para 2026-2.\n\n"
              "Fecha de salida a producción: 1 de julio de 2026\nFecha de capacitación: 18 de junio de 2026\n\n"
              "Cordialmente,\n\n" + signature("Óscar Iván Molina", "Profesional", "Vicepresidencia de Crédito y Cobranza")),
        files=b_set("Renovación 2026-2", CREDITO_QS))

    # r48: the extension of an open convocatoria (4.1.1 b), 6 business days before the session.
    out["r48-fondos-prorroga-tarde"] = mail(
        "r48-fondos-prorroga-tarde", ("Jorge Ruiz", "jruiz@icetex.gov.co"),
        "Prórroga convocatoria Fondo de Víctimas 2026-2", "Mon, 1 Jun 2026 09:30:00 -0500",
        text=("Buenos días,\n\nLes informamos que se amplió el plazo de la convocatoria del Fondo de Víctimas hasta el 30 de junio; "
              "solicitamos socializar la prórroga al proveedor.\n\nFecha de salida a producción: no aplica\n"
              "Fecha de capacitación: 10 de junio de 2026\n\nAdjunto el material.\n\n"
              "Cordialmente,\n\n" + signature("Jorge Ruiz", "Profesional", "Vicepresidencia de Fondos en Administración")),
        files=b_set("Prórroga Fondo Víctimas", FONDO_QS[:5]) + [
            (pdf("Reglamento Operativo Fondo Victimas", "Reglamento Operativo del Fondo"), PDF, "Reglamento Operativo.pdf"),
            (word("Términos de la convocatoria (adenda de prórroga)"), DOCX, "Términos de la convocatoria adenda.docx")])

    # r49: another ICETEX area (4.1.1 a: "otras áreas de ICETEX") asks for a process update (b).
    out["r49-otra-area-actualizacion"] = mail(
        "r49-otra-area-actualizacion", ("Luisa Parra", "lparra@icetex.gov.co"),
        "Actualización procedimiento de PQRSD", "Mon, 1 Jun 2026 10:00:00 -0500",
        text=("Buenos días,\n\nSolicitamos capacitación al proveedor por la actualización del procedimiento de atención de PQRSD "
              "(nuevos tiempos de respuesta).\n\nFecha de capacitación: 17 de junio de 2026\nFecha de salida a producción: 1 de julio de 2026\n\n"
              "Cordialmente,\n\nLuisa Parra\nProfesional\nSecretaría General - Grupo de Atención al Ciudadano\nICETEX\n"),
        files=b_set("PQRSD", ["¿Qué es una PQRSD?", "¿Cuál es el nuevo plazo?", "¿Cómo se radica?", "¿Cómo se escala?", "¿Quién responde?"]))

    # s50: HTML-only, labels in bold inside paragraphs, the test as an Outlook numbered list
    # of items asked as instructions (no question marks).
    items = ["Mencione los requisitos de la convocatoria", "Indique qué cubre la beca", "Explique cómo se legaliza la beca",
             "Describa la ruta de escalamiento de un caso de visa", "Enumere los documentos exigidos en la postulación"]
    html = ("<html><body lang=ES-CO><div class=WordSection1><p class=MsoNormal>Buenos días,</p>"
            "<p class=MsoNormal>Solicitamos la capacitación de la nueva convocatoria de becas Australia.</p><p class=MsoNormal>&nbsp;</p>"
            "<p class=MsoNormal><b>Asunto del correo:</b> Becas Australia 2027</p>"
            "<p class=MsoNormal><b>Fecha de salida a producción:</b> 15 de octubre de 2026</p>"
            "<p class=MsoNormal><b>Material de apoyo:</b> adjunto</p><p class=MsoNormal><b>Test:</b></p><ol>"
            + "".join("<li class=MsoListParagraph>%s</li>" % esc(q) for q in items)
            + "</ol><p class=MsoNormal>Cordialmente,</p><p class=MsoNormal>Ana María Cifuentes<br>Profesional<br>"
            "Oficina de Relaciones Internacionales</p></div></body></html>")
    out["s50-becas-html-lista-imperativa"] = mail(
        "s50-becas-html-lista-imperativa", ("Ana María Cifuentes", "amcifuentes@icetex.gov.co"),
        "Capacitación convocatoria Becas Australia 2027", "Mon, 1 Jun 2026 09:00:00 -0500", html=html,
        files=becas_files("Australia"))

    # t51: Crédito update whose body says the test is attached, with no count and no test file:
    # the reply says "no encontramos el test adjunto", not the generic "Falta: Test" (issue 9, 4).
    out["t51-credito-test-anunciado-sin-archivo"] = mail(
        "t51-credito-test-anunciado-sin-archivo", ("Óscar Iván Molina", "oimolina@icetex.gov.co"),
        "Ajustes al proceso de legalización de créditos", "Mon, 1 Jun 2026 11:00:00 -0500",
        text=("Buenos días,\n\nHay cambios en el proceso de legalización de créditos; solicitamos socializarlos al proveedor.\n\n"
              "Fecha de salida a producción: No aplica\nFecha de capacitación: 9 de julio de 2026\n"
              "Adjuntamos la presentación, el procedimiento, la lista de chequeo y el test de conocimientos.\n\n"
              + signature("Óscar Iván Molina", "Profesional", "Vicepresidencia de Crédito y Cobranza")),
        files=[(pptx([("Legalización 2026-2", ["Qué cambia"])]), PPTX, "Presentación legalización.pptx"),
               (word("Procedimiento de legalización", "Ruta de escalamiento"), DOCX, "Procedimiento legalización.docx"),
               (xlsx([["Lista de chequeo"], ["Pagaré", "Sí"]]), XLSX, "Lista de chequeo legalización.xlsx")])

    # t52: Becas new convocatoria whose proposed training day is a Saturday: the deadlines and the
    # plan count from Friday 17 July, the business day before, and the observation says so.
    out["t52-becas-capacitacion-sabado"] = mail(
        "t52-becas-capacitacion-sabado", ("Ana María Cifuentes", "amcifuentes@icetex.gov.co"),
        "Capacitación convocatoria Becas Francia 2026", "Mon, 6 Apr 2026 09:00:00 -0500",
        text=("Cordial saludo,\n\nSolicitamos la capacitación para la convocatoria de becas Francia.\n\n"
              "ASUNTO DEL CORREO: Becas Francia 2026\nFECHA DE SALIDA A PRODUCCIÓN: 4 de agosto de 2026\n"
              "FECHA DE CAPACITACIÓN: sábado 18 de julio de 2026\nMATERIAL DE APOYO: adjunto, con el test\n\n"
              + signature("Ana María Cifuentes", "Profesional", "Oficina de Relaciones Internacionales")),
        files=becas_files("Francia") + [(test_docx("Test Francia", BECAS_QS), DOCX, "Test Francia.docx")])

    return out


def main():
    for name, message in mails().items():
        with open(os.path.join(HERE, name + ".eml"), "wb") as f:
            f.write(message.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))


if __name__ == "__main__":
    main()
