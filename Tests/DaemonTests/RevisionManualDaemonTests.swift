import Foundation
import XCTest

/// A request whose area and kind cannot be told: the daemon drafts a note to OCM staff only
/// (To: the OCM mailbox, no Cc, nothing to the area) and the request waits in requiere_revision.
final class RevisionManualDaemonTests: XCTestCase {
    private var work: DaemonWorkspace!

    override func setUpWithError() throws {
        work = try DaemonWorkspace()
        try work.writeMaildirConfig()
    }

    override func tearDown() { work?.remove() }

    func testUndecidedRequestGoesToOCMStaffOnly() throws {
        let box = work.dir.appendingPathComponent("mail/aseguramientoocm")
        for name in ["aseguramientoocm", "formacionocm"] {
            for sub in ["cur", "new", "tmp"] {
                try FileManager.default.createDirectory(at: work.dir.appendingPathComponent("mail/\(name)/\(sub)"), withIntermediateDirectories: true)
            }
        }
        let mail = [
            "From: Carlos Díaz <carlos.diaz@icetex.gov.co>", "To: aseguramientoocm@icetex.gov.co",
            "Subject: Capacitación asesores", "Date: Mon, 02 Mar 2026 09:00:00 -0500", "Message-ID: <undecided.1@icetex.gov.co>",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
            "Buenos días, necesitamos capacitar a los asesores del proveedor en el nuevo esquema de atención presencial.",
            "", "FECHA DE SALIDA A PRODUCCIÓN: 01/09/2026", "TEST: 5 preguntas", "", "Saludos,", "Carlos", "",
        ].joined(separator: "\r\n")
        try Data(mail.utf8).write(to: box.appendingPathComponent("new/undecided.eml"))

        let run = try work.onceOK(["--backfill-since", "2026-01-01"])
        XCTAssertTrue(run.stdout.contains("opened 1 request(s)"), run.all)
        let requests = try work.ledger().requests()
        XCTAssertEqual(requests.map(\.state.rawValue), ["requiere_revision"])
        let drafts = box.appendingPathComponent(".Drafts/cur")
        let names = try FileManager.default.contentsOfDirectory(atPath: drafts.path)
        XCTAssertEqual(names.count, 1)
        let text = String(decoding: try Data(contentsOf: drafts.appendingPathComponent(names[0])), as: UTF8.self)
        // Header fields unfolded (a long display name folds the line).
        let headers = text.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ").components(separatedBy: "\r\n")
        let to = headers.filter { $0.hasPrefix("To: ") }
        XCTAssertEqual(to.count, 1, text)
        XCTAssertTrue(to.allSatisfy { $0.hasSuffix("<aseguramientoocm@icetex.gov.co>") && !$0.contains("carlos") }, "\(to)")
        XCTAssertTrue(headers.filter { $0.hasPrefix("Cc: ") }.isEmpty, text)
        XCTAssertTrue(headers.contains { $0.hasPrefix("Message-ID: <OCM-2026-0001.r1.revision-manual@") }, text)
    }
}
