/// The body of a built message: UTF-8 text, quoted-printable, optionally with an HTML
/// alternative. It writes its own MIME header fields, so they always agree with the content.
public enum MessageBody: Sendable, Hashable {
    case plain(String)
    /// `multipart/alternative`: the plain text first, the HTML last (the preferred one, RFC 2046 5.1.4).
    case alternative(plain: String, html: String)

    /// The boundary of `.alternative`. `=_` can never occur in quoted-printable output (an `=`
    /// there is always followed by two hex digits or a line break), so the fixed boundary cannot
    /// collide with the content and the output stays byte-for-byte reproducible.
    static let boundary = "=_ocm-intake-alternative"

    /// Header fields of the message for this body, after MIME-Version.
    var headerLines: [UInt8] {
        switch self {
        case .plain:
            return Self.textFieldLines("text/plain")
        case .alternative:
            return HeaderFolder.fold(name: "Content-Type", [
                HeaderFolder.Token("multipart/alternative;"), HeaderFolder.Token("boundary=\"\(Self.boundary)\""),
            ])
        }
    }

    /// The body bytes after the blank line, ending in CRLF.
    var bytes: [UInt8] {
        switch self {
        case .plain(let text):
            return Self.encodedText(text)
        case .alternative(let plain, let html):
            let delimiter = Array("--\(Self.boundary)\r\n".utf8)
            // The CRLF before a delimiter belongs to the delimiter (RFC 2046 5.1.1), not the part.
            var out = delimiter + Self.textFieldLines("text/plain") + [0x0D, 0x0A] + QuotedPrintable.encode(plain) + [0x0D, 0x0A]
            out += delimiter + Self.textFieldLines("text/html") + [0x0D, 0x0A] + QuotedPrintable.encode(html) + [0x0D, 0x0A]
            out += Array("--\(Self.boundary)--\r\n".utf8)
            return out
        }
    }

    /// Quoted-printable text whose last line ends in CRLF (one is added only when the text
    /// does not end with a line break already).
    static func encodedText(_ text: String) -> [UInt8] {
        let encoded = QuotedPrintable.encode(text)
        return encoded.suffix(2) == [0x0D, 0x0A] ? encoded : encoded + [0x0D, 0x0A]
    }

    static func textFieldLines(_ type: String) -> [UInt8] {
        HeaderFolder.fold(name: "Content-Type", [HeaderFolder.Token("\(type);"), HeaderFolder.Token("charset=utf-8")])
            + HeaderFolder.fold(name: "Content-Transfer-Encoding", [HeaderFolder.Token("quoted-printable")])
    }
}
