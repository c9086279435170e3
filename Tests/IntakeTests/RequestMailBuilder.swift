import Foundation
import MIME
@testable import Intake

/// Writes a training-request mail the way Outlook at ICETEX sends one, so the engine's tables
/// can run end to end (bytes → `MessageParser` → `Inspector`) without binary fixtures:
/// RFC 5322 headers (Subject as RFC 2047 words when not ASCII), multipart/mixed with a
/// quoted-printable text/plain body, an optional HTML table alternative (with the signature
/// logo inline in multipart/related), base64 attachments named with RFC 2231, and requests
/// forwarded as attached messages (message/rfc822). CRLF throughout.
struct RequestMailBuilder {
    enum FieldStyle { case tab, colon }

    struct Attachment {
        var filename: String
        var contentType: String
        var data: Data
        var disposition = "attachment"
        var contentID: String?
    }

    var fromName = "Ana María Pérez"
    var from = "amperez@icetex.gov.co"
    var to = ["aseguramientoocm@icetex.gov.co", "formacionocm@icetex.gov.co"]
    var subject = "Solicitud capacitación"
    /// The instant the mail was written; the Date header shows it at `utcOffsetMinutes`.
    var date = RequestMailBuilder.instant("2026-02-16T09:12:00-05:00")
    var utcOffsetMinutes = -300
    var messageID: String?
    /// Extra header fields, written after the standard ones, in order.
    var headers: [(String, String)] = []

    var intro = "Buenos días, solicitamos la capacitación del tema que se describe a continuación."
    /// Request fields, written as an Outlook table pasted as text ("LABEL<TAB>value") or as
    /// "Label: value" lines. A value starting with a newline goes on the lines below its label.
    var fields: [(String, String)] = []
    var fieldStyle = FieldStyle.tab
    /// Closing and signature block, after a blank line.
    var signature: String? = "Cordialmente,\n\nAna María Pérez\nProfesional\nICETEX"
    /// Text after the signature (an earlier mail quoted by Outlook), verbatim.
    var quoted: String?

    /// Also write the body as an Outlook HTML alternative with the fields in a table.
    var html = false
    /// Write only the HTML body (no text/plain alternative).
    var htmlOnly = false
    /// The signature logo Outlook embeds (image001.png, inline, referenced by Content-ID).
    var signatureLogo = false

    var attachments: [Attachment] = []
    /// Mails attached as message/rfc822 (Outlook's "Reenviar como datos adjuntos").
    var forwarded: [RequestMailBuilder] = []

    static let crlf = "\r\n"

    // MARK: The mail

