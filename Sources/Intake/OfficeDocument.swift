/// The text of one pptx/docx/xlsx attachment, in reading order, shaped so the material rules
/// can match slide titles, headings, numbered questions and checklist rows.
public struct OfficeDocument: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case pptx, docx, xlsx
    }

    public struct Slide: Sendable, Hashable {
        /// 1-based position in the presentation's slide order (not the part's file name).
        public var number: Int
        /// The title/ctrTitle placeholder's text, else the slide's first non-empty paragraph.
        public var title: String?
        /// Every text paragraph on the slide, title included, in document order.
        public var paragraphs: [String]

        public init(number: Int, title: String?, paragraphs: [String]) {
            self.number = number
            self.title = title
            self.paragraphs = paragraphs
        }
    }

    public struct Paragraph: Sendable, Hashable {
        public var text: String
        /// 1...9 for Heading/Título N styles (or an outline level), 0 for the Title style,
        /// nil for body text.
        public var headingLevel: Int?
        /// The paragraph carries Word numbering (`w:numPr`): a numbered or bulleted item.
        public var isListItem: Bool
        /// A table row, its cells joined as "cell: cell".
        public var isTableRow: Bool

        public init(text: String, headingLevel: Int? = nil, isListItem: Bool = false, isTableRow: Bool = false) {
            self.text = text
            self.headingLevel = headingLevel
            self.isListItem = isListItem
            self.isTableRow = isTableRow
        }
    }

    public struct Sheet: Sendable, Hashable {
        public var name: String
        /// Rows in file order; cells placed by column letter, trailing empty cells dropped,
        /// rows with no text left out.
        public var rows: [[String]]

        public init(name: String, rows: [[String]]) {
            self.name = name
            self.rows = rows
        }
    }

    public var kind: Kind
    /// `dc:title` from docProps/core.xml, when the author filled it in.
    public var title: String?
    public var slides: [Slide]
    public var paragraphs: [Paragraph]
    public var sheets: [Sheet]

    public init(kind: Kind, title: String? = nil, slides: [Slide] = [], paragraphs: [Paragraph] = [], sheets: [Sheet] = []) {
        self.kind = kind
        self.title = title
        self.slides = slides
        self.paragraphs = paragraphs
        self.sheets = sheets
    }
}

extension OfficeDocument {
    /// All text as lines (slide paragraphs, document paragraphs, sheet rows as "a: b"), for
    /// keyword rules that do not care about structure.
    public var lines: [String] {
        var out: [String] = []
        if let title { out.append(title) }
        for slide in slides { out.append(contentsOf: slide.paragraphs) }
        out.append(contentsOf: paragraphs.map(\.text))
        for sheet in sheets {
            for row in sheet.rows { out.append(row.filter { !$0.isEmpty }.joined(separator: ": ")) }
        }
        return out
    }

    public var text: String { lines.joined(separator: "\n") }

    /// True when nothing readable was found (an empty deck, a blank page, an empty workbook).
    public var isEmpty: Bool { lines.allSatisfy { $0.isEmpty } }
}
