import Foundation
import MIME
import XCTest

/// Our parser against Python's standard `email` package (policy `default`) on every mail of
/// ../shared/examples and ../shared/corpora: decoded subject, From address, and the list of
/// (filename, content type, decoded byte count) of leaf parts that carry a filename. Every
/// disagreement must be a documented quirk below (with its `// QUIRK:` in the parser) saying why
/// ours is right.
final class DifferentialTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// Disagreements where we deliberately differ from Python: path suffix → exactly the fields
    /// that disagree, and why. A listed file must still disagree on just these fields, so the
    /// list cannot go stale; a disagreement not listed fails.
    static let quirks: [String: (fields: Set<Field>, why: String)] = [
        "mimetools-testmsgs/multi-2evil.msg": ([.parts], Why.gluedWords),
        "mimetools-testmsgs/multi-2gifs-base64.msg": ([.parts], Why.encodedRFC822),
        "mimetools-testmsgs/russian.msg": ([.parts], Why.unquotedWord),
        "mimetools-testmsgs/twopart.msg": ([.parts], Why.encodingBlank),
        "testmsgs/obsolete.msg": ([.subject], Why.obsoleteColon),
        "testmsgs/russian-headers.msg": ([.parts], Why.unquotedWord),
        "eml/legacy/010.eml": ([.subject], Why.latin1),
        "eml/legacy/016.eml": ([.parts], Why.latin1),
        "eml/legacy/020.eml": ([.subject], Why.latin1),
        "eml/legacy/022.eml": ([.subject], Why.latin1),
        "eml/legacy/023.eml": ([.parts], Why.latin1),
        "eml/legacy/026.eml": ([.parts], Why.latin1),
        "eml/legacy/027.eml": ([.subject], Why.latin1),
        "eml/legacy/052.eml": ([.subject], Why.latin1),
        "eml/malformed/017.eml": ([.parts], Why.foldedParameter),
        "eml/malformed/019.eml": ([.subject], Why.obsoleteColon),
    ]

    /// The reasons, each pointing at its `// QUIRK:` and at the unit test that pins it.
    enum Why {
        static let latin1 = "raw Latin-1 bytes in the header from Eudora 4 / Outlook 2000: we read Windows-1252 "
            + "(Frösche), Python gives U+FFFD (EncodedWord.Output.flushLiteral; \"raw Latin-1\" cases)"
        static let gluedWords = "RFC 2047 words glued into a quoted filename: decoded as Thunderbird does "
            + "(3d-compress.gif); Python keeps them literal (decodePlain; \"escapes and glued words in quotes\")"
        static let unquotedWord = "unquoted `filename==?koi8-r?B?…?=`: decoded as Thunderbird does (Список.doc); "
            + "Python drops the parameter as invalid (decodePlain; \"unquoted encoded word\")"
        static let encodedRFC822 = "base64 message/rfc822 (forbidden by RFC 2046 5.2.1, sent by gateways): we decode "
            + "it and list its files; Python leaves it opaque (MessageParser.nestedMessage; testBase64EncodedRFC822)"
        static let encodingBlank = "`Content-Transfer-Encoding: base64 ` with a trailing blank: we decode it; "
            + "Python 3.11 does not recognise it and counts the base64 text (PartMetadata; "
            + "testTransferEncodingWithTrailingBlanks)"
        static let obsoleteColon = "`Name :` on the first header line, obsolete syntax RFC 5322 4.5.3 says to "
            + "accept: we read the header, Python takes the whole mail for body (HeaderBlock; "
            + "testObsoleteSpaceBeforeColonOnTheFirstLine)"
        static let foldedParameter = "`multipart/mixed` folded into `boundary=` without `;`: we split the parts "
            + "and keep image001.png; Python finds no boundary and loses it (Scanner.leadingValue; "
            + "testFoldedBoundaryWithoutSemicolonStillSplits)"
    }

    enum Field: String, Hashable { case subject, from, parts }

    struct Reading: Equatable, CustomStringConvertible {
        var subject: String?
        var from: String?
        var parts: [Triple]

        struct Triple: Equatable, CustomStringConvertible {
            var filename: String
            var contentType: String
            var bytes: Int
            var description: String { "(\(filename), \(contentType), \(bytes))" }
        }

        var description: String { "subject=\(subject.debugDescription) from=\(from.debugDescription) parts=\(parts)" }
    }

    static func mailFiles() -> [URL] {
        var files: [URL] = []
        for folder in ["examples", "corpora"] {
            let root = shared.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["eml", "msg"].contains(url.pathExtension) {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    static func ours(_ url: URL) throws -> Reading {
        let message = MessageParser.parse([UInt8](try Data(contentsOf: url)))
        var parts: [Reading.Triple] = []
        collect(message.root, into: &parts)
        return Reading(subject: message.subject, from: message.from?.address, parts: parts)
    }

    private static func collect(_ part: MIMEPart, into parts: inout [Reading.Triple]) {
        switch part.body {
        case .multipart(let children): children.forEach { collect($0, into: &parts) }
        case .message(let inner): collect(inner.root, into: &parts)
        case .leaf, .opaque:
            if let name = part.filename, !name.isEmpty {
                parts.append(.init(filename: name, contentType: part.mimeType, bytes: part.decodedSize ?? 0))
            }
        }
    }

    static func python(_ files: [URL]) throws -> [String: Reading] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/pyemail_summary.py").path] + files.map(\.path)
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var readings: [String: Reading] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let row = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let file = row["file"] as? String, row["error"] == nil else { continue }
            let parts = (row["parts"] as? [[Any]] ?? []).map {
                Reading.Triple(filename: $0[0] as? String ?? "", contentType: $0[1] as? String ?? "", bytes: $0[2] as? Int ?? -1)
            }
            readings[file] = Reading(subject: row["subject"] as? String, from: row["from"] as? String, parts: parts)
        }
        return readings
    }

    func testAgreesWithPythonEmail() throws {
        guard FileManager.default.fileExists(atPath: Self.shared.path) else {
            throw XCTSkip("NOTICE: ../shared is absent; the differential test against Python's email is skipped")
        }
        let files = Self.mailFiles()
        XCTAssertGreaterThan(files.count, 150, "corpora not found where expected")
        let reference = try Self.python(files)
        var agreeing = 0, subjects = 0, froms = 0, partLists = 0, compared = 0, quirked = 0
        var unmatchedQuirks = Set(Self.quirks.keys)
        for file in files {
            guard let theirs = reference[file.path] else { continue }
            compared += 1
            let mine = try Self.ours(file)
            let subjectOK = mine.subject == theirs.subject
            let fromOK = mine.from == theirs.from
            let partsOK = mine.parts == theirs.parts
            if subjectOK { subjects += 1 }
            if fromOK { froms += 1 }
            if partsOK { partLists += 1 }
            let name = file.path.replacingOccurrences(of: Self.shared.path + "/", with: "")
            let failing = [subjectOK ? nil : Field.subject, fromOK ? nil : .from, partsOK ? nil : .parts].compactMap { $0 }
            let listed = Self.quirks.filter { name.hasSuffix($0.key) }
            XCTAssertLessThanOrEqual(listed.count, 1, "\(name) matches several quirks: \(listed.keys.sorted())")
            listed.keys.forEach { unmatchedQuirks.remove($0) }
            let quirk = listed.first?.value
            if failing.isEmpty {
                agreeing += 1
                if let quirk { XCTFail("\(name) now agrees with Python: drop its quirk (\(quirk.why))") }
                continue
            }
            if let quirk, Set(failing) == quirk.fields {
                quirked += 1
                continue
            }
            let note = quirk.map { "\n  listed quirk on \($0.fields.map(\.rawValue).sorted()) only: \($0.why)" } ?? ""
            XCTFail("\(name) disagrees on \(failing.map(\.rawValue)):\n  ours:   \(mine)\n  python: \(theirs)\(note)")
        }
        XCTAssertEqual(unmatchedQuirks, [], "quirks listed for files that were not compared")
        print("differential agreement with Python email: \(agreeing)/\(compared) files agree on all three "
              + "(subject \(subjects)/\(compared), from \(froms)/\(compared), attachments \(partLists)/\(compared)); "
              + "\(quirked) documented quirks; \(files.count - compared) files the reference could not read")
    }
}