    var plainText: String {
        var blocks = [intro]
        if !fields.isEmpty {
            blocks.append(fields.map { label, value in
                switch fieldStyle {
                case .tab: return "\(label)\t\(value.trimmingCharacters(in: .newlines))"
                case .colon: return value.hasPrefix("\n") ? "\(label):\(value)" : "\(label): \(value)"
                }
            }.joined(separator: "\n"))
        }
        if let signature { blocks.append(signature) }
        if let quoted { blocks.append(quoted) }
        return blocks.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    var htmlText: String {
        func esc(_ s: String) -> String { OfficeFixture.escape(s).replacingOccurrences(of: "\n", with: "<br>") }
        let cell = "style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'"
        let rows = fields.map { label, value in
            "<tr><td \(cell)><p class=MsoNormal><b>\(esc(label))</b></p></td><td \(cell)><p class=MsoNormal>\(esc(value.trimmingCharacters(in: .newlines)))</p></td></tr>"
        }.joined()
        var out = "<html><head><meta charset='utf-8'></head><body lang=ES-CO><p class=MsoNormal>\(esc(intro))</p>"
        if !rows.isEmpty { out += "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>\(rows)</table>" }
        if let signature { out += "<p class=MsoNormal><br>\(esc(signature))</p>" }
        if signatureLogo { out += "<p class=MsoNormal><img src='cid:image001.png@01DC'></p>" }
        if let quoted { out += "<div><p class=MsoNormal>\(esc(quoted))</p></div>" }
        return out + "</body></html>"
    }

    func build() -> [UInt8] { Array(render().utf8) }

    func render() -> String {
        var lines: [String] = []
        let display = fromName.isEmpty ? from : "\(Self.encodedWords(fromName)) <\(from)>"
        lines.append("From: \(from.isEmpty ? "<>" : display)")
        lines.append("To: \(to.joined(separator: ", "))")
        lines.append("Subject: \(Self.encodedWords(subject))")
        lines.append("Date: \(Self.rfc5322(date, offsetMinutes: utcOffsetMinutes))")
        lines.append("Message-ID: \(messageID ?? "<\(Self.token(subject + from + "\(date.timeIntervalSince1970)"))@icetex.gov.co>")")
        lines.append("Thread-Topic: \(Self.encodedWords(RequestReader.strippedSubject(subject)))")
        if !attachments.isEmpty || !forwarded.isEmpty { lines.append("X-MS-Has-Attach: yes") }
        for (name, value) in headers { lines.append("\(name): \(value)") }
        lines.append("MIME-Version: 1.0")
        let boundary = "_mixed_\(Self.token(subject))_"
        lines.append("Content-Type: multipart/mixed; boundary=\"\(boundary)\"")
        var parts = [bodyPart()]
        parts += attachments.map(Self.attachmentPart)
        parts += forwarded.enumerated().map { index, mail in
            let name = "\(RequestReader.strippedSubject(mail.subject)).msg"
            return Self.header("Content-Type", "message/rfc822") + Self.crlf
                + Self.header("Content-Disposition", "attachment; \(Self.filenameParameter(name))") + Self.crlf
                + Self.crlf + mail.render()
        }
        return lines.joined(separator: Self.crlf) + Self.crlf + Self.crlf + Self.multipart(parts, boundary: boundary)
    }

    /// The body: text/plain alone, or multipart/alternative with the HTML table (and the logo
    /// in multipart/related next to the HTML, as Outlook does).
    func bodyPart() -> String {
        let plain = Self.header("Content-Type", "text/plain; charset=\"utf-8\"") + Self.crlf
            + Self.header("Content-Transfer-Encoding", "quoted-printable") + Self.crlf + Self.crlf
            + Self.quotedPrintable(plainText)
        guard html || htmlOnly || signatureLogo else { return plain }
        var htmlPart = Self.header("Content-Type", "text/html; charset=\"utf-8\"") + Self.crlf
            + Self.header("Content-Transfer-Encoding", "quoted-printable") + Self.crlf + Self.crlf
            + Self.quotedPrintable(htmlText)
        if signatureLogo {
            let logo = Self.header("Content-Type", "image/png; name=\"image001.png\"") + Self.crlf
                + Self.header("Content-Transfer-Encoding", "base64") + Self.crlf
                + Self.header("Content-Disposition", "inline; filename=\"image001.png\"") + Self.crlf
                + Self.header("Content-ID", "<image001.png@01DC>") + Self.crlf + Self.crlf
                + Self.base64(Self.pngBytes)
            let related = "_related_\(Self.token(subject))_"
            htmlPart = Self.header("Content-Type", "multipart/related; boundary=\"\(related)\"; type=\"text/html\"")
                + Self.crlf + Self.crlf + Self.multipart([htmlPart, logo], boundary: related)
        }
        if htmlOnly { return htmlPart }
        let alternative = "_alt_\(Self.token(subject))_"
        return Self.header("Content-Type", "multipart/alternative; boundary=\"\(alternative)\"") + Self.crlf + Self.crlf
            + Self.multipart([plain, htmlPart], boundary: alternative)
    }

    static func attachmentPart(_ a: Attachment) -> String {
        var out = header("Content-Type", a.contentType) + crlf
        out += header("Content-Transfer-Encoding", "base64") + crlf
        out += header("Content-Disposition", "\(a.disposition); \(filenameParameter(a.filename))") + crlf
        if let id = a.contentID { out += header("Content-ID", "<\(id)>") + crlf }
        return out + crlf + base64([UInt8](a.data))
    }

    static func multipart(_ parts: [String], boundary: String) -> String {
        parts.map { "--\(boundary)\(crlf)\($0)\(crlf)" }.joined() + "--\(boundary)--\(crlf)"
    }

    static func header(_ name: String, _ value: String) -> String { "\(name): \(value)" }

    // MARK: Encodings

    /// RFC 2047 B words (at most 75 characters each, split on character boundaries) when the
    /// text is not ASCII; folded onto continuation lines.
    static func encodedWords(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        var words: [String] = []
        var chunk = ""
        for character in text {
            if chunk.utf8.count + String(character).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?utf-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\(crlf) ")
    }

    /// `filename="…"` for ASCII names, RFC 2231 `filename*=utf-8''…` otherwise (as Outlook).
    static func filenameParameter(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: { !$0.isASCII }) else { return "filename=\"\(name)\"" }
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return "\(crlf) filename*=utf-8''\(name.addingPercentEncoding(withAllowedCharacters: unreserved) ?? name)"
    }

    /// Quoted-printable with CRLF hard breaks and soft breaks before 76 characters.
    static func quotedPrintable(_ text: String) -> String {
        var out = ""
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            var encoded = ""
            var width = 0
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast)
                let piece = literal ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                if width + piece.count > 75 {
                    encoded += "=\(crlf)"
                    width = 0
                }
                encoded += piece
                width += piece.count
            }
            out += encoded + crlf
        }
        return out
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let encoded = Data(bytes).base64EncodedString()
        var lines: [Substring] = []
        var rest = Substring(encoded)
        while !rest.isEmpty {
            lines.append(rest.prefix(76))
            rest = rest.dropFirst(76)
        }
        return lines.joined(separator: crlf) + crlf
    }

    static func rfc5322(_ date: Date, offsetMinutes: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: offsetMinutes * 60)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    static func instant(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso) ?? Date(timeIntervalSince1970: 0)
    }

    /// A short stable token (FNV-1a) for Message-IDs and boundaries.
    static func token(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }

    // MARK: Attachments

    static let pptxType = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// A 1×1 PNG, Outlook's signature logo stand-in.
    static let pngBytes: [UInt8] = Array(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgAAACAAFUok9dAAAAAElFTkSuQmCC")!)

    static func pptx(_ filename: String, titles: [String], texts: [String] = ["Preguntas frecuentes y escenarios no recurrentes"]) throws -> Attachment {
        let slides = titles.map { OfficeFixture.Slide(title: $0, texts: texts) }
        return Attachment(filename: filename, contentType: pptxType, data: try OfficeFixture.pptx(slides))
    }

    static func docx(_ filename: String, heading: String? = nil, paragraphs: [String] = ["Documento de apoyo para el proveedor."],
                     numbered: [String] = []) throws -> Attachment {
        var blocks: [OfficeFixture.Block] = heading.map { [.heading(styleID: "Heading1", $0)] } ?? []
        blocks += paragraphs.map { .paragraph($0) }
        blocks += numbered.map { .numbered($0) }
        return Attachment(filename: filename, contentType: docxType, data: try OfficeFixture.docx(blocks))
    }

    static func xlsx(_ filename: String, sheet: String = "Hoja1", rows: [[String]]) throws -> Attachment {
        Attachment(filename: filename, contentType: xlsxType, data: try OfficeFixture.xlsx([(name: sheet, rows: rows)]))
    }

    static func pdf(_ filename: String, title: String?, text: String) -> Attachment {
        Attachment(filename: filename, contentType: "application/pdf", data: Data(pdfBytes(title: title, text: text)))
    }

    static func png(_ filename: String) -> Attachment {
        Attachment(filename: filename, contentType: "image/png", data: Data(pngBytes))
    }

    /// A minimal one-page PDF: an Info /Title and one uncompressed `(text) Tj` content stream;
    /// non-ASCII written as octal escapes (PDFDocEncoding agrees with Latin-1 for Spanish).
    static func pdfBytes(title: String?, text: String) -> [UInt8] {
        func literal(_ s: String) -> String {
            var out = "("
            for scalar in s.unicodeScalars {
                switch scalar {
                case "(", ")", "\\": out += "\\\(scalar)"
                case _ where scalar.isASCII: out.unicodeScalars.append(scalar)
                case _ where scalar.value <= 0xFF: out += "\\" + String(scalar.value, radix: 8)
                default: out += "?"
                }
            }
            return out + ")"
        }
        return PDFFixture.onePage(titleLiteral: title.map(literal), producer: "(Microsoft Word)",
                                  content: "BT /F1 12 Tf 72 720 Td \(literal(text)) Tj ET")
    }
}

