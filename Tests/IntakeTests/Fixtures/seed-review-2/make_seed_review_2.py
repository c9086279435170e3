#!/usr/bin/env python3
"""Seed review, round 2: 67 more request mails (and 3 follow-up threads) written the way ICETEX areas send them
(Outlook forwards and replies, HTML-only bodies, horizontal and vertical tables, material in
zip files and behind SharePoint/OneDrive links, names that do and don't follow the convention,
tests inline and attached, ambiguous dates, weekends and holidays, "semana del …"), different in
wording from round 1. Each was decided by hand from the seed M5-1-21 before the product read
it: expected.jsonl holds the fields and, in "why", the one-line reason from the seed.

Deterministic: `python3 Tests/IntakeTests/Fixtures/seed-review-2/make_seed_review_2.py`.
"""
import importlib.util
import json
import os
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("round1", os.path.join(HERE, "../seed-review/make_seed_review.py"))
r1 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(r1)
from make_samples import pptx, docx, xlsx, pdf, esc, zip_bytes, PPTX, DOCX, XLSX  # noqa: E402  (path set by round 1)

mail, word, signature, outlook_html, flate_pdf = r1.mail, r1.word, r1.signature, r1.outlook_html, r1.flate_pdf
test_docx, test_xlsx = r1.test_docx, r1.test_xlsx
PDF = "application/pdf"
ZIP = "application/x-zip-compressed"

FONDOS = "Vicepresidencia de Fondos en Administración"
CREDITO = "Vicepresidencia de Crédito y Cobranza"
ORI = "Oficina de Relaciones Internacionales"

QF = ["¿Qué población atiende el fondo?", "¿Qué soportes debe cargar el aspirante?", "¿Hasta qué fecha se reciben postulaciones?",
      "¿Qué hacer si el aspirante no aparece en el listado de la entidad aportante?", "¿Cuál es la ruta de escalamiento de un reclamo?",
      "¿Cuándo se publican los resultados?"]
QC = ["¿Cuál es el monto máximo financiable?", "¿Qué codeudor se exige?", "¿Qué documentos se cargan para legalizar?",
      "¿Cuándo se solicita la renovación?", "¿Qué pasa si el estudiante cambia de programa?", "¿Cómo se calcula la cuota?"]
QB = ["¿Qué países cubre la convocatoria?", "¿Cuál es el puntaje mínimo del examen de idioma?", "¿Qué gastos cubre la beca?",
      "¿Cuándo se firma el pagaré?", "¿A quién se escala una solicitud de aplazamiento?"]


def deck(title, *extra):
    return pptx([(title, ["Capacitación al proveedor de atención"]), ("Preguntas frecuentes", ["¿Qué pasa si se cae el aplicativo?"])] + list(extra))


def fondos_nuevo(tag, skip=(), condonable=False, f521=False):
    files = [(deck("Fondo %s" % tag), PPTX, "Presentación Fondo %s.pptx" % tag),
             (flate_pdf("Reglamento Operativo del Fondo %s" % tag, ["Capítulo I. Objeto del fondo", "Capítulo II. Beneficiarios"]), PDF, "Reglamento Operativo Fondo %s.pdf" % tag),
             (word("Términos de la convocatoria %s" % tag, "Requisitos y cronograma"), DOCX, "Términos convocatoria %s.docx" % tag),
             (xlsx([["Lista de chequeo"], ["Documento de identidad", "Sí"], ["Certificado de la entidad aportante", "Sí"]]), XLSX, "Lista de chequeo %s.xlsx" % tag),
             (word("Plantillas de respuesta", "Proforma: postulación incompleta"), DOCX, "Plantillas respuesta %s.docx" % tag),
             (test_xlsx(QF[:5]), XLSX, "Test %s.xlsx" % tag)]
    if condonable:
        files.append((word("Condiciones de condonación", "Graduación en los tiempos del programa"), DOCX, "Condiciones de condonación %s.docx" % tag))
    if f521:
        files.append((xlsx([["F521 Formato Revisión Documental"], ["Soporte", "Cumple"]]), XLSX, "F521 %s.xlsx" % tag))
    return [f for f in files if not any(s in f[2] for s in skip)]


def credito_nuevo(tag, skip=()):
    files = [(deck("Línea %s" % tag), PPTX, "Presentación línea %s.pptx" % tag),
             (word("Condiciones de aplicación y criterios de aprobación", "Puntaje mínimo"), DOCX, "Condiciones de aplicación %s.docx" % tag),
             (xlsx([["Calendario de la convocatoria"], ["Inscripciones", "Julio"]]), XLSX, "Calendario %s.xlsx" % tag),
             (word("Condiciones de legalización", "Pagaré y garantías"), DOCX, "Condiciones de legalización %s.docx" % tag),
             (word("Condiciones de renovación", "Renovación semestral"), DOCX, "Condiciones de renovación %s.docx" % tag),
             (word("Procedimiento de otorgamiento %s" % tag, "Ruta de escalamiento"), DOCX, "Procedimiento %s.docx" % tag),
             (word("Proformas de respuesta"), DOCX, "Plantillas %s.docx" % tag),
             (test_docx("Test línea %s" % tag, QC[:5]), DOCX, "Test %s.docx" % tag)]
    return [f for f in files if not any(s in f[2] for s in skip)]


def becas_nuevo(tag, skip=()):
    files = [(deck("Becas %s" % tag), PPTX, "Presentación Becas %s.pptx" % tag),
             (word("Condiciones de aplicación y criterios de aprobación"), DOCX, "Condiciones de aplicación %s.docx" % tag),
             (xlsx([["Calendario de la convocatoria"], ["Cierre", "Agosto"]]), XLSX, "Calendario %s.xlsx" % tag),
             (word("Procedimiento de atención Becas %s" % tag, "Ruta de escalamiento"), DOCX, "Procedimiento Becas %s.docx" % tag),
             (word("Plantillas de respuesta"), DOCX, "Plantillas Becas %s.docx" % tag),
             (test_docx("Test Becas %s" % tag, QB), DOCX, "Test Becas %s.docx" % tag)]
    return [f for f in files if not any(s in f[2] for s in skip)]


def proceso(tag, qs, skip=()):
    """The minimum of 4.1.1 b: presentation with FAQs, updated procedure, check list, test."""
    files = [(deck(tag), PPTX, "Presentación %s.pptx" % tag),
             (word("Procedimiento actualizado %s" % tag, "Pantallazos del aplicativo", "Ruta de escalamiento"), DOCX, "Procedimiento %s.docx" % tag),
             (xlsx([["Lista de chequeo"], ["Validación", "Sí"]]), XLSX, "Lista de chequeo %s.xlsx" % tag),
             (test_xlsx(qs), XLSX, "Test %s.xlsx" % tag)]
    return [f for f in files if not any(s in f[2] for s in skip)]


def fondos_b(tag):
    return [(flate_pdf("Reglamento Operativo del Fondo %s" % tag, ["Capítulo I"]), PDF, "Reglamento Operativo %s.pdf" % tag),
            (word("Términos de la convocatoria %s" % tag), DOCX, "Términos de la convocatoria %s.docx" % tag)]


def fwd_block(name, email, when, subject, to="Aseguramiento OCM <aseguramientoocm@icetex.gov.co>"):
    return ("\n\nDe: %s <%s>\nEnviado el: %s\nPara: %s\nAsunto: %s\n\n" % (name, email, when, to, subject))


