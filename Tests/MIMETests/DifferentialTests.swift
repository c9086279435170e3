import Foundation
import MIME
import XCTest

/// Our parser against Python's standard `email` package (policy `default`) on every mail of
/// ../shared/examples and ../shared/corpora: decoded subject, From address, and the list of
/// (filename, content type, decoded byte count) of leaf parts that carry a filename. Every
/// disagreement must be a documented `// QUIRK:` below saying why ours is right.
final class DifferentialTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// Disagreements where we deliberately differ from Python, by file suffix and field.
    static let quirks: [String: (field: Field, why: String)] = [:]

    enum Field: String { case subject, from, parts }

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
            if subjectOK && fromOK && partsOK { agreeing += 1; continue }
            let name = file.path.replacingOccurrences(of: Self.shared.path + "/", with: "")
            let failing = [subjectOK ? nil : Field.subject, fromOK ? nil : .from, partsOK ? nil : .parts].compactMap { $0 }
            if let quirk = Self.quirks.first(where: { name.hasSuffix($0.key) }), failing == [quirk.value.field] {
                quirked += 1
                continue
            }
            XCTFail("\(name) disagrees on \(failing.map(\.rawValue)):\n  ours:   \(mine)\n  python: \(theirs)")
        }
        print("differential agreement with Python email: \(agreeing)/\(compared) files agree on all three "
              + "(subject \(subjects)/\(compared), from \(froms)/\(compared), attachments \(partLists)/\(compared)); "
              + "\(quirked) documented quirks; \(files.count - compared) files the reference could not read")
    }
}
