import Foundation
import MIME

/// A file attached to a built message.
public struct MailAttachment: Sendable, Hashable {
    public var filename: String
    /// Full Content-Type value, e.g. `text/calendar; method=REQUEST; charset=utf-8`.
    public var contentType: String
    public var bytes: [UInt8]

    public init(filename: String, contentType: String, bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }
}

/// `multipart/mixed` around what `MessageBuilder` writes: the builder lays out and sanitises the
/// header fields and encodes the text part; the attachments follow it in base64 (76-column lines).
/// `MessageBody` has no attachment case, and this keeps the MIME target untouched.
public enum MixedMessage {
    static let boundary = "=_ocm-intake-mixed"

    public static func build(_ builder: MessageBuilder, attachments: [MailAttachment]) -> [UInt8] {
        let built = builder.build()
        guard !attachments.isEmpty, let split = range(of: Array("MIME-Version: 1.0\r\n".utf8), in: built),
              let blank = range(of: [0x0D, 0x0A, 0x0D, 0x0A], in: built, from: split.upperBound) else { return built }
        let fields = Array(built[..<split.upperBound])
        let bodyFields = Array(built[split.upperBound..<blank.lowerBound + 2])
        let body = Array(built[blank.upperBound...])
        var out = fields
        out += Array("Content-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n\r\n".utf8)
        out += Array("--\(boundary)\r\n".utf8) + bodyFields + [0x0D, 0x0A] + body
        for file in attachments {
            let name = file.filename.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && !$0.isNewline }
            out += Array("--\(boundary)\r\n".utf8)
            // Parameters on continuation lines keep header lines within 78 characters.
            out += Array("Content-Type: \(file.contentType);\r\n name=\"\(name)\"\r\n".utf8)
            out += Array("Content-Disposition: attachment;\r\n filename=\"\(name)\"\r\n".utf8)
            out += Array("Content-Transfer-Encoding: base64\r\n\r\n".utf8)
            out += Array(Data(file.bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]).utf8)
            out += [0x0D, 0x0A]
        }
        out += Array("--\(boundary)--\r\n".utf8)
        return out
    }

    static func range(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Range<Int>? {
        guard needle.count <= haystack.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0], Array(haystack[i..<i + needle.count]) == needle { return i..<i + needle.count }
            i += 1
        }
        return nil
    }
}
