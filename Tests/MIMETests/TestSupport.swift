import XCTest
@testable import MIME

/// Mails written inline use LF; `crlf` turns them into wire form.
func mail(_ s: String, crlf: Bool = true) -> [UInt8] {
    Array((crlf ? s.replacingOccurrences(of: "\n", with: "\r\n") : s).utf8)
}

func parse(_ s: String, crlf: Bool = true, limits: ParseLimits = .default) -> Message {
    MessageParser.parse(mail(s, crlf: crlf), limits: limits)
}

func text(_ part: MIMEPart?) -> String? {
    guard let part, case .leaf(let b) = part.body else { return nil }
    return String(decoding: b, as: UTF8.self)
}

func kinds(_ m: Message) -> [MIMEWarning.Kind] { m.warnings.map(\.kind) }

extension Message {
    func part(_ path: String) -> MIMEPart? { allParts.first { $0.path == path } }
}

enum Fixture {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: dir.appendingPathComponent(name)))
    }
}
