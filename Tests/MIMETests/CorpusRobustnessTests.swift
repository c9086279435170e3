import XCTest
@testable import MIME

/// Parses every file of the public corpora (`<package root>/../shared/corpora`): no crash, no
/// hang, each within 2 s, and the accessors usable on the result.
final class CorpusRobustnessTests: XCTestCase {
    static let corpora = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpora").standardized

    func mailFiles() throws -> [URL] {
        let root = Self.corpora
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw XCTSkip("corpora not found at \(root.path); robustness corpus not checked")
        }
        let mailExtensions: Set<String> = ["eml", "msg", "mime", "txt", "mbox"]
        var files: [URL] = []
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            if mailExtensions.contains(url.pathExtension.lowercased()) { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    func testEveryCorpusFileParsesBoundedInTime() throws {
        let files = try mailFiles()
        XCTAssertGreaterThan(files.count, 100)
        var total: TimeInterval = 0
        var warnings = 0
        for url in files {
            let bytes = Array(try Data(contentsOf: url))
            let start = Date()
            let m = MessageParser.parse(bytes)
            // Touch what the daemon reads, so accessor paths are exercised too.
            _ = (m.subject, m.from, m.messageID, m.references, m.attachments.map(\.filename), m.bodyText, m.allParts.count)
            let elapsed = Date().timeIntervalSince(start)
            total += elapsed
            warnings += m.warnings.count
            XCTAssertLessThan(elapsed, 2, "\(url.lastPathComponent) took \(elapsed) s")
        }
        print("corpus: \(files.count) files parsed in \(String(format: "%.3f", total)) s, \(warnings) warnings")
    }

    func testCorpusUnderTightLimits() throws {
        let tight = ParseLimits(maxHeaderBytes: 512, maxHeaderFields: 8, maxDepth: 2, maxParts: 4,
                                maxPartDecodedBytes: 1024, maxTotalDecodedBytes: 2048, maxBodyTextCharacters: 200)
        for url in try mailFiles() {
            let m = MessageParser.parse(Array(try Data(contentsOf: url)), limits: tight)
            XCTAssertLessThanOrEqual(m.allParts.filter { $0.content != nil }.count, 8, url.lastPathComponent)
            XCTAssertLessThanOrEqual(m.bodyText.count, 200, url.lastPathComponent)
        }
    }
}
