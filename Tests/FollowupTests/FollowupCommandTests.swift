// The after-approval commands run as OCM staff would, on a ledger on disk seeded through the
// ledger's own API: schedule (refusal, exception, week load), results import, report (numbers
// checked; HTML rendered in headless Chromium and checked not blank).
import Foundation
import Ledger
import XCTest

final class SeedClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()
    /// Noon UTC (07:00 in Bogotá) of `day`.
    func set(_ day: String) {
        let f = ISO8601DateFormatter()
        lock.withLock { current = f.date(from: day + "T12:00:00Z")! }
    }
    func now() -> Date { lock.withLock { current } }
}

final class FollowupCommandTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ocm-followup-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let package = Self.packageRoot.path
        try """
        mailboxes:
          - role: aseguramiento
            address: aseguramientoocm@icetex.gov.co
            url: maildir:mail/aseguramientoocm
          - role: formacion
            address: formacionocm@icetex.gov.co
            url: maildir:mail/formacionocm
        review: drafts
        poll_interval: 5
        ledger: ledger.sqlite
        templates: \(package)/Templates
        rules: \(package)/config
        hostname: test.icetex.gov.co
        """.write(to: root.appendingPathComponent("ocm-intake.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        if ProcessInfo.processInfo.environment["OCM_KEEP_REPORT"] == nil { try? FileManager.default.removeItem(at: root) }
    }

    var config: String { root.appendingPathComponent("ocm-intake.yaml").path }

    static var binary: URL {
        let bundle = Bundle(for: FollowupCommandTests.self).bundleURL
        let candidates = [bundle.appendingPathComponent("ocm-intake"), bundle.deletingLastPathComponent().appendingPathComponent("ocm-intake")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    @discardableResult
    func run(_ arguments: [String], status expected: Int32 = 0) throws -> String {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments + ["--config", config]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: o, as: UTF8.self) + String(decoding: e, as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, expected, "\(arguments): \(text)")
        return text
    }

    /// Four requests, June–July 2026:
    /// 1 fondos/nuevo, opened 1 Jun, viable at the first mail on 3 Jun (2 business days);
    /// 2 credito/actualizacion, opened 2 Jun, observations 4 and 9 Jun, viable 12 Jun (7 business days: 3,4,5,9,10,11,12);
    /// 3 fondos/nuevo, opened 5 Jun, observations (still waiting);
    /// 4 fondos/refuerzo (the area's answer to the reinforcement proposal of 1), opened 10 Jul, no verdict yet.
    func seed() throws {
        let clock = SeedClock()
        let ledger = try Ledger(path: root.appendingPathComponent("ledger.sqlite").path, now: { clock.now() })
        clock.set("2026-06-01")
        try ledger.recordBaseline(mailbox: "aseguramiento", uidValidity: 1, uidNext: 1)
        func open(_ uid: UInt32, _ day: String, _ area: String, _ kind: String) throws -> RequestID {
            clock.set(day)
            let id = "<r\(uid)@icetex.gov.co>"
            let raw = Data("From: Area \(uid) <area\(uid)@icetex.gov.co>\r\nSubject: Solicitud \(uid)\r\nMessage-ID: \(id)\r\n\r\nTEMA: Tema \(uid)\r\nDURACI\u{D3}N: \(uid == 1 ? "2 horas" : "90 minutos")\r\n".utf8)
            let m = try ledger.recordMessage(mailbox: "aseguramiento", uidValidity: 1, uid: uid, messageID: id, raw: raw)
            _ = try ledger.markParsed(m.rowID)
            return try ledger.openRequest(for: m.rowID, year: 2026, fields: RequestFields(
                area: area, kind: kind, topic: "Tema \(uid)", productionDate: "2026-08-18")).id
        }
        func verdict(_ id: RequestID, _ revision: Int, _ state: RequestState, _ day: String) throws {
            clock.set(day)
            _ = try ledger.recordVerdict(request: id, revision: revision, state: state, verdictJSON: nil)
        }
        let one = try open(1, "2026-06-01", "fondos", "nuevo")
        let two = try open(2, "2026-06-02", "credito", "actualizacion")
        let three = try open(3, "2026-06-05", "fondos", "nuevo")
        try verdict(one, 1, .viable, "2026-06-03")
        try verdict(two, 1, .observacionesEnviadas, "2026-06-04")
        try verdict(two, 2, .observacionesEnviadas, "2026-06-09")
        try verdict(two, 3, .viable, "2026-06-12")
        try verdict(three, 1, .observacionesEnviadas, "2026-06-08")
        _ = try open(4, "2026-07-10", "fondos", "refuerzo")
    }

    func mail(_ name: String, subject: String, date: String, attachments: [(String, String)] = []) throws -> String {
        var text = "From: Calidad <calidad@proveedor.com.co>\r\nTo: formacionocm@icetex.gov.co\r\nSubject: \(subject)\r\n"
        text += "Date: \(date)\r\nMessage-ID: <\(name)@proveedor.com.co>\r\nMIME-Version: 1.0\r\n"
        text += "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nAdjuntamos.\r\n"
        for (file, body) in attachments {
            text += "--b\r\nContent-Type: text/csv; charset=utf-8\r\nContent-Disposition: attachment; filename=\"\(file)\"\r\n\r\n\(body)\r\n"
        }
        text += "--b--\r\n"
        let url = root.appendingPathComponent(name + ".eml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testScheduleResultsAndReport() throws {
        try seed()
        // Proposal on 3 June: Wednesday 1 July is the first day with 16 business days of
        // conciliation (8, 15 and 29 June are holidays).
        let eml = root.appendingPathComponent("propuesta.eml").path
        let proposed = try run(["schedule", "propose", "OCM-2026-0001", "--today", "2026-06-03", "--out", eml])
        XCTAssertTrue(proposed.contains("proposed 2026-07-01 (2 h), diffusion 2026-W27"), proposed)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("propuesta.ics").path))
        // Tuesday 30 June is refused with the reason; 1 July is confirmed.
        let refused = try run(["schedule", "confirm", "OCM-2026-0001", "2026-06-30", "--today", "2026-06-03"], status: 1)
        XCTAssertTrue(refused.contains("la conciliación con el proveedor necesita 16 días hábiles antes de 2026-06-30; solo hay 15"), refused)
        try run(["schedule", "confirm", "OCM-2026-0001", "2026-07-01", "--today", "2026-06-03"])
        // Request 2 (DURACIÓN: 90 minutos) on Thursday 2 July breaks two rules; the directors' exception records it.
        let broken = try run(["schedule", "confirm", "OCM-2026-0002", "2026-07-02", "--today", "2026-06-12"], status: 1)
        XCTAssertTrue(broken.contains("la semana 2026-W27 ya tiene 2 h de capacitación; con 1,5 h más supera el ANS de 3 h"), broken)
        let excepted = try run(["schedule", "confirm", "OCM-2026-0002", "2026-07-02", "--today", "2026-06-12",
                                "--exception", "Acordado con la Vicepresidencia de Crédito (acta 12)"])
        XCTAssertTrue(excepted.contains("diffusion week 2026-W28"), excepted)   // Thursday → following week
        // A request still under observations gets no proposal.
        let early = try run(["schedule", "propose", "OCM-2026-0003", "--today", "2026-06-12"], status: 1)
        XCTAssertTrue(early.contains("OCM-2026-0003 is observaciones_enviadas"), early)
        let week = try run(["schedule", "week", "2026-W27", "--today", "2026-06-12"])
        XCTAssertTrue(week.contains("2026-W27: 3,5 h of 3 h  OVER THE ANS"), week)
        // The day after, both sessions were given.
        let list = try run(["schedule", "list", "--today", "2026-07-03"])
        XCTAssertTrue(list.contains("OCM-2026-0001: session given, request now impartida"), list)
        XCTAssertTrue(list.contains("excepción: Acordado con la Vicepresidencia de Crédito (acta 12)"), list)

        // 5.2.11 delivery on 3 July (due by 8 July), then results on 8 July: misional 4/6, replica 9/10.
        let delivery = try mail("entrega", subject: "[OCM-2026-0001] Entrega de material por ruta segura", date: "Fri, 3 Jul 2026 10:00:00 -0500")
        let misional = "Nombre;Asistió;Nota (%)\nAna;Sí;95\nBeto;Sí;80\nCaro;Sí;85\nDani;Sí;90\nEva;Sí;60\nFede;Sí;70\nGina;No;\nHugo;Sí;\n"
        let replica = "Asesor,Puntaje\n" + [100, 90, 85, 80, 80, 95, 88, 82, 99, 79].enumerated().map { "p\($0),\($1)" }.joined(separator: "\n") + "\n"
        let results = try mail("resultados", subject: "RE: [OCM-2026-0001] Resultados", date: "Wed, 8 Jul 2026 09:00:00 -0500",
                               attachments: [("sesion_misional.csv", misional), ("replica_canales.csv", replica)])
        let drafts = root.appendingPathComponent("drafts").path
        let imported = try run(["results", "import", delivery, results, "--today", "2026-07-10", "--drafts", drafts])
        XCTAssertTrue(imported.contains("OCM-2026-0001: step entrega_proveedor on 2026-07-03"), imported)
        XCTAssertTrue(imported.contains("sesion_misional.csv (misional, percent): 4/6 passed = 66.7 %"), imported)
        XCTAssertTrue(imported.contains("replica_canales.csv (replica, hundred): 9/10 passed = 90.0 %"), imported)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: drafts), ["OCM-2026-0001-refuerzo-misional.eml"])
        try run(["results", "import", results, "--today", "2026-07-10", "--drafts", drafts])   // same files: recorded once
        // Overdue on 10 July: request 1 lacks attendance (due 3 Jul) and question bank (6 Jul);
        // request 2 lacks all three (6, 7 and 9 Jul).
        let missing = try run(["results", "missing", "--today", "2026-07-10"])
        XCTAssertTrue(missing.contains("OCM-2026-0001  session 2026-07-01  missing banco_preguntas (Banco de preguntas (5.2.8–5.2.10)), due 2026-07-06"), missing)
        XCTAssertTrue(missing.contains("5 missing step(s)"), missing)
        // `status` lists them too (today is after July 2026, so the same five).
        let status = try run(["status"])
        XCTAssertTrue(status.contains("missing later steps: 5"), status)
        XCTAssertTrue(status.contains("MISSING OCM-2026-0002  session 2026-07-02  missing asistencia"), status)

        // 5.2.15: request 1 is below target, so it is not closed plainly; request 4 (the area's new
        // mail) is not given yet, so it cannot be closed; linking it as the reinforcement closes 1.
        let notClosed = try run(["results", "close", "OCM-2026-0001", "--today", "2026-07-10"], status: 1)
        XCTAssertTrue(notClosed.contains("below the 80 % target in sesion_misional.csv"), notClosed)
        try run(["results", "close", "OCM-2026-0004", "--today", "2026-07-10"], status: 1)
        let linked = try run(["results", "close", "OCM-2026-0001", "--reinforcement", "OCM-2026-0004", "--today", "2026-07-10"])
        XCTAssertTrue(linked.contains("OCM-2026-0001: cerrada; reinforcement in OCM-2026-0004"), linked)

        let json = try run(["report", "--from", "2026-06-01", "--to", "2026-07-31", "--format", "json", "--today", "2026-07-10"])
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], json)
        func counts(_ key: String) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: (report[key] as? [[String: Any]] ?? []).map { ($0["key"] as! String, $0["count"] as! Int) })
        }
        XCTAssertEqual(report["requests"] as? Int, 4)
        XCTAssertEqual(counts("byArea"), ["fondos": 3, "credito": 1])
        XCTAssertEqual(counts("byKind"), ["nuevo": 2, "actualizacion": 1, "refuerzo": 1])
        XCTAssertEqual(counts("byState"), ["cerrada": 1, "impartida": 1, "observaciones_enviadas": 1, "recibida": 1])
        XCTAssertEqual(counts("byMonth"), ["2026-06": 3, "2026-07": 1])
        XCTAssertEqual(report["judged"] as? Int, 3)
        XCTAssertEqual(report["completeAtFirstMail"] as? Int, 1)                    // only request 1
        XCTAssertEqual(report["averageObservationRounds"] as? Double, 1)           // (0 + 2 + 1) / 3
        XCTAssertEqual(report["averageBusinessDaysToViable"] as? Double, 4.5)      // (2 + 7) / 2
        XCTAssertEqual(report["sessionsGiven"] as? Int, 2)
        XCTAssertEqual(report["deliveredOnTime"] as? Int, 1)
        XCTAssertEqual(report["testApplied"] as? Int, 1)
        XCTAssertEqual(report["misional"] as? [String: Int], ["participants": 8, "evaluated": 6, "passed": 4])
        XCTAssertEqual(report["replica"] as? [String: Int], ["participants": 10, "evaluated": 10, "passed": 9])
        let weeks = report["weeks"] as? [[String: Any]] ?? []
        XCTAssertEqual(weeks.first { $0["week"] as? String == "2026-W27" }?["hours"] as? Double, 3.5)   // 2 h + DURACIÓN "90 minutos"
        XCTAssertEqual(weeks.filter { $0["overCap"] as? Bool == true }.count, 1)
        let files = report["files"] as? [[String: Any]] ?? []
        XCTAssertEqual(files.map { $0["source"] as? String }, ["misional", "replica"])   // recorded once each
        XCTAssertEqual(files.last?["effectiveness"] as? [String: Int], ["participants": 10, "evaluated": 10, "passed": 9])

        let csv = try run(["report", "--from", "2026-06-01", "--to", "2026-07-31", "--format", "csv", "--today", "2026-07-10"])
        XCTAssertTrue(csv.contains("OCM-2026-0001,fondos,nuevo,cerrada,0,2,si,si,si,66.7,90.0"), csv)
        XCTAssertTrue(csv.contains("OCM-2026-0002,credito,actualizacion,impartida,2,7,no,no,no,,"), csv)

        let html = root.appendingPathComponent("informe.html")
        try run(["report", "--from", "2026-06-01", "--to", "2026-07-31", "--today", "2026-07-10", "--out", html.path])
        let page = try String(contentsOf: html, encoding: .utf8)
        XCTAssertFalse(page.contains("http://") && page.contains("src="), "no external resource")
        XCTAssertTrue(page.contains("<svg"))
        XCTAssertTrue(page.contains("<td>replica_canales.csv</td><td>2026-07-08</td><td>10</td><td>9</td><td>90,0 %</td>"), page)
        try screenshot(html)
    }

    /// followup.yaml is part of the configuration the daemon loads: `check-config` refuses a bad
    /// value with file, line and key (exit 2), as for every other configuration file.
    func testCheckConfigNamesABadFollowupKey() throws {
        let rules = root.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        for file in ["rules.yaml", "holidays.yaml"] {
            try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("config/\(file)"), to: rules.appendingPathComponent(file))
        }
        try "semana_max_horas: 3\nmeta_efectividad: 120\n".write(to: rules.appendingPathComponent("followup.yaml"), atomically: true, encoding: .utf8)
        let yaml = try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: "rules: \(Self.packageRoot.path)/config", with: "rules: \(rules.path)")
        try yaml.write(toFile: config, atomically: true, encoding: .utf8)
        let refused = try run(["check-config"], status: 2)
        XCTAssertTrue(refused.contains("followup.yaml") && refused.contains(":2") && refused.contains("meta_efectividad"), refused)
    }

    /// A move re-sends the invitation with the next SEQUENCE (calendars replace the old one); a
    /// cancellation sends METHOD:CANCEL. Same UID throughout.
    func testMoveAndCancelWriteTheInvitation() throws {
        try seed()
        try run(["schedule", "confirm", "OCM-2026-0001", "2026-07-01", "--today", "2026-06-03"])
        let moved = root.appendingPathComponent("movida.ics")
        let output = try run(["schedule", "move", "OCM-2026-0001", "2026-07-08", "--today", "2026-06-05", "--out", moved.path])
        XCTAssertTrue(output.contains("(movida desde 2026-07-01)"), output)
        let ics = try String(contentsOf: moved, encoding: .utf8)
        XCTAssertTrue(ics.contains("METHOD:REQUEST\r\n") && ics.contains("SEQUENCE:1\r\n"), ics)
        XCTAssertTrue(ics.contains("DTSTART;TZID=America/Bogota:20260708T090000\r\n"), ics)
        XCTAssertTrue(ics.contains("UID:OCM-2026-0001.sesion@test.icetex.gov.co\r\n"), ics)
        // Moving into a holiday is refused: 20 July is Independence Day.
        let holiday = try run(["schedule", "move", "OCM-2026-0001", "2026-07-20", "--today", "2026-06-05"], status: 1)
        XCTAssertTrue(holiday.contains("2026-07-20 no es día hábil"), holiday)
        let cancelled = root.appendingPathComponent("cancelada.ics")
        try run(["schedule", "cancel", "OCM-2026-0001", "--today", "2026-06-05", "--out", cancelled.path])
        let cancel = try String(contentsOf: cancelled, encoding: .utf8)
        XCTAssertTrue(cancel.contains("METHOD:CANCEL\r\n") && cancel.contains("STATUS:CANCELLED\r\n") && cancel.contains("SEQUENCE:2\r\n"), cancel)
        // Nothing is given on 9 July: the session was cancelled.
        let list = try run(["schedule", "list", "--today", "2026-07-09"])
        XCTAssertFalse(list.contains("session given"), list)
        XCTAssertTrue(list.contains("2026-07-08  09:00  2 h  OCM-2026-0001  cancelada  (movida desde 2026-07-01)"), list)
    }

    /// Headless Chromium renders the report; its PNG must be far larger than a blank page's of
    /// the same size (a white page compresses to almost nothing).
    func screenshot(_ html: URL) throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("NOTICE: chromium not installed (scripts/install-deps); the HTML report screenshot check is skipped")
            return
        }
        func shoot(_ page: URL, _ png: URL) throws -> Int {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,1400",
                                 "--user-data-dir=\(root.appendingPathComponent("chromium").path)", "--screenshot=\(png.path)", page.absoluteString]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        }
        let blank = root.appendingPathComponent("blank.html")
        try "<!DOCTYPE html><html><body></body></html>".write(to: blank, atomically: true, encoding: .utf8)
        let blankSize = try shoot(blank, root.appendingPathComponent("blank.png"))
        let png = root.appendingPathComponent("informe.png")
        let size = try shoot(html, png)
        print("report screenshot: \(size) bytes, blank page: \(blankSize) bytes (\(png.path))")
        XCTAssertGreaterThan(blankSize, 0, "chromium produced no screenshot")
        XCTAssertGreaterThan(size, 5 * blankSize, "the report screenshot looks blank")
        if let keep = ProcessInfo.processInfo.environment["OCM_REPORT_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: keep))
        }
    }
}
