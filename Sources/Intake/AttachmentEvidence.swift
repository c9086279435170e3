import MIME

/// What an attachment offers the procedure: its name and type, the titles a reviewer would
/// look at first (slide titles, headings, PDF title, sheet header row), all its text lines, its
/// spreadsheet rows, and whatever could not be read.
public struct AttachmentEvidence: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable { case pptx, docx, xlsx, pdf, other }

    public var filename: String?
    public var contentType: String
    public var bytes: Int
    public var format: Format
    public var titles: [String]
    public var lines: [String]
    public var rows: [[String]]
    public var warnings: [String]

    public init(filename: String?, contentType: String, bytes: Int, format: Format = .other, titles: [String] = [],
                lines: [String] = [], rows: [[String]] = [], warnings: [String] = []) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
        self.format = format
        self.titles = titles
        self.lines = lines
        self.rows = rows
        self.warnings = warnings
    }

    /// Reads an attachment part: Office files through `OfficeInspector`, PDFs through `PDFText`,
    /// anything else by name and type only. Bounded by `limits`; never throws.
    public init(part: MIMEPart, limits: OfficeLimits = .default) {
        let content: [UInt8]?
        switch part.body {
        case .leaf(let bytes): content = bytes
        case .opaque: content = nil
        case .multipart, .message: content = []
        }
        self.init(filename: part.filename, contentType: part.mimeType, data: content, byteCount: part.decodedSize, limits: limits)
    }

    /// Reads a file that arrived some other way than as its own MIME part (inside winmail.dat),
    /// exactly as a part is read. `data` nil: the file was not kept (past a size limit), so it
    /// is known by name, type and `byteCount` only.
    public init(filename: String?, contentType: String, data: [UInt8]?, byteCount: Int? = nil, limits: OfficeLimits = .default) {
        self.init(filename: filename, contentType: contentType, bytes: byteCount ?? data?.count ?? 0)
        guard let data else {
            warnings.append("parte no leída: supera los límites de tamaño")
            return
        }
        inspect(data, limits: limits)
    }

    /// Fills format, titles, lines and rows from the file's bytes.
    private mutating func inspect(_ content: [UInt8], limits: OfficeLimits) {
        let ext = (filename ?? "").split(separator: ".").last.map { $0.lowercased() } ?? ""
        if ext == "pdf" || contentType == "application/pdf" {
            format = .pdf
            guard let pdf = PDFText.titleAndText(content) else {
                warnings.append("no es un PDF legible")
                return
            }
            titles = [pdf.title].compactMap { $0 }
            lines = titles + pdf.text.split(separator: "\n").map(String.init)
            if pdf.isEncrypted { warnings.append("PDF cifrado") }
            return
        }
        guard ["pptx", "docx", "xlsx", "pptm", "docm", "xlsm", "potx", "ppsx"].contains(ext) || contentType.contains("openxmlformats") else {
            return
        }
        let (document, problems) = OfficeInspector.inspect(content, filename: filename, contentType: contentType, limits: limits)
        warnings += problems.map(\.description)
        guard let document else { return }
        format = Format(rawValue: document.kind.rawValue) ?? .other
        lines = document.lines
        var heads: [String] = [document.title].compactMap { $0 }
        heads += document.slides.compactMap(\.title)
        heads += document.paragraphs.filter { $0.headingLevel != nil }.map(\.text)
        if let first = document.paragraphs.first(where: { !$0.text.isEmpty }) { heads.append(first.text) }
        for sheet in document.sheets {
            heads.append(sheet.name)
            if let header = sheet.rows.first { heads.append(header.joined(separator: " ")) }
        }
        titles = heads
        rows = document.sheets.flatMap(\.rows)
    }
}