// MARK: Inspecting

extension RequestMailBuilder {
    /// Rules and calendar are loaded once for every table.
    static let inspector: Inspector = {
        // The shipped rules must load; a broken rules.yaml fails every engine test loudly.
        let rules = try! RulesTests.shipped()
        return Inspector(rules: rules, calendar: BusinessCalendar(), wording: ShippedWording.observations)
    }()

    var message: Message { MessageParser.parse(build()) }

    /// The verdict `inspect` prints for this mail. `now` nil: the request day comes from the
    /// Date header (in Bogotá), as for a mail read from a mailbox.
    func inspect(now: Date? = nil) -> Inspection {
        Self.inspector.inspect(message, file: "built.eml", now: now)
    }

    func read() -> TrainingRequest { Self.inspector.reader.read(message) }
}

// MARK: Complete requests

extension RequestMailBuilder {
    static let fondosSignature = "Cordialmente,\n\nAna María Pérez\nProfesional Vicepresidencia de Fondos en Administración\nICETEX"
    static let creditoSignature = "Cordialmente,\n\nLuisa Fernanda Gómez\nProfesional Vicepresidencia de Crédito y Cobranza\nICETEX"
    static let becasSignature = "Cordialmente,\n\nCamilo Torres\nProfesional Oficina de Relaciones Internacionales\nICETEX"
    static let proyectoSignature = "Cordialmente,\n\nDiana Castro\nProfesional Gerencia de Proyecto Core Bancario\nICETEX"
    static let ocmSignature = "Cordialmente,\n\nPaula Rojas\nProfesional Oficina Comercial y de Mercadeo\nICETEX"
    static let neutralSignature = "Cordialmente,\n\nCarlos Díaz\nProfesional\nICETEX"