def mails():
    out, exp = {}, []

    def add(name, message, **expected):
        out[name] = message
        exp.append(dict(file=name + ".eml", **expected))

    # v01: RV: of a Fondos convocatoria; the assistant forwards the coordinator's HTML table.
    html = outlook_html(
        ["Buen día compañeros de OCM, les reenvío la solicitud de la coordinadora para lo de su competencia.",
         "________________________________", "De: Paola Andrea Lozano Ríos <palozano@icetex.gov.co>",
         "Enviado: viernes, 13 de febrero de 2026 5:12 p. m.", "Para: Yolanda Beltrán <ybeltran@icetex.gov.co>",
         "Asunto: Capacitación Fondo Gobernación de Boyacá 2026-2",
         "Yolanda, por favor remitir a OCM. Nueva convocatoria del fondo en administración con la Gobernación de Boyacá:"],
        [("ASUNTO DEL CORREO", "Fondo Gobernación de Boyacá - convocatoria 2026-2"), ("FECHA DE SALIDA A PRODUCCIÓN", "1 de junio de 2026"),
         ("MATERIAL DE APOYO", "Presentación, reglamento, términos, lista de chequeo, plantillas"), ("TEST", "Adjunto, 5 preguntas")],
        signature("Yolanda Beltrán", "Secretaria", FONDOS))
    add("v01-rv-fondos-boyaca-completa", mail(
        "v01-rv-fondos-boyaca-completa", ("Yolanda Beltrán", "ybeltran@icetex.gov.co"), "RV: Capacitación Fondo Gobernación de Boyacá 2026-2",
        "Mon, 16 Feb 2026 08:05:00 -0500", html=html, files=fondos_nuevo("Boyacá")),
        now="2026-02-16T08:05:00-05:00", area="fondos", kind="nuevo", productionDate="2026-06-01", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 a Fondos convocatoria: reglamento, términos, lista, presentación, plantillas, test all attached; 105 calendar days ≥ 90")

    # v02: condonable fund whose provider validates documents; F521 attached, condonation conditions not.
    add("v02-fondos-condonable-sin-condiciones", mail(
        "v02-fondos-condonable-sin-condiciones", ("Paola Andrea Lozano Ríos", "palozano@icetex.gov.co"),
        "Solicitud espacio de formación - Fondo condonable Maestros Rurales", "Mon, 2 Mar 2026 10:20:00 -0500",
        text=("Buenos días,\n\nPara la nueva convocatoria del fondo condonable Maestros Rurales solicitamos el espacio de formación "
              "con el proveedor, que hará la validación de documentos de los aspirantes.\n\n"
              "Asunto del correo: Fondo Maestros Rurales 2026-2\nFecha de salida a producción: 22/06/2026\n"
              "Material de apoyo: adjuntos\nTest: adjunto\n\nMil gracias,\n\n" + signature("Paola Andrea Lozano Ríos", "Coordinadora", FONDOS)),
        files=fondos_nuevo("Maestros Rurales", f521=True)),
        now="2026-03-02T10:20:00-05:00", area="fondos", kind="nuevo", productionDate="2026-06-22", trainingDate=None, questions=5,
        missing=["condiciones_condonacion"], viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 a Fondos: 'cuando estos sean condonables se debe especificar … las condiciones'; F521 present for the document check")

    # v03: Crédito new line in plain text, labels without accents in lower case, dd-mm-yyyy; no templates.
    add("v03-credito-sin-plantillas", mail(
        "v03-credito-sin-plantillas", ("Hernán Darío Quintero", "hdquintero@icetex.gov.co"), "capacitacion linea Pa Que Estudies Tecnico",
        "Mon, 20 Apr 2026 07:48:00 -0500",
        text=("buenos dias\n\nasunto del correo: linea Pa Que Estudies Tecnico\nfecha salida a produccion: 03-08-2026\n"
              "material de apoyo: van adjuntos\ntest: adjunto\n\ngracias\nHernan Quintero\n" + CREDITO + "\n"),
        files=credito_nuevo("Pa Que Estudies", skip=("Plantillas",))),
        now="2026-04-20T07:48:00-05:00", area="credito", kind="nuevo", productionDate="2026-08-03", trainingDate=None, questions=5,
        missing=["plantillas"], viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 a Créditos lists 'Plantillas, proformas de respuesta'; 105 days ≥ 90")

    # v04: Crédito new line, everything in one zip with numbered names, the test outside it.
    inner = credito_nuevo("Alianza Regional", skip=("Test",))
    z = zip_bytes([("Capacitacion/%02d_%s" % (i + 1, f[2]), f[0]) for i, f in enumerate(inner)])
    add("v04-credito-zip-numerado", mail(
        "v04-credito-zip-numerado", ("Hernán Darío Quintero", "hdquintero@icetex.gov.co"), "Nueva línea Alianza Regional - solicitud capacitación",
        "Mon, 4 May 2026 09:00:00 -0500",
        html=outlook_html(["Cordial saludo,", "Remito la solicitud de la nueva línea Alianza Regional. Por el peso de los archivos, el material va comprimido; el test va aparte."],
                          [("ASUNTO DEL CORREO", "Línea Alianza Regional"), ("FECHA DE SALIDA A PRODUCCIÓN", "agosto 31 de 2026"),
                           ("MATERIAL DE APOYO", "Ver .zip"), ("TEST", "Word adjunto")], signature("Hernán Darío Quintero", "Profesional", CREDITO)),
        files=[(z, ZIP, "Material Alianza Regional.zip"), (test_docx("Test Alianza Regional", QC[:5]), DOCX, "Test Alianza Regional.docx")]),
        now="2026-05-04T09:00:00-05:00", area="credito", kind="nuevo", productionDate="2026-08-31", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 a Créditos: all eight items (zip read as attachments); 119 days ≥ 90")

    # v05: Becas convocatoria, HTML only, complete but 74 days before the opening.
    add("v05-becas-corea-tarde", mail(
        "v05-becas-corea-tarde", ("Natalia Sofía Ardila", "nsardila@icetex.gov.co"), "Convocatoria Becas Corea del Sur 2027 - capacitación",
        "Mon, 1 Jun 2026 14:30:00 -0500",
        html=outlook_html(["Buenas tardes,", "Nos permitimos solicitar la capacitación de la convocatoria de becas de Corea del Sur para el proveedor."],
                          [("ASUNTO DEL CORREO", "Becas Corea del Sur 2027"), ("FECHA DE SALIDA A PRODUCCIÓN", "14 de agosto de 2026"),
                           ("MATERIAL DE APOYO", "Adjunto"), ("TEST", "Adjunto")], signature("Natalia Sofía Ardila", "Profesional", ORI)),
        files=becas_nuevo("Corea")),
        now="2026-06-01T14:30:00-05:00", area="becas", kind="nuevo", productionDate="2026-08-14", trainingDate=None, questions=5,
        missing=[], viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 a: request 90 calendar days before; 1 Jun → 14 Aug is 74")

    # v06: Becas convocatoria with legalisation of the scholarship; no legalisation manual.
    add("v06-becas-sin-manual-legalizacion", mail(
        "v06-becas-sin-manual-legalizacion", ("Natalia Sofía Ardila", "nsardila@icetex.gov.co"), "Becas Japón MEXT 2027: solicitud de formación",
        "Mon, 9 Mar 2026 11:00:00 -0500",
        text=("Buenos días,\n\nSolicitamos la capacitación de la convocatoria Japón MEXT 2027. Este año cambia la legalización de la beca: "
              "el beneficiario debe firmar el pagaré en la plataforma antes del viaje.\n\n"
              "ASUNTO DEL CORREO: Becas Japón MEXT 2027\nFECHA DE SALIDA A PRODUCCIÓN: 1 de julio de 2026\nMATERIAL DE APOYO: adjunto\nTEST: adjunto\n\n"
              "Cordialmente,\n\n" + signature("Natalia Sofía Ardila", "Profesional", ORI)),
        files=becas_nuevo("Japón")),
        now="2026-03-09T11:00:00-05:00", area="becas", kind="nuevo", productionDate="2026-07-01", trainingDate=None, questions=5,
        missing=["manual_legalizacion"], viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 a Becas: 'Manual de legalización (en los casos que apliquen)': the mail says legalisation applies")

    # v07: Crédito focused reinforcement "la semana del 8 de junio" (Monday 8 June 2026 is Corpus Christi).
    add("v07-credito-refuerzo-semana-del", mail(
        "v07-credito-refuerzo-semana-del", ("Liliana Marcela Torres", "lmtorres@icetex.gov.co"), "Refuerzo a asesores: reestructuración de créditos en mora",
        "Mon, 11 May 2026 10:00:00 -0500",
        text=("Hola equipo,\n\nCalidad Operativa nos reporta errores de los asesores al explicar la reestructuración de créditos en mora. "
              "Solicitamos un refuerzo focalizado con el proveedor; nos serviría la semana del 8 de junio.\n\n"
              "Fecha de salida a producción: no aplica, es un proceso vigente.\nAdjunto presentación, procedimiento, lista de chequeo y test.\n\n"
              "Gracias,\n\n" + signature("Liliana Marcela Torres", "Profesional", CREDITO)),
        files=proceso("Reestructuración", QC[:5])),
        now="2026-05-11T10:00:00-05:00", area="credito", kind="refuerzo", productionDate=None, trainingDate="2026-06-09", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 b: a week, not a day: its first business day (Tue 9 Jun; 8 Jun is a holiday) carries the 10-business-day rule (19 ≥ 10)")

    # v08: Fondos process update whose material sits on SharePoint; only the test is attached.
    add("v08a-fondos-sharepoint", mail(
        "v08a-fondos-sharepoint", ("Camilo Ernesto Salgado", "cesalgado@icetex.gov.co"), "Modificación reglamento Fondo Ser Pilo Región – capacitación",
        "Tue, 16 Jun 2026 09:40:00 -0500",
        text=("Buenos días,\n\nSe modificó el reglamento operativo del Fondo Ser Pilo Región (cambian los soportes de renovación). "
              "Solicitamos socializar el cambio con el proveedor.\n\nFecha de capacitación: miércoles 8 de julio de 2026\n"
              "Fecha de salida a producción: no aplica\n\nEl material (presentación, procedimiento, reglamento, términos y lista de chequeo) "
              "está en la carpeta compartida:\nhttps://icetex.sharepoint.com/:f:/s/VFA-Fondos/EjX2kq0Lr8xAm3Qw?e=Ab12Cd\n"
              "El test va adjunto.\n\nSaludos,\n\n" + signature("Camilo Ernesto Salgado", "Profesional", FONDOS)),
        files=[(test_xlsx(QF[:5]), XLSX, "Test Ser Pilo Región.xlsx")]),
        now="2026-06-16T09:40:00-05:00", area="fondos", kind="actualizacion", productionDate=None, trainingDate="2026-07-08", questions=5,
        missing=["lista_chequeo", "presentacion", "procedimiento", "reglamento", "terminos"], viable=False, reply="observaciones", skipReason=None,
        observationsContain="linked_material",
        why="4.1.1 b: the material must be delivered to OCM; a link cannot be reviewed from the mail → observation asking to attach it")
    add("v08b-fondos-adjunta-material", mail(
        "v08b-fondos-adjunta-material", ("Camilo Ernesto Salgado", "cesalgado@icetex.gov.co"),
        "RE: [OCM-2026-0107] Observaciones a su solicitud: Modificación reglamento Fondo Ser Pilo Región – capacitación", "Fri, 19 Jun 2026 16:10:00 -0500",
        text=("Buenas tardes, adjunto los archivos que estaban en SharePoint.\n\nCamilo\n"
              + fwd_block("Aseguramiento OCM", "aseguramientoocm@icetex.gov.co", "martes, 16 de junio de 2026 11:02 a. m.",
                          "[OCM-2026-0107] Observaciones a su solicitud", to="Camilo Ernesto Salgado <cesalgado@icetex.gov.co>")
              + "El material compartido por enlace no se puede revisar desde el correo; por favor adjúntelo.\n"),
        in_reply_to="<v08a-fondos-sharepoint@icetex.gov.co>",
        files=proceso("Ser Pilo Región", QF[:5], skip=("Test",)) + fondos_b("Ser Pilo Región")), skip=True)
    exp.append(dict(file="v08-hilo-sharepoint-completado", thread=["v08a-fondos-sharepoint.eml", "v08b-fondos-adjunta-material.eml"],
                    now="2026-06-19T16:10:00-05:00", area="fondos", kind="actualizacion", trainingDate="2026-07-08", questions=5, missing=[],
                    viable=True, reply="aprobacion",
                    why="5.2.4 → 5.2.3: the answer attaches the files; material 12 business days before 8 Jul (≥ 10)"))

    # v09: Crédito new line, the presentation only as a OneDrive link, the rest attached.
    add("v09-credito-presentacion-onedrive", mail(
        "v09-credito-presentacion-onedrive", ("Liliana Marcela Torres", "lmtorres@icetex.gov.co"), "Solicitud capacitación - Línea Posgrado Exterior 2026",
        "Mon, 2 Mar 2026 15:15:00 -0500",
        html=outlook_html(["Buenas tardes,", "Adjunto el material de la nueva línea. La presentación pesa mucho; la pueden descargar de OneDrive:",
                           "https://icetexgov-my.sharepoint.com/:p:/g/personal/lmtorres_icetex_gov_co/EQm1nZ?e=xY7"],
                          [("ASUNTO DEL CORREO", "Línea Posgrado Exterior 2026"), ("FECHA DE SALIDA A PRODUCCIÓN", "16 de junio de 2026"),
                           ("MATERIAL DE APOYO", "Adjunto y enlace"), ("TEST", "Adjunto")], signature("Liliana Marcela Torres", "Profesional", CREDITO)),
        files=credito_nuevo("Posgrado Exterior", skip=("Presentación",))),
        now="2026-03-02T15:15:00-05:00", area="credito", kind="nuevo", productionDate="2026-06-16", trainingDate=None, questions=5,
        missing=["presentacion"], viable=False, reply="observaciones", skipReason=None, observationsContain="linked_material",
        why="4.1.1 a Créditos: 'Presentación de la capacitación en formato Power Point' must be delivered; a OneDrive link is not the file")

    # v10: OCM-originated training (4.1.1 c) on a contingency process, 22 calendar days ahead.
    add("v10-ocm-contingencia", mail(
        "v10-ocm-contingencia", ("Diana Patricia Mora", "dpmora@icetex.gov.co"), "Capacitación protocolo de contingencia por caída del portal",
        "Mon, 1 Jun 2026 08:15:00 -0500",
        text=("Buenos días,\n\nDesde la Oficina Comercial y de Mercadeo vemos necesario socializar con el proveedor el protocolo de contingencia "
              "cuando el portal transaccional no está disponible.\n\nFecha de capacitación: martes 23 de junio de 2026\n"
              "Adjunto presentación y test.\n\nDiana Patricia Mora\nGestión del Conocimiento\nOficina Comercial y de Mercadeo\nICETEX\n"),
        files=[(deck("Protocolo de contingencia"), PPTX, "Presentación contingencia portal.pptx"), (test_xlsx(QC[:5]), XLSX, "Test contingencia.xlsx")]),
        now="2026-06-01T08:15:00-05:00", area="ocm", kind="ocm", productionDate=None, trainingDate="2026-06-23", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 c: OCM's own request, 15 calendar days before (22 ≥ 15)")

    # v11: OCM-originated, 8 calendar days before "el próximo jueves 9 de julio".
    add("v11-ocm-herramienta-tarde", mail(
        "v11-ocm-herramienta-tarde", ("Diana Patricia Mora", "dpmora@icetex.gov.co"), "Formación nueva versión de la herramienta de turnos",
        "Wed, 1 Jul 2026 09:30:00 -0500",
        text=("Buenos días,\n\nLa OCM requiere capacitar al proveedor en la nueva versión de la herramienta de gestión de turnos. "
              "Proponemos hacerla el próximo jueves 9 de julio.\n\nAdjunto presentación y test.\n\n"
              "Diana Patricia Mora\nGestión del Conocimiento\nOficina Comercial y de Mercadeo\n"),
        files=[(deck("Herramienta de turnos v2"), PPTX, "Presentación herramienta turnos.pptx"), (test_docx("Test herramienta", QC[:5]), DOCX, "Test herramienta.docx")]),
        now="2026-07-01T09:30:00-05:00", area="ocm", kind="ocm", productionDate=None, trainingDate="2026-07-09", questions=5,
        missing=[], viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 c: 15 calendar days asked; 1 Jul → 9 Jul is 8")

    # v12: a project with its context labelled (4.2.1 'Desarrollo un proyecto').
    add("v12-proyecto-crm", mail(
        "v12-proyecto-crm", ("Andrés Felipe Cuervo", "afcuervo@icetex.gov.co"), "Proyecto Nuevo CRM de atención – necesidad de formación",
        "Mon, 1 Jun 2026 10:00:00 -0500",
        html=outlook_html(["Buenos días,", "Desde la gerencia del proyecto Nuevo CRM compartimos la necesidad de formación."],
                          [("ASUNTO DEL CORREO", "Proyecto Nuevo CRM de atención"),
                           ("CONTEXTO DEL PROYECTO", "Se reemplaza la herramienta de radicación de PQRSD; los asesores del proveedor registrarán los casos en Dynamics con un nuevo árbol de tipificación."),
                           ("FECHA DE SALIDA A PRODUCCIÓN", "1/09/2026"), ("MATERIAL DE APOYO", "Presentación adjunta"), ("TEST", "Adjunto")],
                          signature("Andrés Felipe Cuervo", "Gerente de proyecto", "Oficina de Tecnología")),
        files=[(deck("Nuevo CRM"), PPTX, "Presentación Nuevo CRM.pptx"), (test_xlsx(QC[:5]), XLSX, "Test CRM.xlsx")]),
        now="2026-06-01T10:00:00-05:00", area="proyecto", kind="proyecto", productionDate="2026-09-01", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.2.1 project: name, context, production date, material, test all given; 4.1.1 d has no lead time")

    # v13: a project whose test has 4 questions.
    add("v13-proyecto-test-corto", mail(
        "v13-proyecto-test-corto", ("Andrés Felipe Cuervo", "afcuervo@icetex.gov.co"), "Gerencia proyecto Firma Electrónica: capacitación al proveedor",
        "Mon, 4 May 2026 11:00:00 -0500",
        text=("Buenos días,\n\nNOMBRE DEL PROYECTO: Firma electrónica de pagarés\n"
              "CONTEXTO DEL PROYECTO: los beneficiarios firmarán el pagaré en línea; el proveedor atenderá las dudas de firma y los rechazos.\n"
              "FECHA DE SALIDA A PRODUCCIÓN: 18 de agosto de 2026\nMATERIAL DE APOYO: presentación\nTEST: adjunto\n\n"
              "Andrés Felipe Cuervo\nGerencia del proyecto Firma Electrónica\n"),
        files=[(deck("Firma electrónica"), PPTX, "Presentación firma electrónica.pptx"), (test_docx("Test firma electrónica", QC[:4]), DOCX, "Test firma.docx")]),
        now="2026-05-04T11:00:00-05:00", area="proyecto", kind="proyecto", productionDate="2026-08-18", trainingDate=None, questions=4,
        missing=["test_insuficiente"], viable=False, reply="observaciones", skipReason=None,
        why="4.2.1: test with a minimum of 5 questions per topic; 4 given")

    # v14: additional session after a training (4.1.1 c, Nota), three days later.
    add("v14-becas-sesion-adicional", mail(
        "v14-becas-sesion-adicional", ("Natalia Sofía Ardila", "nsardila@icetex.gov.co"), "Espacio adicional de formación - Becas Corea (casos no contemplados)",
        "Tue, 2 Jun 2026 16:00:00 -0500",
        text=("Buenas tardes,\n\nDespués de la sesión del jueves, el proveedor nos reportó situaciones no contempladas (aspirantes con doble nacionalidad). "
              "Solicitamos una capacitación adicional el viernes 5 de junio de 2026.\n\nAdjunto el test de la sesión.\n\n"
              + signature("Natalia Sofía Ardila", "Profesional", ORI)),
        files=[(test_docx("Test casos especiales Corea", QB), DOCX, "Test casos especiales.docx")]),
        now="2026-06-02T16:00:00-05:00", area="becas", kind="adicional", productionDate=None, trainingDate="2026-06-05", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 c Nota: the additional training is organised within five days; the test of 4.2.1 is attached")

    # v15: an intranet newsletter with List-Id: no reply (a mailing list).
    add("v15-boletin-lista", mail(
        "v15-boletin-lista", ("Comunicaciones ICETEX", "comunicaciones@icetex.gov.co"), "ICETEX al día: nueva convocatoria de becas y capacitaciones",
        "Tue, 2 Jun 2026 07:00:00 -0500",
        html="<html><body><h1>ICETEX al día</h1><p>Abrimos la nueva convocatoria de becas. Fecha de apertura: 15 de julio de 2026.</p></body></html>",
        headers={"List-Id": "ICETEX al dia <aldia.icetex.gov.co>", "Precedence": "list"}),
        now="2026-06-02T07:00:00-05:00", reply="ninguna", skipReason="mailing_list",
        why="RFC 3834 / design: no reply to mailing lists")

    # v16: a confirmation of attendance on a thread (no tag): nothing to judge.
    add("v16-confirmacion-asistencia", mail(
        "v16-confirmacion-asistencia", ("Yolanda Beltrán", "ybeltran@icetex.gov.co"), "RE: Citación capacitación Fondo Gobernación de Boyacá",
        "Wed, 3 Jun 2026 09:00:00 -0500",
        text=("Buenos días, confirmamos la asistencia de Paola Lozano y Yolanda Beltrán a la sesión del jueves. Gracias.\n\nYolanda\n"
              + fwd_block("Formación OCM", "formacionocm@icetex.gov.co", "martes, 2 de junio de 2026 3:00 p. m.", "Citación capacitación Fondo Gobernación de Boyacá",
                          to="Yolanda Beltrán <ybeltran@icetex.gov.co>")
              + "Los citamos a la capacitación del jueves 4 de junio a las 9:00 a. m.\n")),
        now="2026-06-03T09:00:00-05:00", reply="ninguna", skipReason="not_a_request",
        why="5.2.5 logistics answer, not a request of 5.2.2")

    # v17: Crédito update with the test written in the body (numbered, with options), ISO dates.
    body_test = "".join("%d. %s\n   a) Sí  b) No  c) Depende\n" % (i + 1, q) for i, q in enumerate(QC[:5]))
    add("v17-credito-test-en-cuerpo-iso", mail(
        "v17-credito-test-en-cuerpo-iso", ("Liliana Marcela Torres", "lmtorres@icetex.gov.co"), "Actualización procedimiento de giros a IES",
        "Tue, 16 Jun 2026 10:00:00 -0500",
        text=("Buenos días,\n\nActualizamos el procedimiento de giros a las IES (nuevas fechas de corte). Solicitamos la sesión con el proveedor.\n\n"
              "Fecha de la sesión: 2026-07-15\nFecha de salida a producción: 2026-07-21\n\nTest:\n" + body_test +
              "\nAdjunto presentación, procedimiento y lista de chequeo.\n\n" + signature("Liliana Marcela Torres", "Profesional", CREDITO)),
        files=proceso("Giros IES", QC[:5], skip=("Test",))),
        now="2026-06-16T10:00:00-05:00", area="credito", kind="actualizacion", productionDate="2026-07-21", trainingDate="2026-07-15", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 b: presentation, procedure, check list and a 5-question test (in the body); 19 business days ≥ 10")

    # v18: Fondos focused reinforcement, the provider checks documents: no F521.
    add("v18-fondos-refuerzo-sin-f521", mail(
        "v18-fondos-refuerzo-sin-f521", ("Camilo Ernesto Salgado", "cesalgado@icetex.gov.co"), "Reforzar revisión documental Fondo Comunidades Indígenas",
        "Wed, 1 Jul 2026 08:30:00 -0500",
        text=("Buenos días,\n\nEn la auditoría encontramos errores del proveedor en la revisión documental de las postulaciones del Fondo de "
              "Comunidades Indígenas. Solicitamos un refuerzo el miércoles 22 de julio.\n\nAdjunto presentación, procedimiento, lista de chequeo, "
              "reglamento, términos y test.\n\n" + signature("Camilo Ernesto Salgado", "Profesional", FONDOS)),
        files=proceso("Indígenas", QF[:5]) + fondos_b("Indígenas")),
        now="2026-07-01T08:30:00-05:00", area="fondos", kind="refuerzo", productionDate=None, trainingDate="2026-07-22", questions=5,
        missing=["f521"], viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 b Nota: for Fondos the F521 'Formato de revisión documental' is delivered; the provider checks documents")

    # v19: Becas calendar change, 6 business days before the session.
    add("v19-becas-cronograma-tarde", mail(
        "v19-becas-cronograma-tarde", ("Natalia Sofía Ardila", "nsardila@icetex.gov.co"), "Ajuste del cronograma convocatoria Becas Alemania",
        "Wed, 3 Jun 2026 11:45:00 -0500",
        text=("Buenos días,\n\nSe ajustó el cronograma de la convocatoria de becas Alemania (cierre ampliado). Necesitamos informarlo al proveedor "
              "el viernes 12 de junio.\n\nVa el material completo.\n\n" + signature("Natalia Sofía Ardila", "Profesional", ORI)),
        files=proceso("Alemania", QB)),
        now="2026-06-03T11:45:00-05:00", area="becas", kind="actualizacion", productionDate=None, trainingDate="2026-06-12", questions=5,
        missing=[], viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 b: 10 business days; 4 Jun → 12 Jun is 6 (8 Jun holiday)")

    # v20: Crédito new line whose proposed training day is a holiday (Monday 17 August 2026).
    add("v20-credito-capacitacion-festivo", mail(
        "v20-credito-capacitacion-festivo", ("Hernán Darío Quintero", "hdquintero@icetex.gov.co"), "Capacitación línea Talento Digital",
        "Mon, 6 Apr 2026 08:00:00 -0500",
        text=("Buenos días,\n\nASUNTO DEL CORREO: Línea Talento Digital\nFECHA DE SALIDA A PRODUCCIÓN: 1 de septiembre de 2026\n"
              "FECHA DE CAPACITACIÓN: lunes 17 de agosto de 2026\nMATERIAL DE APOYO: adjunto\nTEST: adjunto\n\n" + signature("Hernán Darío Quintero", "Profesional", CREDITO)),
        files=credito_nuevo("Talento Digital")),
        now="2026-04-06T08:00:00-05:00", area="credito", kind="nuevo", productionDate="2026-09-01", trainingDate="2026-08-17", questions=5,
        missing=["fecha_capacitacion"], viable=False, reply="observaciones", skipReason=None,
        why="17 Aug 2026 is the Asunción holiday: no training (ANS business days); the area is asked for another day")

    # v21: 01/06/2026 is 1 June (day first, as in Colombia).
    add("v21-fondos-fecha-dia-mes", mail(
        "v21-fondos-fecha-dia-mes", ("Paola Andrea Lozano Ríos", "palozano@icetex.gov.co"), "Capacitación Fondo Alcaldía de Pasto",
        "Mon, 23 Feb 2026 09:10:00 -0500",
        text=("Buenos días,\n\nNueva convocatoria del Fondo Alcaldía de Pasto.\n\nFECHA DE SALIDA A PRODUCCIÓN: 01/06/2026\n"
              "MATERIAL DE APOYO: adjuntos\nTEST: adjunto\n\n" + signature("Paola Andrea Lozano Ríos", "Coordinadora", FONDOS)),
        files=fondos_nuevo("Pasto")),
        now="2026-02-23T09:10:00-05:00", area="fondos", kind="nuevo", productionDate="2026-06-01", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="Colombian dd/mm/yyyy: 1 June; 98 days ≥ 90; Fondos list complete")

    # v22: Becas with 6/7/2026 (6 July), calendar and application conditions missing.
    add("v22a-becas-faltan-dos", mail(
        "v22a-becas-faltan-dos", ("Natalia Sofía Ardila", "nsardila@icetex.gov.co"), "Becas Reino Unido Chevening 2027",
        "Mon, 30 Mar 2026 10:00:00 -0500",
        text=("Buen día,\n\nSolicitamos la capacitación de la convocatoria Chevening.\nFecha de salida a producción: 6/7/2026\n"
              "Adjunto lo que tenemos por ahora.\n\n" + signature("Natalia Sofía Ardila", "Profesional", ORI)),
        files=becas_nuevo("Chevening", skip=("Calendario", "Condiciones"))),
        now="2026-03-30T10:00:00-05:00", area="becas", kind="nuevo", productionDate="2026-07-06", trainingDate=None, questions=5,
        missing=["calendario", "condiciones_aplicacion"], viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 a Becas: 'Condiciones para aplicación…' and 'Calendario de la convocatoria' missing; 6/7 is 6 July")
    add("v22b-becas-completa-faltantes", mail(
        "v22b-becas-completa-faltantes", ("Natalia Sofía Ardila", "nsardila@icetex.gov.co"),
        "RE: [OCM-2026-0061] Observaciones a su solicitud: Becas Reino Unido Chevening 2027", "Mon, 6 Apr 2026 09:00:00 -0500",
        text=("Buenos días, envío el calendario y las condiciones de aplicación.\n\nNatalia\n"),
        in_reply_to="<v22a-becas-faltan-dos@icetex.gov.co>",
        files=[f for f in becas_nuevo("Chevening") if "Calendario" in f[2] or "Condiciones" in f[2]]), skip=True)
    exp.append(dict(file="v22-hilo-becas-completado", thread=["v22a-becas-faltan-dos.eml", "v22b-becas-completa-faltantes.eml"],
                    now="2026-04-06T09:00:00-05:00", area="becas", kind="nuevo", productionDate="2026-07-06", questions=5, missing=[],
                    viable=True, reply="aprobacion", why="5.2.4 → 5.2.3: the two items arrive 91 days before the opening (15-day material rule met)"))

    # v23: Crédito new line with only the presentation (its test inside); six items missing.
    slides = [("Línea Jóvenes Investigadores", ["Qué es"]), ("Beneficios", ["Tasa preferencial"]), ("Preguntas frecuentes", ["Contingencias"])]
    slides += [("Pregunta %d" % (i + 1), [q, "a) Sí", "b) No"]) for i, q in enumerate(QC[:5])]
    add("v23-credito-solo-presentacion", mail(
        "v23-credito-solo-presentacion", ("Hernán Darío Quintero", "hdquintero@icetex.gov.co"), "Línea Jóvenes Investigadores",
        "Mon, 4 May 2026 15:00:00 -0500",
        text=("Buenas tardes,\n\nSolicitamos capacitación de la nueva línea Jóvenes Investigadores, que sale el 10 de agosto de 2026. "
              "Adjunto la presentación; al final están las preguntas del test.\n\n" + signature("Hernán Darío Quintero", "Profesional", CREDITO)),
        files=[(pptx(slides), PPTX, "Jóvenes Investigadores.pptx")]),
        now="2026-05-04T15:00:00-05:00", area="credito", kind="nuevo", productionDate="2026-08-10", trainingDate=None, questions=5,
        missing=["calendario", "condiciones_aplicacion", "condiciones_legalizacion", "condiciones_renovacion", "plantillas", "procedimiento"],
        viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 a Créditos: six items of the list are neither attached nor in the deck")

    # v24: Nota 2 in other words: the opening depends on the contributing governorship.
    add("v24-fondos-nota2-aportante", mail(
        "v24-fondos-nota2-aportante", ("Paola Andrea Lozano Ríos", "palozano@icetex.gov.co"), "Capacitación Fondo Gobernación del Meta 2026-2",
        "Mon, 2 Mar 2026 14:00:00 -0500",
        text=("Buenas tardes,\n\nSolicitamos capacitación de la convocatoria del Fondo Gobernación del Meta. Les advertimos que la fecha de apertura "
              "la define la Gobernación del Meta, entidad aportante del fondo, y puede moverse.\n\n"
              "FECHA DE SALIDA A PRODUCCIÓN: 5 de junio de 2026\nMATERIAL DE APOYO: adjunto\nTEST: adjunto\n\n"
              + signature("Paola Andrea Lozano Ríos", "Coordinadora", FONDOS)),
        files=fondos_nuevo("Meta")),
        now="2026-03-02T14:00:00-05:00", area="fondos", kind="nuevo", productionDate="2026-06-05", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None, materialDays=5,
        why="4.1.1 a Nota 2: the opening is decided by a third party (the contributor): material 5 calendar days before")

    # v25: the request travels as an attached message (message/rfc822) from the VP's office.
    inner_msg = mail("v25-inner", ("Paola Andrea Lozano Ríos", "palozano@icetex.gov.co"), "Capacitación Fondo Sostenibilidad Rural 2026-2",
                     "Fri, 13 Mar 2026 17:00:00 -0500",
                     text=("ASUNTO DEL CORREO: Fondo Sostenibilidad Rural - convocatoria 2026-2\nFECHA DE SALIDA A PRODUCCIÓN: 30 de junio de 2026\n"
                           "MATERIAL DE APOYO: adjunto\nTEST: adjunto\n\n" + signature("Paola Andrea Lozano Ríos", "Coordinadora", FONDOS)),
                     files=fondos_nuevo("Sostenibilidad Rural"))
    outer = MIMEMultipart("mixed", boundary="----=_NextPart_000_V25")
    outer["From"] = "Despacho Vicepresidencia de Fondos <despachovfa@icetex.gov.co>"
    outer["To"] = r1.OCM
    outer["Subject"] = "RV: Capacitación Fondo Sostenibilidad Rural 2026-2"
    outer["Date"] = "Mon, 16 Mar 2026 08:30:00 -0500"
    outer["Message-ID"] = "<v25-rv-adjunto-fondos@icetex.gov.co>"
    outer.attach(MIMEText("Buenos días, remitimos la solicitud adjunta para su trámite.\n\nDespacho " + FONDOS + "\n", "plain", "utf-8"))
    outer.attach(MIMEMessage(inner_msg))
    add("v25-rv-adjunto-fondos", outer,
        now="2026-03-16T08:30:00-05:00", area="fondos", kind="nuevo", productionDate="2026-06-30", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="design: a request forwarded as message/rfc822 is unwrapped; 106 days ≥ 90; Fondos list complete")

    # v26: Crédito renewal update with .ppt and .doc (Office 97) names, check list as "Checklist".
    add("v26-credito-renovacion-formatos-viejos", mail(
        "v26-credito-renovacion-formatos-viejos", ("Liliana Marcela Torres", "lmtorres@icetex.gov.co"), "Cambios en el proceso de renovación 2026-2",
        "Wed, 1 Jul 2026 10:00:00 -0500",
        text=("Buenos días,\n\nSolicitamos socializar con el proveedor los cambios en el proceso de renovación del semestre 2026-2.\n\n"
              "Fecha de capacitación: 28 de julio de 2026\nFecha de salida a producción: 3 de agosto de 2026\n\n"
              + signature("Liliana Marcela Torres", "Profesional", CREDITO)),
        files=[(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "application/vnd.ms-powerpoint", "Presentacion renovacion 2026-2.ppt"),
               (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "application/msword", "Procedimiento renovacion.doc"),
               (xlsx([["Checklist renovación"], ["Certificado de notas", "Sí"]]), XLSX, "Checklist renovacion.xlsx"),
               (test_docx("Test renovación", QC[:5]), DOCX, "Test renovacion.docx")]),
        now="2026-07-01T10:00:00-05:00", area="credito", kind="actualizacion", productionDate="2026-08-03", trainingDate="2026-07-28", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 b: the four items (by name and format); 17 business days ≥ 10")

    # v27: Becas reinforcement, HTML only, names that don't follow the convention (read by content).
    html = ("<html><body><div class=WordSection1><p class=MsoNormal>Hola equipo OCM,</p>"
            "<p class=MsoNormal>Les pedimos un refuerzo al proveedor sobre el trámite de aplazamiento de becas, porque siguen llegando quejas.</p>"
            "<p class=MsoNormal>La sesión sería el martes 25 de agosto de 2026.</p><p class=MsoNormal>Mil gracias,</p>"
            "<p class=MsoNormal>Natalia Sofía Ardila<br>Profesional<br>" + ORI + "</p></div></body></html>")
    add("v27-becas-refuerzo-nombres-libres", mail(
        "v27-becas-refuerzo-nombres-libres", ("Natalia Sofía Ardila", "nsardila@icetex.gov.co"), "Refuerzo aplazamientos becas", "Mon, 3 Aug 2026 09:00:00 -0500",
        html=html,
        files=[(deck("Aplazamiento de becas"), PPTX, "ORI_final_v3.pptx"),
               (word("Procedimiento de aplazamiento de becas", "Ruta de escalamiento: ORI nivel 2"), DOCX, "Documento1.docx"),
               (xlsx([["Lista de chequeo"], ["Carta de la universidad", "Sí"]]), XLSX, "Libro1.xlsx"),
               (test_docx("Test de conocimiento aplazamientos", QB), DOCX, "Preguntas sesión.docx")]),
        now="2026-08-03T09:00:00-05:00", area="becas", kind="refuerzo", productionDate=None, trainingDate="2026-08-25", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 b: the four items, recognised by content; 14 business days ≥ 10")

    # v28: Fondos convocatoria whose test PDF has four questions.
    qpdf = flate_pdf("Test de conocimiento Fondo Huila", ["%d. %s" % (i + 1, q) for i, q in enumerate(QF[:4])])
    add("v28-fondos-test-pdf-corto", mail(
        "v28-fondos-test-pdf-corto", ("Paola Andrea Lozano Ríos", "palozano@icetex.gov.co"), "Capacitación Fondo Huila Educa 2026-2",
        "Mon, 2 Mar 2026 16:30:00 -0500",
        text=("Buenas tardes,\n\nASUNTO: Fondo Huila Educa 2026-2\nFECHA DE SALIDA A PRODUCCIÓN: 16 de junio de 2026\nMATERIAL: adjunto\n"
              "TEST: en PDF\n\n" + signature("Paola Andrea Lozano Ríos", "Coordinadora", FONDOS)),
        files=fondos_nuevo("Huila", skip=("Test",)) + [(qpdf, PDF, "Test Fondo Huila.pdf")]),
        now="2026-03-02T16:30:00-05:00", area="fondos", kind="nuevo", productionDate="2026-06-16", trainingDate=None, questions=4,
        missing=["test_insuficiente"], viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 a Fondos: 'Test mínimo de 5 preguntas por tema'; 4 given")

    # v29: two topics, ten questions (five each), a Thursday session.
    add("v29-credito-dos-temas", mail(
        "v29-credito-dos-temas", ("Liliana Marcela Torres", "lmtorres@icetex.gov.co"), "Actualización renovación y legalización 2026-2",
        "Mon, 22 Jun 2026 09:00:00 -0500",
        text=("Buenos días,\n\nSolicitamos capacitación por la actualización de dos procesos.\n\nTEMAS:\n1. Renovación de créditos\n2. Legalización de créditos\n"
              "FECHA DE CAPACITACIÓN: jueves 16 de julio de 2026\nTEST: 10 preguntas, 5 por tema (adjunto)\n\n"
              + signature("Liliana Marcela Torres", "Profesional", CREDITO)),
        files=proceso("Renovación y legalización", (QC + QB)[:10])),
        now="2026-06-22T09:00:00-05:00", area="credito", kind="actualizacion", productionDate=None, trainingDate="2026-07-16", questions=10,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.2.1: 5 questions per topic × 2 topics = 10; 4.1.1 b material 16 business days ≥ 10")

    # v30: production date only as a semester: no date.
    add("v30-credito-segundo-semestre", mail(
        "v30-credito-segundo-semestre", ("Hernán Darío Quintero", "hdquintero@icetex.gov.co"), "Solicitud capacitación línea Mujeres STEM",
        "Mon, 2 Mar 2026 08:00:00 -0500",
        text=("Buenos días,\n\nASUNTO DEL CORREO: Línea Mujeres STEM\nFECHA DE SALIDA A PRODUCCIÓN: segundo semestre de 2026 (por confirmar)\n"
              "MATERIAL DE APOYO: adjunto\nTEST: adjunto\n\n" + signature("Hernán Darío Quintero", "Profesional", CREDITO)),
        files=credito_nuevo("Mujeres STEM")),
        now="2026-03-02T08:00:00-05:00", area="credito", kind="nuevo", productionDate=None, trainingDate=None, questions=5,
        missing=["fecha_produccion"], viable=False, reply="observaciones", skipReason=None,
        why="4.2.1: 'FECHA DE SALIDA A PRODUCCIÓN' is the opening date; a semester is not a date, lead times cannot be checked")

    # v31: the opening date only in prose ("la convocatoria abre el 15 de julio").
    add("v31-fondos-apertura-en-prosa", mail(
        "v31-fondos-apertura-en-prosa", ("Camilo Ernesto Salgado", "cesalgado@icetex.gov.co"), "Fondo Antioquia Bilingüe: capacitación",
        "Wed, 1 Apr 2026 10:30:00 -0500",
        text=("Buenos días,\n\nLes cuento que la convocatoria del Fondo Antioquia Bilingüe abre el 15 de julio de 2026 y necesitamos "
              "capacitar al proveedor antes. Adjunto todo el material y el test.\n\n" + signature("Camilo Ernesto Salgado", "Profesional", FONDOS)),
        files=fondos_nuevo("Antioquia Bilingüe")),
        now="2026-04-01T10:30:00-05:00", area="fondos", kind="nuevo", productionDate="2026-07-15", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.2.1: the opening date is the production date, even in prose; 105 days ≥ 90")

    # v32: Sunday-night mail, reinforcement on Friday 26 June: 9 business days.
    add("v32-credito-domingo-nueve-habiles", mail(
        "v32-credito-domingo-nueve-habiles", ("Liliana Marcela Torres", "lmtorres@icetex.gov.co"), "Refuerzo cobro prejurídico",
        "Sun, 14 Jun 2026 21:10:00 -0500",
        text=("Buenas noches,\n\nSolicitamos un refuerzo al proveedor sobre el cobro prejurídico. Fecha de capacitación: viernes 26 de junio de 2026.\n"
              "Adjunto el material completo.\n\n" + signature("Liliana Marcela Torres", "Profesional", CREDITO)),
        files=proceso("Cobro prejurídico", QC[:5])),
        now="2026-06-14T21:10:00-05:00", area="credito", kind="refuerzo", productionDate=None, trainingDate="2026-06-26", questions=5,
        missing=[], viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 b: 10 business days; from Sunday 14 Jun to Friday 26 Jun there are 9 (15 Jun holiday)")

    # v33: Becas test as a pptx named "Evaluación"; the deck's FAQ slide is no test.
    eval_pptx = pptx([("Evaluación", ["Responda"])] + [("Pregunta %d" % (i + 1), [q, "a) Verdadero", "b) Falso"]) for i, q in enumerate(QB)])
    add("v33-becas-evaluacion-pptx", mail(
        "v33-becas-evaluacion-pptx", ("Natalia Sofía Ardila", "nsardila@icetex.gov.co"), "Becas Italia 2027 — solicitud de capacitación",
        "Mon, 1 Jun 2026 11:00:00 -0500",
        html=outlook_html(["Buenos días,", "Solicitamos capacitación para la convocatoria de becas Italia 2027."],
                          [("ASUNTO DEL CORREO", "Becas Italia 2027"), ("FECHA DE SALIDA A PRODUCCIÓN", "15/09/2026"),
                           ("MATERIAL DE APOYO", "Adjunto"), ("TEST", "Evaluación en PowerPoint")], signature("Natalia Sofía Ardila", "Profesional", ORI)),
        files=becas_nuevo("Italia", skip=("Test",)) + [(eval_pptx, PPTX, "Evaluación Italia.pptx")]),
        now="2026-06-01T11:00:00-05:00", area="becas", kind="nuevo", productionDate="2026-09-15", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 a Becas complete; test of 5 questions in the evaluation deck; 106 days ≥ 90")

    # v34: a university writes directly: not an ICETEX area.
    add("v34-universidad-externa", mail(
        "v34-universidad-externa", ("Bienestar Universitario", "bienestar@unillanos.edu.co"), "Solicitud capacitación crédito ICETEX para estudiantes",
        "Mon, 1 Jun 2026 10:00:00 -0500",
        text=("Buenos días,\n\nSolicitamos una capacitación para nuestros estudiantes sobre la línea de crédito Tú Eliges. "
              "Fecha propuesta: 15 de julio de 2026.\n\nUniversidad de los Llanos\n")),
        now="2026-06-01T10:00:00-05:00", reply="ninguna", skipReason="sender_not_allowed",
        why="4.1.1 a: requests come from ICETEX's dependencies; outside the allowed domains no reply")

    # v35: a project whose production day is a holiday (the opening may be any day) and a chatbot.
    add("v35-proyecto-chatbot", mail(
        "v35-proyecto-chatbot", ("Andrés Felipe Cuervo", "afcuervo@icetex.gov.co"), "Proyecto asistente virtual (chatbot) – formación",
        "Mon, 4 May 2026 08:00:00 -0500",
        text=("Buenos días,\n\nNOMBRE DEL PROYECTO: Asistente virtual Tina\nCONTEXTO DEL PROYECTO: el chatbot atenderá las consultas de estado de crédito; "
              "el proveedor recibirá los casos que el chatbot no resuelva.\nFECHA DE SALIDA A PRODUCCIÓN: 15 de junio de 2026\n"
              "MATERIAL DE APOYO: presentación adjunta\nTEST: adjunto\n\nGerencia del proyecto Asistente Virtual\n"),
        files=[(deck("Asistente virtual Tina"), PPTX, "Presentación asistente virtual.pptx"), (test_xlsx(QC[:5]), XLSX, "Test asistente virtual.xlsx")]),
        now="2026-05-04T08:00:00-05:00", area="proyecto", kind="proyecto", productionDate="2026-06-15", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.2.1 project complete; 4.1.1 d sets no lead time (planned by the project); the opening date may be a holiday")

    # v36: Becas, the training day in prose; 92 days before it.
    add("v36-becas-capacitacion-en-prosa", mail(
        "v36-becas-capacitacion-en-prosa", ("Natalia Sofía Ardila", "nsardila@icetex.gov.co"), "Capacitación Becas Portugal 2026",
        "Mon, 16 Mar 2026 09:30:00 -0500",
        text=("Buenos días,\n\nFECHA DE SALIDA A PRODUCCIÓN: 1 de julio de 2026\nMATERIAL DE APOYO: adjunto\nTEST: adjunto\n\n"
              "La capacitación sería el martes 16 de junio a las 9 a. m., si el proveedor puede.\n\n" + signature("Natalia Sofía Ardila", "Profesional", ORI)),
        files=becas_nuevo("Portugal")),
        now="2026-03-16T09:30:00-05:00", area="becas", kind="nuevo", productionDate="2026-07-01", trainingDate="2026-06-16", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 a: 90 calendar days before the training (16 Mar → 16 Jun is 92)")

    # v37: Fondos convocatoria with only the presentation and the test.
    add("v37-fondos-faltan-varios", mail(
        "v37-fondos-faltan-varios", ("Camilo Ernesto Salgado", "cesalgado@icetex.gov.co"), "Convocatoria Fondo Cundinamarca Aprende",
        "Mon, 2 Mar 2026 09:00:00 -0500",
        text=("Buenos días,\n\nFECHA DE SALIDA A PRODUCCIÓN: 16 de junio de 2026\nAdjunto la presentación y el test; el resto lo enviamos después.\n\n"
              + signature("Camilo Ernesto Salgado", "Profesional", FONDOS)),
        files=fondos_nuevo("Cundinamarca", skip=("Reglamento", "Términos", "Lista", "Plantillas"))),
        now="2026-03-02T09:00:00-05:00", area="fondos", kind="nuevo", productionDate="2026-06-16", trainingDate=None, questions=5,
        missing=["lista_chequeo", "plantillas", "reglamento", "terminos"], viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 a Fondos convocatorias: reglamento, términos, lista de chequeo, plantillas missing")

    # v38: Crédito update whose test is a Microsoft Forms link.
    add("v38-credito-test-forms", mail(
        "v38-credito-test-forms", ("Liliana Marcela Torres", "lmtorres@icetex.gov.co"), "Actualización de la guía de alivios financieros",
        "Wed, 1 Jul 2026 14:00:00 -0500",
        text=("Buenas tardes,\n\nActualizamos la guía de alivios financieros. Solicitamos la sesión el jueves 30 de julio de 2026.\n"
              "Adjunto presentación, procedimiento y lista de chequeo. El test lo aplicaremos por Forms: https://forms.office.com/r/Qx7LmN2pAb\n\n"
              + signature("Liliana Marcela Torres", "Profesional", CREDITO)),
        files=proceso("Alivios financieros", QC[:5], skip=("Test",))),
        now="2026-07-01T14:00:00-05:00", area="credito", kind="actualizacion", productionDate=None, trainingDate="2026-07-30", missing=["test"],
        viable=False, reply="observaciones", skipReason=None, observationsContain="linked_material",
        why="4.2.1 and 6: the test (its questions) is delivered to OCM; a form link cannot be reviewed → asked as a file")

    # v39: another ICETEX area: a change in a technological tool (4.1.1 fuentes), horizontal table.
    html = ("<html><body><p>Buenos días,</p><p>La Dirección de Tecnología solicita capacitación por el cambio de la herramienta de agendamiento de citas.</p>"
            "<table border=1><tr><td><b>ASUNTO DEL CORREO</b></td><td><b>FECHA DE SALIDA A PRODUCCIÓN</b></td><td><b>MATERIAL DE APOYO</b></td><td><b>TEST</b></td></tr>"
            "<tr><td>Cambio herramienta de agendamiento</td><td>3 de agosto de 2026</td><td>Adjunto</td><td>Adjunto</td></tr></table>"
            "<p>Fecha de capacitación: 22 de julio de 2026</p><p>Cordialmente,<br>Jairo Méndez<br>Dirección de Tecnología<br>ICETEX</p></body></html>")
    add("v39-tecnologia-cambio-herramienta", mail(
        "v39-tecnologia-cambio-herramienta", ("Jairo Méndez", "jmendez@icetex.gov.co"), "Cambio herramienta de agendamiento – capacitación",
        "Wed, 1 Jul 2026 08:00:00 -0500", html=html, files=proceso("Agendamiento", QC[:5])),
        now="2026-07-01T08:00:00-05:00", area="otra", kind="actualizacion", productionDate="2026-08-03", trainingDate="2026-07-22", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 fuentes: changes of ICETEX tools are updates (b); 13 business days ≥ 10; b's minimum attached")

    # v40: Fondos update with no material at all and the session "la semana del 13 de julio" (13 Jul holiday).
    add("v40-fondos-semana-sin-material", mail(
        "v40-fondos-semana-sin-material", ("Camilo Ernesto Salgado", "cesalgado@icetex.gov.co"), "Cambios en los giros del Fondo Ser Pilo Región",
        "Wed, 1 Jul 2026 15:00:00 -0500",
        text=("Buenas tardes,\n\nHubo cambios en los giros de sostenimiento del Fondo Ser Pilo Región. Queremos socializarlos con el proveedor "
              "la semana del 13 de julio. El material lo enviamos la próxima semana.\n\n" + signature("Camilo Ernesto Salgado", "Profesional", FONDOS))),
        now="2026-07-01T15:00:00-05:00", area="fondos", kind="actualizacion", productionDate=None, trainingDate="2026-07-14",
        missing=["lista_chequeo", "presentacion", "procedimiento", "reglamento", "terminos", "test"], viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 b Fondos minimum all missing; the week of 13 Jul starts on Tue 14 (holiday), 8 business days < 10")

    # w41: the labelled training field names a week ("semana del 3 de agosto"), a business Monday.
    add("w41-credito-campo-semana", mail(
        "w41-credito-campo-semana", ("Liliana Marcela Torres", "lmtorres@icetex.gov.co"), "Actualización del reglamento de crédito: cambios en garantías",
        "Wed, 1 Jul 2026 11:00:00 -0500",
        text=("Buenos días,\n\nASUNTO DEL CORREO: Cambios en garantías del reglamento de crédito\nFECHA DE SALIDA A PRODUCCIÓN: No aplica\n"
              "FECHA DE CAPACITACIÓN: semana del 3 de agosto de 2026\nMATERIAL DE APOYO: adjunto\nTEST: adjunto\n\n"
              + signature("Liliana Marcela Torres", "Profesional", CREDITO)),
        files=proceso("Garantías", QC[:5])),
        now="2026-07-01T11:00:00-05:00", area="credito", kind="actualizacion", productionDate=None, trainingDate="2026-08-03", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 b: the week's first business day, Mon 3 Aug; 21 business days ≥ 10")

    # w42: OCM proposes a Saturday session in prose, 11 days ahead.
    add("w42-ocm-sabado-tarde", mail(
        "w42-ocm-sabado-tarde", ("Diana Patricia Mora", "dpmora@icetex.gov.co"), "Refuerzo protocolo de atención a población con discapacidad",
        "Mon, 1 Jun 2026 09:00:00 -0500",
        text=("Buenos días,\n\nLa Oficina Comercial y de Mercadeo requiere un refuerzo al proveedor sobre el protocolo de atención a población con "
              "discapacidad. La sesión sería el sábado 13 de junio, en la jornada de la mañana.\n\nAdjunto presentación y test.\n\n"
              "Diana Patricia Mora\nGestión del Conocimiento\nOficina Comercial y de Mercadeo\n"),
        files=[(deck("Atención con enfoque diferencial"), PPTX, "Presentación enfoque diferencial.pptx"), (test_xlsx(QB), XLSX, "Test enfoque diferencial.xlsx")]),
        now="2026-06-01T09:00:00-05:00", area="ocm", kind="ocm", productionDate=None, trainingDate="2026-06-13", questions=5,
        missing=["fecha_capacitacion"], viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 c: a Saturday is no training day (counted from Fri 12 Jun: 11 calendar days < 15)")

    # w43: a December mail for a session "el miércoles 20 de enero" (next year).
    add("w43-becas-refuerzo-enero", mail(
        "w43-becas-refuerzo-enero", ("Natalia Sofía Ardila", "nsardila@icetex.gov.co"), "Refuerzo renovación de becas – enero",
        "Tue, 1 Dec 2026 10:00:00 -0500",
        text=("Buenos días,\n\nPara la temporada de renovaciones solicitamos un refuerzo al proveedor sobre la renovación de becas. "
              "La capacitación la haríamos el miércoles 20 de enero.\n\nFecha de salida a producción: no aplica\nAdjunto el material completo.\n\n"
              + signature("Natalia Sofía Ardila", "Profesional", ORI)),
        files=proceso("Renovación becas", QB)),
        now="2026-12-01T10:00:00-05:00", area="becas", kind="refuerzo", productionDate=None, trainingDate="2027-01-20", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 b: 'el miércoles 20 de enero' written in December is January 2027; far more than 10 business days")

    # w44: two topics; the attached test has six questions (ten needed).
    add("w44-fondos-dos-temas-seis", mail(
        "w44-fondos-dos-temas-seis", ("Paola Andrea Lozano Ríos", "palozano@icetex.gov.co"), "Capacitación Fondo Gobernación de Nariño 2026-2",
        "Mon, 2 Mar 2026 11:00:00 -0500",
        text=("Buenos días,\n\nASUNTO DEL CORREO: Fondo Gobernación de Nariño 2026-2\nTEMAS: 1. Postulación 2. Renovación del beneficio\n"
              "FECHA DE SALIDA A PRODUCCIÓN: 16/06/2026\nMATERIAL DE APOYO: adjunto\nTEST: adjunto\n\n"
              + signature("Paola Andrea Lozano Ríos", "Coordinadora", FONDOS)),
        files=fondos_nuevo("Nariño", skip=("Test",)) + [(test_xlsx(QF), XLSX, "Test Nariño.xlsx")]),
        now="2026-03-02T11:00:00-05:00", area="fondos", kind="nuevo", productionDate="2026-06-16", trainingDate=None, questions=6,
        missing=["test_insuficiente"], viable=False, reply="observaciones", skipReason=None,
        why="4.2.1: 5 questions per topic taught; two topics need 10, the test has 6")

    # w45: Crédito new line, the opening date without its year.
    add("w45-credito-fecha-sin-anio", mail(
        "w45-credito-fecha-sin-anio", ("Hernán Darío Quintero", "hdquintero@icetex.gov.co"), "Solicitud capacitación línea Regiones Aprenden",
        "Wed, 1 Apr 2026 09:00:00 -0500",
        text=("Buenos días,\n\nASUNTO DEL CORREO: Línea Regiones Aprenden\nFECHA DE SALIDA A PRODUCCIÓN: 15 de julio\nMATERIAL DE APOYO: adjunto\n"
              "TEST: adjunto\n\n" + signature("Hernán Darío Quintero", "Profesional", CREDITO)),
        files=credito_nuevo("Regiones Aprenden")),
        now="2026-04-01T09:00:00-05:00", area="credito", kind="nuevo", productionDate="2026-07-15", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 a Créditos complete; 15 July of the mail's year, 105 days ≥ 90")

    # w46: a project told in the procedure's own words ("el impacto que tendrá al proveedor"), no label.
    add("w46-proyecto-impacto-al-proveedor", mail(
        "w46-proyecto-impacto-al-proveedor", ("Andrés Felipe Cuervo", "afcuervo@icetex.gov.co"), "Proyecto Giro Directo a IES – formación",
        "Mon, 1 Jun 2026 15:00:00 -0500",
        text=("Buenas tardes,\n\nDesde la gerencia del proyecto Giro Directo a IES les contamos que desde septiembre los giros se harán directamente "
              "a las instituciones. El impacto que tendrá al proveedor es que los asesores ya no darán fechas de desembolso al estudiante "
              "sino que lo remitirán a su IES.\n\nFecha de salida a producción: 1 de septiembre de 2026\nAdjunto presentación y test.\n\n"
              "Andrés Felipe Cuervo\nGerente del proyecto Giro Directo\n"),
        files=[(deck("Giro directo a IES"), PPTX, "Presentación giro directo.pptx"), (test_xlsx(QC[:5]), XLSX, "Test giro directo.xlsx")]),
        now="2026-06-01T15:00:00-05:00", area="proyecto", kind="proyecto", productionDate="2026-09-01", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.2.1 project: the context and impact on the provider are told (the procedure's own words), presentation and test attached")

    # x47: HTML table with a two-digit year ("16/06/26").
    add("x47-becas-anio-dos-digitos", mail(
        "x47-becas-anio-dos-digitos", ("Natalia Sofía Ardila", "nsardila@icetex.gov.co"), "Capacitación Becas Países Bajos 2026",
        "Mon, 2 Mar 2026 10:00:00 -0500",
        html=outlook_html(["Buenos días,", "Remitimos la solicitud de capacitación de la convocatoria de becas Países Bajos."],
                          [("ASUNTO DEL CORREO", "Becas Países Bajos 2026"), ("FECHA DE SALIDA A PRODUCCIÓN", "16/06/26"),
                           ("MATERIAL DE APOYO", "Adjunto"), ("TEST", "Adjunto")], signature("Natalia Sofía Ardila", "Profesional", ORI)),
        files=becas_nuevo("Países Bajos")),
        now="2026-03-02T10:00:00-05:00", area="becas", kind="nuevo", productionDate="2026-06-16", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="16/06/26 is 16 June 2026; 106 days ≥ 90; Becas list complete")

    # x49: file names in capitals with underscores, as a scanner or an old system writes them.
    files = [(deck("Fondo Tolima"), PPTX, "PRESENTACION_FONDO_TOLIMA.PPTX"),
             (flate_pdf("Reglamento Operativo del Fondo Tolima", ["Capítulo I"]), PDF, "REGLAMENTO_OPERATIVO_TOLIMA.PDF"),
             (word("Términos de la convocatoria Tolima"), DOCX, "TERMINOS_CONVOCATORIA_TOLIMA.DOCX"),
             (xlsx([["Lista de chequeo"], ["Documento", "Sí"]]), XLSX, "LISTA_CHEQUEO_TOLIMA.XLSX"),
             (word("Plantillas de respuesta"), DOCX, "PLANTILLAS_RESPUESTA.DOCX"),
             (test_xlsx(QF[:5]), XLSX, "TEST_FONDO_TOLIMA.XLSX")]
    add("x49-fondos-nombres-mayusculas", mail(
        "x49-fondos-nombres-mayusculas", ("Camilo Ernesto Salgado", "cesalgado@icetex.gov.co"), "CONVOCATORIA FONDO TOLIMA 2026-2",
        "Mon, 2 Mar 2026 12:00:00 -0500",
        text=("BUENOS DIAS\n\nFECHA DE SALIDA A PRODUCCION: 16 DE JUNIO DE 2026\nMATERIAL DE APOYO: ADJUNTO\nTEST: ADJUNTO\n\n"
              + signature("Camilo Ernesto Salgado", "Profesional", FONDOS)),
        files=files),
        now="2026-03-02T12:00:00-05:00", area="fondos", kind="nuevo", productionDate="2026-06-16", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 a Fondos list complete (names in capitals); 106 days ≥ 90")

    # x50: an impossible date (30 February) is no date.
    add("x50-credito-fecha-imposible", mail(
        "x50-credito-fecha-imposible", ("Hernán Darío Quintero", "hdquintero@icetex.gov.co"), "Línea Ciencia para Todos – capacitación",
        "Mon, 2 Mar 2026 09:00:00 -0500",
        text=("Buenos días,\n\nASUNTO DEL CORREO: Línea Ciencia para Todos\nFECHA DE SALIDA A PRODUCCIÓN: 30 de febrero de 2027\n"
              "MATERIAL DE APOYO: adjunto\nTEST: adjunto\n\n" + signature("Hernán Darío Quintero", "Profesional", CREDITO)),
        files=credito_nuevo("Ciencia para Todos")),
        now="2026-03-02T09:00:00-05:00", area="credito", kind="nuevo", productionDate=None, trainingDate=None, questions=5,
        missing=["fecha_produccion"], viable=False, reply="observaciones", skipReason=None,
        why="4.2.1: 30 February does not exist; the area is asked for the production date")

    # x54: the test promised for later.
    add("x54-becas-test-despues", mail(
        "x54-becas-test-despues", ("Natalia Sofía Ardila", "nsardila@icetex.gov.co"), "Becas Suecia 2027: solicitud de capacitación",
        "Mon, 1 Jun 2026 10:00:00 -0500",
        text=("Buenos días,\n\nFECHA DE SALIDA A PRODUCCIÓN: 15 de septiembre de 2026\nAdjunto el material; el test se los enviamos la otra semana.\n\n"
              + signature("Natalia Sofía Ardila", "Profesional", ORI)),
        files=becas_nuevo("Suecia", skip=("Test",))),
        now="2026-06-01T10:00:00-05:00", area="becas", kind="nuevo", productionDate="2026-09-15", trainingDate=None, missing=["test"],
        viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 a Becas and 4.2.1: the test is part of the request; promised later, it is missing now")

    # x57: OCM training with an abbreviated month ("16-jun-2026"), exactly 15 calendar days ahead.
    add("x57-ocm-mes-abreviado", mail(
        "x57-ocm-mes-abreviado", ("Diana Patricia Mora", "dpmora@icetex.gov.co"), "Capacitación actualización del portal de pagos",
        "Mon, 1 Jun 2026 08:00:00 -0500",
        text=("Buenos días,\n\nLa OCM solicita capacitar al proveedor en el nuevo portal de pagos.\nFECHA DE CAPACITACIÓN: 16-jun-2026\n"
              "Adjunto presentación y test.\n\nDiana Patricia Mora\nGestión del Conocimiento\nOficina Comercial y de Mercadeo\n"),
        files=[(deck("Portal de pagos"), PPTX, "Presentación portal de pagos.pptx"), (test_xlsx(QC[:5]), XLSX, "Test portal de pagos.xlsx")]),
        now="2026-06-01T08:00:00-05:00", area="ocm", kind="ocm", productionDate=None, trainingDate="2026-06-16", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 c: 15 calendar days (2–16 June) is exactly the minimum")

    # x58: Crédito new line with its training date: 85 days before the training.
    add("x58-credito-capacitacion-85-dias", mail(
        "x58-credito-capacitacion-85-dias", ("Hernán Darío Quintero", "hdquintero@icetex.gov.co"), "Capacitación línea Emprende Joven",
        "Mon, 4 May 2026 09:00:00 -0500",
        text=("Buenos días,\n\nASUNTO DEL CORREO: Línea Emprende Joven\nFECHA DE SALIDA A PRODUCCIÓN: 3 de agosto de 2026\n"
              "FECHA DE CAPACITACIÓN: 28 de julio de 2026\nMATERIAL DE APOYO: adjunto\nTEST: adjunto\n\n"
              + signature("Hernán Darío Quintero", "Profesional", CREDITO)),
        files=credito_nuevo("Emprende Joven")),
        now="2026-05-04T09:00:00-05:00", area="credito", kind="nuevo", productionDate="2026-08-03", trainingDate="2026-07-28", questions=5,
        missing=[], viable=False, reply="observaciones", skipReason=None,
        why="4.1.1 a: 90 calendar days before the training; 4 May → 28 Jul is 85")

    # y59: a horizontal 4.2.1 table with "Lunes, 15 de junio de 2026" (a holiday: the opening may be any day).
    html = ("<html><body><p>Buenos días,</p><p>Solicitamos la capacitación de la convocatoria del Fondo Santander Bilingüe.</p>"
            "<table border=1 cellpadding=4><tr><th>ASUNTO DEL CORREO</th><th>FECHA DE SALIDA A PRODUCCIÓN</th><th>MATERIAL DE APOYO</th><th>TEST</th></tr>"
            "<tr><td>Fondo Santander Bilingüe 2026-2</td><td>Lunes, 15 de junio de 2026</td><td>Adjunto</td><td>Adjunto (5 preguntas)</td></tr></table>"
            "<p>Cordialmente,</p><p>Camilo Ernesto Salgado<br>Profesional<br>" + FONDOS + "</p></body></html>")
    add("y59-fondos-tabla-horizontal-festivo", mail(
        "y59-fondos-tabla-horizontal-festivo", ("Camilo Ernesto Salgado", "cesalgado@icetex.gov.co"), "Capacitación Fondo Santander Bilingüe 2026-2",
        "Mon, 2 Mar 2026 13:00:00 -0500", html=html, files=fondos_nuevo("Santander")),
        now="2026-03-02T13:00:00-05:00", area="fondos", kind="nuevo", productionDate="2026-06-15", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.2.1: the opening (production) date may be a holiday; 105 days ≥ 90; Fondos list complete")

    # y60: "Fecha tentativa de la sesión" (no known label) in a reinforcement.
    add("y60-credito-fecha-tentativa", mail(
        "y60-credito-fecha-tentativa", ("Liliana Marcela Torres", "lmtorres@icetex.gov.co"), "Refuerzo atención de solicitudes de condonación por fallecimiento",
        "Tue, 16 Jun 2026 10:00:00 -0500",
        text=("Buenos días,\n\nSolicitamos un refuerzo al proveedor sobre la condonación por fallecimiento del beneficiario.\n\n"
              "Fecha tentativa de la sesión: 2 de julio de 2026, 8:00 a. m.\nAdjunto presentación, procedimiento, lista de chequeo y test.\n\n"
              + signature("Liliana Marcela Torres", "Profesional", CREDITO)),
        files=proceso("Condonación por fallecimiento", QC[:5])),
        now="2026-06-16T10:00:00-05:00", area="credito", kind="refuerzo", productionDate=None, trainingDate="2026-07-02", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 b: the four items; 11 business days before 2 Jul (≥ 10)")

    # y61: the test as one slide with five numbered questions inside the presentation.
    deck5 = pptx([("Becas Canadá 2027", ["Capacitación"]), ("Preguntas frecuentes", ["Cambios de fecha"]),
                  ("Evaluación", ["%d. %s" % (i + 1, q) for i, q in enumerate(QB)])])
    add("y61-becas-test-una-diapositiva", mail(
        "y61-becas-test-una-diapositiva", ("Natalia Sofía Ardila", "nsardila@icetex.gov.co"), "Becas Canadá 2027 – capacitación",
        "Mon, 1 Jun 2026 12:00:00 -0500",
        text=("Buenos días,\n\nFECHA DE SALIDA A PRODUCCIÓN: 15/09/2026\nMATERIAL DE APOYO: adjunto\nTEST: en la última diapositiva de la presentación\n\n"
              + signature("Natalia Sofía Ardila", "Profesional", ORI)),
        files=[(deck5, PPTX, "Presentación Becas Canadá.pptx")] + becas_nuevo("Canadá", skip=("Test", "Presentación"))),
        now="2026-06-01T12:00:00-05:00", area="becas", kind="nuevo", productionDate="2026-09-15", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.2.1: the five questions on the deck's evaluation slide are the test; Becas list complete; 106 days ≥ 90")

    # y62: an abbreviated month with a dot ("1 sept. 2026").
    add("y62-credito-mes-abreviado-punto", mail(
        "y62-credito-mes-abreviado-punto", ("Hernán Darío Quintero", "hdquintero@icetex.gov.co"), "Línea Posgrado Docentes – solicitud",
        "Mon, 4 May 2026 10:00:00 -0500",
        text=("Buenos días,\n\nASUNTO DEL CORREO: Línea Posgrado Docentes\nFECHA DE SALIDA A PRODUCCIÓN: 1 sept. 2026\nMATERIAL DE APOYO: adjunto\n"
              "TEST: adjunto\n\n" + signature("Hernán Darío Quintero", "Profesional", CREDITO)),
        files=credito_nuevo("Posgrado Docentes")),
        now="2026-05-04T10:00:00-05:00", area="credito", kind="nuevo", productionDate="2026-09-01", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="'1 sept. 2026' is 1 September 2026; 120 days ≥ 90; Créditos list complete")

    # y63: v37's missing items arrive six days before the opening: complete but late (15 calendar days).
    add("y63b-fondos-completa-tarde", mail(
        "y63b-fondos-completa-tarde", ("Camilo Ernesto Salgado", "cesalgado@icetex.gov.co"),
        "RE: [OCM-2026-0044] Observaciones a su solicitud: Convocatoria Fondo Cundinamarca Aprende", "Wed, 10 Jun 2026 17:00:00 -0500",
        text="Buenas tardes, adjunto lo que faltaba. Disculpen la demora.\n\nCamilo\n",
        in_reply_to="<v37-fondos-faltan-varios@icetex.gov.co>",
        files=[f for f in fondos_nuevo("Cundinamarca") if any(k in f[2] for k in ("Reglamento", "Términos", "Lista", "Plantillas"))]), skip=True)
    exp.append(dict(file="y63-hilo-fondos-material-tarde", thread=["v37-fondos-faltan-varios.eml", "y63b-fondos-completa-tarde.eml"],
                    now="2026-06-10T17:00:00-05:00", area="fondos", kind="nuevo", productionDate="2026-06-16", missing=[],
                    viable=False, reply="observaciones",
                    why="4.1.1 a: material 15 calendar days before the opening; it arrived 6 days before"))

    # z64: yyyy/mm/dd.
    add("z64-becas-fecha-iso-barras", mail(
        "z64-becas-fecha-iso-barras", ("Natalia Sofía Ardila", "nsardila@icetex.gov.co"), "Becas Nueva Zelanda 2027",
        "Mon, 1 Jun 2026 16:00:00 -0500",
        text=("Buenas tardes,\n\nFECHA DE SALIDA A PRODUCCIÓN: 2026/09/01\nMATERIAL DE APOYO: adjunto\nTEST: adjunto\n\n"
              + signature("Natalia Sofía Ardila", "Profesional", ORI)),
        files=becas_nuevo("Nueva Zelanda")),
        now="2026-06-01T16:00:00-05:00", area="becas", kind="nuevo", productionDate="2026-09-01", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None, why="2026/09/01 is 1 September; 92 days ≥ 90; Becas list complete")

    # z65: the session day only in the subject.
    add("z65-credito-fecha-en-asunto", mail(
        "z65-credito-fecha-en-asunto", ("Liliana Marcela Torres", "lmtorres@icetex.gov.co"), "Refuerzo cartera castigada – sesión viernes 24 de julio",
        "Wed, 1 Jul 2026 09:00:00 -0500",
        text=("Buenos días,\n\nSolicitamos el refuerzo del asunto; adjunto presentación, procedimiento, lista de chequeo y test.\n"
              "Fecha de salida a producción: no aplica\n\n" + signature("Liliana Marcela Torres", "Profesional", CREDITO)),
        files=proceso("Cartera castigada", QC[:5])),
        now="2026-07-01T09:00:00-05:00", area="credito", kind="refuerzo", productionDate=None, trainingDate="2026-07-24", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.2.1: the subject is part of the request ('ASUNTO'); session Fri 24 Jul, 14 business days ≥ 10")

    # z66: OCM's Calidad Operativa asks a focused reinforcement (4.1.1 b by OCM → c).
    add("z66-ocm-calidad-refuerzo", mail(
        "z66-ocm-calidad-refuerzo", ("Mónica Liliana Prada", "mlprada@icetex.gov.co"), "Refuerzo focalizado por hallazgos de monitoreo",
        "Mon, 1 Jun 2026 11:00:00 -0500",
        text=("Buenos días,\n\nEn los monitoreos de calidad encontramos errores recurrentes en la tipificación de PQRSD. Desde Calidad Operativa "
              "solicitamos un refuerzo focalizado al proveedor.\n\nFecha de capacitación: martes 23 de junio de 2026\nAdjunto presentación y test.\n\n"
              "Mónica Liliana Prada\nCalidad Operativa\nOficina Comercial y de Mercadeo\n"),
        files=[(deck("Tipificación PQRSD"), PPTX, "Presentación tipificación.pptx"), (test_xlsx(QC[:5]), XLSX, "Test tipificación.xlsx")]),
        now="2026-06-01T11:00:00-05:00", area="ocm", kind="ocm", productionDate=None, trainingDate="2026-06-23", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 c: requested from OCM (Calidad Operativa), 15 calendar days (22 ≥ 15); presentation and test")

    # z67: RV: RV: — the request two forwards deep.
    text = ("Buenos días, para su gestión.\n\nDespacho " + FONDOS + "\n"
            + fwd_block("Yolanda Beltrán", "ybeltran@icetex.gov.co", "viernes, 27 de febrero de 2026 4:00 p. m.", "RV: Capacitación Fondo Casanare Profesional",
                        to="Despacho VFA <despachovfa@icetex.gov.co>")
            + "Para aprobación del despacho y envío a OCM.\n"
            + fwd_block("Paola Andrea Lozano Ríos", "palozano@icetex.gov.co", "viernes, 27 de febrero de 2026 10:00 a. m.", "Capacitación Fondo Casanare Profesional",
                        to="Yolanda Beltrán <ybeltran@icetex.gov.co>")
            + "ASUNTO DEL CORREO: Fondo Casanare Profesional 2026-2\nFECHA DE SALIDA A PRODUCCIÓN: 16 de junio de 2026\n"
              "MATERIAL DE APOYO: adjunto\nTEST: adjunto\n\n" + signature("Paola Andrea Lozano Ríos", "Coordinadora", FONDOS))
    add("z67-rv-rv-fondos", mail(
        "z67-rv-rv-fondos", ("Despacho VFA", "despachovfa@icetex.gov.co"), "RV: RV: Capacitación Fondo Casanare Profesional",
        "Mon, 2 Mar 2026 08:00:00 -0500", text=text, files=fondos_nuevo("Casanare")),
        now="2026-03-02T08:00:00-05:00", area="fondos", kind="nuevo", productionDate="2026-06-16", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="design: a forwarded request is read from the forwarded mail, however deep; Fondos list complete; 106 days ≥ 90")

    # z68: opening and session on the same labelled line.
    add("z68-fondos-dos-fechas-una-linea", mail(
        "z68-fondos-dos-fechas-una-linea", ("Paola Andrea Lozano Ríos", "palozano@icetex.gov.co"), "Capacitación Fondo Caldas Investiga",
        "Mon, 2 Mar 2026 15:00:00 -0500",
        text=("Buenas tardes,\n\nFECHA DE SALIDA A PRODUCCIÓN: 15 de junio de 2026 (apertura); la capacitación sería el 2 de junio\n"
              "MATERIAL DE APOYO: adjunto\nTEST: adjunto\n\n" + signature("Paola Andrea Lozano Ríos", "Coordinadora", FONDOS)),
        files=fondos_nuevo("Caldas")),
        now="2026-03-02T15:00:00-05:00", area="fondos", kind="nuevo", productionDate="2026-06-15", trainingDate="2026-06-02", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 a: 90 calendar days before the training (2 Mar → 2 Jun is 92); Fondos list complete")

    # a69–a73: the labels and values as people type them.
    def fondos_text(date_line):
        return ("Buenos días,\n\nSolicitamos la capacitación de la nueva convocatoria.\n" + date_line + "\nMATERIAL DE APOYO: adjunto\nTEST: adjunto\n\n"
                + signature("Paola Andrea Lozano Ríos", "Coordinadora", FONDOS))
    cases = [("a69-fondos-etiqueta-mal-escrita", "FEHCA DE SALIDA A PRODUCION: 16/06/2026", "2026-06-16", "a misspelt label (procedure.md: labels sometimes misspelt)"),
             ("a70-fondos-etiqueta-guion", "Fecha salida producción - 16 de junio de 2026", "2026-06-16", "a dash instead of a colon"),
             ("a73-fondos-del-2026", "FECHA DE SALIDA A PRODUCCIÓN: 16 de junio del 2026", "2026-06-16", "'del 2026'")]
    for name, line, date, why in cases:
        add(name, mail(name, ("Paola Andrea Lozano Ríos", "palozano@icetex.gov.co"), "Convocatoria Fondo Quindío " + name[:3],
                       "Mon, 2 Mar 2026 10:00:00 -0500", text=fondos_text(line), files=fondos_nuevo("Quindío")),
            now="2026-03-02T10:00:00-05:00", area="fondos", kind="nuevo", productionDate=date, trainingDate=None, questions=5,
            missing=[], viable=True, reply="aprobacion", skipReason=None, why="4.2.1 production date with " + why + "; 106 days ≥ 90")

    # a71: HTML, the label in bold in one paragraph and the date in the next.
    html = ("<html><body><p class=MsoNormal>Buenos días,</p><p class=MsoNormal>Solicitamos la capacitación del Fondo Risaralda Educa.</p>"
            "<p class=MsoNormal><b>FECHA DE SALIDA A PRODUCCIÓN</b></p><p class=MsoNormal>16 de junio de 2026</p>"
            "<p class=MsoNormal><b>MATERIAL DE APOYO</b></p><p class=MsoNormal>Adjunto</p><p class=MsoNormal><b>TEST</b></p><p class=MsoNormal>Adjunto</p>"
            "<p class=MsoNormal>Paola Andrea Lozano Ríos<br>Coordinadora<br>" + FONDOS + "</p></body></html>")
    add("a71-fondos-etiqueta-y-valor-en-parrafos", mail(
        "a71-fondos-etiqueta-y-valor-en-parrafos", ("Paola Andrea Lozano Ríos", "palozano@icetex.gov.co"), "Convocatoria Fondo Risaralda Educa",
        "Mon, 2 Mar 2026 10:30:00 -0500", html=html, files=fondos_nuevo("Risaralda")),
        now="2026-03-02T10:30:00-05:00", area="fondos", kind="nuevo", productionDate="2026-06-16", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None, why="4.2.1: the label's value on the next line; 106 days ≥ 90")

    # a72: the test named "Prueba de conocimientos".
    add("a72-credito-prueba-de-conocimientos", mail(
        "a72-credito-prueba-de-conocimientos", ("Liliana Marcela Torres", "lmtorres@icetex.gov.co"), "Actualización proceso de reintegros",
        "Wed, 1 Jul 2026 10:00:00 -0500",
        text=("Buenos días,\n\nActualizamos el proceso de reintegros. Fecha de capacitación: 22 de julio de 2026.\n"
              "Adjunto presentación, procedimiento, lista de chequeo y la prueba de conocimientos.\n\n" + signature("Liliana Marcela Torres", "Profesional", CREDITO)),
        files=proceso("Reintegros", QC[:5], skip=("Test",)) + [(test_docx("Prueba de conocimientos reintegros", QC[:5]), DOCX, "Prueba de conocimientos reintegros.docx")]),
        now="2026-07-01T10:00:00-05:00", area="credito", kind="actualizacion", productionDate=None, trainingDate="2026-07-22", questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 b: a 'prueba de conocimientos' of 5 questions is the test; 13 business days ≥ 10")

    # b74: Becas, one .ppsx deck carries the calendar and the application conditions; the guide is a PDF.
    show = pptx([("Becas Irlanda 2027", ["Convocatoria"]), ("Requisitos y criterios de aprobación", ["Título profesional", "Inglés B2"]),
                 ("Calendario de la convocatoria", ["Inscripciones: 1 al 30 de septiembre"]), ("Preguntas frecuentes", ["¿Y si se cae la plataforma?"])])
    add("b74-becas-ppsx-guia-pdf", mail(
        "b74-becas-ppsx-guia-pdf", ("Natalia Sofía Ardila", "nsardila@icetex.gov.co"), "Becas Irlanda 2027 – solicitud de capacitación",
        "Mon, 1 Jun 2026 13:00:00 -0500",
        text=("Buenas tardes,\n\nFECHA DE SALIDA A PRODUCCIÓN: 15 de septiembre de 2026\nMATERIAL DE APOYO: la presentación (con requisitos y calendario), "
              "la guía de atención y las plantillas\nTEST: adjunto\n\n" + signature("Natalia Sofía Ardila", "Profesional", ORI)),
        files=[(show, "application/vnd.openxmlformats-officedocument.presentationml.slideshow", "Becas Irlanda.ppsx"),
               (flate_pdf("Guía de atención Becas Irlanda", ["Ruta de escalamiento"]), PDF, "Guía de atención Becas Irlanda.pdf"),
               (word("Plantillas de respuesta"), DOCX, "Plantillas Irlanda.docx"),
               (test_docx("Test Becas Irlanda", QB), DOCX, "Test Irlanda.docx")]),
        now="2026-06-01T13:00:00-05:00", area="becas", kind="nuevo", productionDate="2026-09-15", trainingDate=None, questions=5,
        missing=[], viable=True, reply="aprobacion", skipReason=None,
        why="4.1.1 a Becas: 'la presentación que debe contener … calendario, condiciones para la aplicación'; guide = procedimiento; 106 days ≥ 90")

    return out, exp


def main():
    out, exp = mails()
    for name, message in out.items():
        with open(os.path.join(HERE, name + ".eml"), "wb") as f:
            f.write(message.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    with open(os.path.join(HERE, "expected.jsonl"), "w", encoding="utf-8") as f:
        for line in exp:
            if not line.pop("skip", False):
                f.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
