/// What a PDF stream's dictionary says: plain content, FlateDecode content we inflate, or
/// something that holds no shown text (images, fonts, cross-reference and object streams,
/// metadata) or that we cannot decode (other filters, predictors).
enum PDFStreamKind: Equatable {
    case plain
    case flate
    /// Filtered with something we do not decode: counted, not read.
    case undecodable
    /// Holds no page text: neither read nor counted.
    case notText

    /// Names that mark a stream without page text wherever they appear in its dictionary.
    static let notTextNames: Set<String> = ["/Length1", "/Length2", "/Length3", "/DCTDecode", "/JPXDecode",
                                            "/JBIG2Decode", "/CCITTFaxDecode", "/DCT", "/CCF"]
    /// Values of `/Type` and `/Subtype` that mark one.
    static let notTextTypes: Set<String> = ["/Image", "/XRef", "/ObjStm", "/Metadata", "/EmbeddedFile", "/Type1C",
                                            "/CIDFontType0C", "/OpenType"]

    init(dictionary: ArraySlice<UInt8>) {
        let names = Self.names(in: dictionary.prefix(4_096))
        var filters: [String] = []
        for (index, name) in names.enumerated() {
            if Self.notTextNames.contains(name) { self = .notText; return }
            if name == "/Type" || name == "/Subtype", index + 1 < names.count, Self.notTextTypes.contains(names[index + 1]) {
                self = .notText; return
            }
            if name == "/Filter" {
                filters = Array(names[(index + 1)...].prefix { $0.hasSuffix("Decode") || $0 == "/Fl" })
            }
        }
        if filters.isEmpty { self = names.contains("/Filter") ? .undecodable : .plain; return }
        let flate = filters == ["/FlateDecode"] || filters == ["/Fl"]
        self = flate && !names.contains("/Predictor") ? .flate : .undecodable
    }

    /// The name tokens (`/Name`) of a dictionary, in order.
    static func names(in bytes: ArraySlice<UInt8>) -> [String] {
        var names: [String] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard bytes[i] == UInt8(ascii: "/") else { i += 1; continue }
            var j = i + 1
            while j < bytes.endIndex, !isDelimiter(bytes[j]) { j += 1 }
            names.append(String(decoding: bytes[i..<j], as: UTF8.self))
            i = j
        }
        return names
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte <= 0x20 || "()<>[]{}/%".utf8.contains(byte)
    }
}
