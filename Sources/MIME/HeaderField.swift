/// One header field as it arrived: the name, the unfolded raw value bytes (so output can
/// round-trip and 8-bit junk is not lost) and its byte offset in the message.
public struct HeaderField: Sendable, Hashable {
    public var name: String
    /// Value bytes after the colon, unfolded (CRLF + WSP → WSP), leading whitespace trimmed.
    public var rawValue: [UInt8]
    /// Byte offset of the field's first byte in the whole message.
    public var offset: Int

    public init(name: String, rawValue: [UInt8], offset: Int = 0) {
        self.name = name
        self.rawValue = rawValue
        self.offset = offset
    }

    /// The value decoded as unstructured text (RFC 2047 words decoded).
    public var text: String { EncodedWord.decodeHeaderText(rawValue).text }
}

/// The header block of a message or part: every field in order, duplicates kept.
public struct HeaderFields: Sendable, Hashable, Sequence {
    public var fields: [HeaderField]

    public init(_ fields: [HeaderField] = []) { self.fields = fields }

    /// First field with this name (case-insensitive).
    public subscript(_ name: String) -> HeaderField? {
        fields.first { $0.name.caseInsensitiveEquals(name) }
    }

    /// Every field with this name, in order.
    public func all(_ name: String) -> [HeaderField] {
        fields.filter { $0.name.caseInsensitiveEquals(name) }
    }

    public func makeIterator() -> IndexingIterator<[HeaderField]> { fields.makeIterator() }
}

extension String {
    /// ASCII names (nearly all) are compared byte by byte, folding A-Z: two `lowercased()`
    /// strings per field and lookup were 10 % of `PartMetadata`. Anything else as before.
    func caseInsensitiveEquals(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var a = self, b = other
        if let ascii = a.withUTF8({ x in b.withUTF8 { y in Self.asciiFoldedEquals(x, y) } }) { return ascii }
        return lowercased() == other.lowercased()
    }

    /// Equal bytes up to ASCII case; nil unless both are ASCII (same lengths).
    private static func asciiFoldedEquals(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        var high: UInt8 = 0
        for (x, y) in zip(a, b) { high |= x | y }
        guard high < 0x80 else { return nil }
        for (x, y) in zip(a, b) where x != y {
            if x | 0x20 != y | 0x20 || !(0x61...0x7A).contains(x | 0x20) { return false }
        }
        return true
    }
}
