import Foundation
import XCTest

/// Runs the built `ocm-intake` binary as an admin would and checks its output and exit codes.
final class CommandLineTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary sits in the build folder with the test bundle (Linux reports the folder
    /// itself as the bundle URL; Darwin the .xctest inside it).
    static var binary: URL {
        let bundle = Bundle(for: CommandLineTests.self).bundleURL
        let candidates = [bundle.appendingPathComponent("ocm-intake"),
                          bundle.deletingLastPathComponent().appendingPathComponent("ocm-intake")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    func testInspectJSONPrintsTheContractForEachSample() throws {
        let result = try Self.run(["inspect", "--json", "Samples/sample01-credito-completa.eml", "Samples/sample02-fondos-sin-f521.eml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        let keys = ["file", "messageId", "from", "subject", "topic", "area", "kind", "productionDate", "trainingDate",
                    "topics", "questions", "attachments", "viable", "missing", "deadlines", "reply", "skipReason", "observations"]
        XCTAssertTrue(Set(keys).isSubset(of: Set(first?.keys.map { $0 } ?? [])), "every contract key present, null or not")
        XCTAssertEqual(first?["file"] as? String, "sample01-credito-completa.eml")
        XCTAssertEqual(first?["from"] as? String, "lfgomez@icetex.gov.co")
        XCTAssertEqual(first?["messageId"] as? String, "<sample01-credito-completa@icetex.gov.co>")
        XCTAssertEqual(first?["subject"] as? String, "Solicitud de capacitación nueva línea Tú Eliges Pregrado 2026")
        let attachments = first?["attachments"] as? [[String: Any]] ?? []
        XCTAssertEqual(attachments.map { $0["filename"] as? String }, [
            "Capacitación Tú Eliges Pregrado 2026.pptx", "Procedimiento otorgamiento Tú Eliges Pregrado.docx",
            "Plantillas de respuesta.docx", "Test Tú Eliges Pregrado.docx",
        ])
        XCTAssertEqual(attachments.first?["contentType"] as? String,
                       "application/vnd.openxmlformats-officedocument.presentationml.presentation")
        XCTAssertEqual(attachments.first?["bytes"] as? Int, 3528)
    }

    func testMissingFileIsReportedAndTheOthersStillPrint() throws {
        let result = try Self.run(["inspect", "--json", "Samples/no-such-mail.eml", "Samples/sample03-fuera-de-oficina.eml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("Samples/no-such-mail.eml: no such file"), result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 1)
        XCTAssertTrue(result.stdout.contains("sample03-fuera-de-oficina.eml"))
    }

    func testDirectoryIsNotAMailFile() throws {
        let result = try Self.run(["mime", "Samples"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("is a directory"), result.stderr)
    }

    func testBadNowIsAUsageError() throws {
        let result = try Self.run(["inspect", "--now", "ayer", "Samples/sample01-credito-completa.eml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("ISO 8601"), result.stderr)
    }

    func testMimeShowsTheTreeAnAdminNeeds() throws {
        let result = try Self.run(["mime", "Samples/sample04-proyecto-reenviado.eml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = result.stdout
        XCTAssertTrue(text.contains("1 multipart/mixed"), text)
        XCTAssertTrue(text.contains("2 message/rfc822"), text)
        XCTAssertTrue(text.contains("subject=\"Proyecto Portal Transaccional - capacitación proveedor\""), text)
        XCTAssertTrue(text.contains("name=\"Portal Transaccional.pptx\""), text)
    }

    func testMimeJSONNestsChildren() throws {
        let result = try Self.run(["mime", "--json", "Samples/sample01-credito-completa.eml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let root = object?["root"] as? [String: Any]
        XCTAssertEqual(root?["contentType"] as? String, "multipart/mixed")
        let children = root?["children"] as? [[String: Any]] ?? []
        XCTAssertEqual(children.count, 5, "alternative body + 4 attachments")
        XCTAssertEqual((children.first?["children"] as? [Any])?.count, 2, "text/plain + text/html")
        XCTAssertEqual(children.last?["filename"] as? String, "Test Tú Eliges Pregrado.docx")
        XCTAssertEqual(children.last?["attachment"] as? Bool, true)
    }
}

extension CommandLineTests {
    func testCalendarListsTheYearWithLey2578() throws {
        let result = try Self.run(["calendar", "--year", "2026"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 19)
        XCTAssertTrue(result.stdout.contains("2026-07-13  lunes     Nuestra Señora del Rosario de Chiquinquirá"), result.stdout)
    }

    func testCalendarJSONHonoursHolidaysYAML() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("config/rules.yaml"), to: dir.appendingPathComponent("rules.yaml"))
        try "add:\n  - {date: 2026-12-24, name: Cierre institucional}\nremove: [2026-11-16]\n"
            .write(to: dir.appendingPathComponent("holidays.yaml"), atomically: true, encoding: .utf8)
        let result = try Self.run(["calendar", "--year", "2026", "--json", "--config-dir", dir.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let dates = (object?["entries"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
        XCTAssertTrue(dates.contains("2026-12-24"))
        XCTAssertFalse(dates.contains("2026-11-16"))
    }

    func testBrokenHolidaysFileIsAConfigErrorNamingFileLineKey() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("config/rules.yaml"), to: dir.appendingPathComponent("rules.yaml"))
        try "add:\n  - date: 2026-13-01\n    name: Mal\n".write(to: dir.appendingPathComponent("holidays.yaml"), atomically: true, encoding: .utf8)
        let result = try Self.run(["calendar", "--year", "2026", "--config-dir", dir.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("holidays.yaml:2: key 'date'"), result.stderr)
    }
}