    /// Five questions on one topic, numbered as areas write them.
    static let fiveQuestions = [
        "¿Quiénes pueden postularse?",
        "¿Qué documentos debe adjuntar el aspirante?",
        "¿Cuál es el canal de atención?",
        "¿Cuánto tiempo tarda la respuesta?",
        "¿Dónde se consulta el estado de la solicitud?",
    ]

    static func testDocx(_ filename: String = "Test capacitación.docx", questions: [String] = fiveQuestions) throws -> Attachment {
        try docx(filename, heading: nil, paragraphs: ["Responda las siguientes preguntas."], numbered: questions)
    }

    /// A Fondos en Administración request for a new condonable convocatoria with document
    /// review by the provider, with every item 4.2.1 asks; written 16 Feb 2026 for 15 Jun 2026.
    static func fondosCompleto() throws -> RequestMailBuilder {
        var mail = RequestMailBuilder()
        mail.subject = "Solicitud capacitación: Condonación Fondos en Administración - Comunidades Negras"
        mail.intro = "Buenos días, solicitamos la capacitación de la nueva convocatoria del fondo condonable. El proveedor realizará la revisión documental de las postulaciones."
        mail.fields = [
            ("ASUNTO DEL CORREO", "Condonación Fondos en Administración - Comunidades Negras"),
            ("FECHA DE SALIDA A PRODUCCIÓN", "15/06/2026"),
            ("MATERIAL DE APOYO", "Adjunto presentación, reglamento, términos, lista de chequeo, F521, condiciones y proformas"),
            ("TEST", "Adjunto, 5 preguntas"),
        ]
        mail.signature = fondosSignature
        mail.attachments = [
            try pptx("Presentación Capacitación Fondo Comunidades Negras.pptx", titles: ["Fondo Comunidades Negras", "Preguntas frecuentes"]),
            pdf("Reglamento Operativo Fondo Comunidades Negras.pdf", title: "Reglamento Operativo del Fondo", text: "Artículo 1"),
            pdf("Términos de referencia convocatoria 2026-2.pdf", title: "Términos de referencia", text: "Convocatoria 2026-2"),
            try xlsx("Lista de chequeo postulación 2026-2.xlsx", rows: [["Documento", "Obligatorio"], ["Cédula", "Sí"]]),
            try xlsx("F521 Formato Revisión Documental.xlsx", rows: [["Documento", "Cumple"], ["Cédula", ""]]),
            pdf("Condiciones de condonación.pdf", title: "Condiciones de condonación", text: "Condonación por graduación"),
            try docx("Proformas de respuesta PQRSD.docx", heading: "Proformas de respuesta"),
            try testDocx(),
        ]
        return mail
    }
}
