import Foundation

/// The JSON error challenge a server sends when it refuses a bearer token (RFC 7628 §3.2.2:
/// `+ eyJ…` in IMAP, `334 eyJ…` in SMTP; Exchange and Dovecot send `{"status":"401",…}`).
/// Pure, for fuzzing: the lines come from the server.
public enum OAuthErrorChallenge {
    /// The decoded JSON of the last challenge among `lines`, printable ASCII only, at most 300
    /// characters (it is quoted in an error message).
    public static func json(in lines: [String]) -> String? {
        for line in lines.reversed() {
            guard let payload = payload(of: line),
                  let data = Data(base64Encoded: String(payload), options: [.ignoreUnknownCharacters]),
                  data.first == UInt8(ascii: "{") else { continue }
            let printable = data.prefix(4_096).filter { $0 >= 0x20 && $0 < 0x7F }
            return String(decoding: printable.prefix(300), as: UTF8.self)
        }
        return nil
    }

    /// The challenge's `status` field ("401", "400"…), when it is a JSON object with one.
    public static func status(ofJSON json: String) -> String? {
        let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
        switch object?["status"] {
        case let text as String: return OAuthPrintable.text(text, limit: 16)
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    static func payload(of line: String) -> Substring? {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("+ ") { return text.dropFirst(2) }
        if text.hasPrefix("334 ") { return text.dropFirst(4) }
        return nil
    }
}
