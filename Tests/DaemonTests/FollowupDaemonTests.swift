// Issue 12 against the real Dovecot of a private lab: a viable request produces the approval
// reply and, from formacionocm@, the session proposal with its .ics; the provider's results mail
// is recorded (effectiveness per file), below target a reinforcement proposal is drafted for the
// area, an unreadable file gets the one note to the provider; nothing else is addressed to the
// provider's domain, and the area's question-bank mail is recorded as a step, never answered.
import Daemon
import Followup
import Foundation
import Intake
import Ledger
import Logging
import MIME
import XCTest

final class FollowupTestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ iso: String) { current = ISO8601DateFormatter().date(from: iso)! }
    func set(_ iso: String) { lock.withLock { current = ISO8601DateFormatter().date(from: iso)! } }
    func now() -> Date { lock.withLock { current } }
}

final class FollowupDaemonTests: XCTestCase {
    static let provider = "proveedor.com.co"

    /// APPEND with an INTERNALDATE (the mail's arrival for the daemon), through Python's imaplib:
    /// an independent client, as curl cannot set the date.
    func appendDated(_ lab: PrivateLab, _ user: String, _ raw: String, arrived: String) throws {
        let file = URL(fileURLWithPath: lab.dir).appendingPathComponent("dated-\(UUID().uuidString).eml")
        try Data(raw.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import imaplib, ssl, sys, urllib.parse
            url, user, pw, ca, path, date = sys.argv[1:]
            u = urllib.parse.urlparse(url)
            m = imaplib.IMAP4_SSL(u.hostname, u.port, ssl_context=ssl.create_default_context(cafile=ca))
            m.login(user, pw)
            typ, data = m.append("INBOX", None, '"' + date + '"', open(path, "rb").read())
            sys.exit(0 if typ == "OK" else 1)
            """
        let result = try runProcess("/usr/bin/python3", ["-c", script, lab.imapsURL, lab.address(user), "pw-\(user)", lab.ca,
                                                         file.path, arrived])
        guard result.status == 0 else { throw LabFailure("imaplib APPEND: \(result.all)") }
    }

    func makeDaemon(_ work: DaemonWorkspace, clock: FollowupTestClock) throws -> IntakeDaemon {
        let configuration = try DaemonConfiguration.load(path: work.configPath)
        let directory = URL(fileURLWithPath: configuration.rulesDirectory)
        let rulesFile = directory.appendingPathComponent("rules.yaml").path
        let rules = try Rules(yaml: try String(contentsOfFile: rulesFile, encoding: .utf8), file: rulesFile)
        let holidaysFile = directory.appendingPathComponent("holidays.yaml").path
        let overrides = try HolidayOverrides(yaml: try String(contentsOfFile: holidaysFile, encoding: .utf8), file: holidaysFile)
        var followup = try FollowupConfig.load(directory: directory)
        followup.providerDomains = [Self.provider]
        var logger = Logger(label: "followup-daemon-tests")
        logger.logLevel = .warning
        return try IntakeDaemon(configuration: configuration, rules: rules, calendar: BusinessCalendar(overrides: overrides),
                                drafter: try TemplateDrafter(directory: configuration.templatesDirectory, rules: rules,
                                                             timeZone: configuration.timeZone),
                                logger: logger, now: { clock.now() }, followup: followup)
    }

    func providerMail(_ lab: PrivateLab, subject: String, files: [(String, String, String)]) -> String {
        var text = "From: Calidad Operativa <calidad@\(Self.provider)>\r\nTo: \(lab.address("formacionocm"))\r\nSubject: \(subject)\r\n"
        text += "Date: Wed, 08 Jul 2026 09:00:00 -0500\r\nMessage-ID: <\(UUID().uuidString)@\(Self.provider)>\r\nMIME-Version: 1.0\r\n"
        text += "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nAdjuntamos los resultados.\r\n"
        for (name, type, body) in files {
            text += "--b\r\nContent-Type: \(type)\r\nContent-Disposition: attachment; filename=\"\(name)\"\r\n\r\n\(body)\r\n"
        }
        return text + "--b--\r\n"
    }

    func drafts(_ lab: PrivateLab, _ user: String) throws -> [String] {
        try lab.uids(user, mailbox: "Drafts").map { try lab.fetch(user, mailbox: "Drafts", uid: $0) }
    }

    /// A header as a person reads it: unfolded and decoded (Subject text, address lists).
    func header(_ name: String, _ raw: String) -> String {
        let message = MessageParser.parse(Array(raw.utf8))
        switch name {
        case "Subject": return message.subject ?? ""
        case "From": return message.from?.address ?? ""
        case "To": return message.to.map(\.address).joined(separator: ", ")
        case "Cc": return message.cc.map(\.address).joined(separator: ", ")
        default: return ""
        }
    }

    func testViableRequestProposalProviderResultsAndSteps() async throws {
        let lab = try PrivateLab.start()
        defer { lab.destroy() }
        let work = try DaemonWorkspace()
        defer { work.remove() }
        try work.writeIMAPConfig(lab: lab)
        let clock = FollowupTestClock("2026-04-13T14:00:00Z")
        let daemon = try makeDaemon(work, clock: clock)
        _ = await daemon.cycle()   // first start: the (empty) baseline

        // Monday 13 April 2026: the credit area's complete request (sample01) for production on
        // Saturday 1 August, 110 days ahead (a new line asks for 90 calendar days).
        let request = try TestMail.request(from: lab.address("ana"), date: ISO8601DateFormatter().date(from: "2026-04-13T15:05:00Z")!)
        try appendDated(lab, "aseguramientoocm", String(decoding: request.raw, as: UTF8.self), arrived: "13-Apr-2026 10:05:00 -0500")
        // The same request from another area user, five minutes later: viable too, proposed in the
        // same cycle, so the first proposal's 2 h must count against the week's 3 h.
        let second = try TestMail.request(from: lab.address("jorge"), date: ISO8601DateFormatter().date(from: "2026-04-13T15:10:00Z")!)
        try appendDated(lab, "aseguramientoocm", String(decoding: second.raw, as: UTF8.self), arrived: "13-Apr-2026 10:10:00 -0500")
        clock.set("2026-04-13T16:00:00Z")
        let first = await daemon.cycle()
        XCTAssertNil(first.ledgerError)
        XCTAssertEqual(first.opened, ["OCM-2026-0001", "OCM-2026-0002"])
        XCTAssertEqual(first.proposed, ["OCM-2026-0001", "OCM-2026-0002"])
        let ledger = try work.ledger()
        let id = try XCTUnwrap(RequestID("OCM-2026-0001"))
        XCTAssertEqual(try ledger.request(byID: id)?.state, .viable)
        let approval = try drafts(lab, "aseguramientoocm")
        XCTAssertEqual(approval.count, 2)
        let proposals = try drafts(lab, "formacionocm")
        XCTAssertEqual(proposals.count, 2)
        let proposal = try XCTUnwrap(proposals.first { header("Subject", $0).contains("[OCM-2026-0001]") })
        XCTAssertTrue(header("Subject", proposal).contains("[OCM-2026-0001] Propuesta de sesi"), proposal)
        XCTAssertTrue(header("From", proposal).contains(lab.address("formacionocm")), proposal)
        XCTAssertTrue(header("To", proposal).contains(lab.address("ana")), proposal)
        XCTAssertTrue(header("Cc", proposal).contains(lab.address("aseguramientoocm")), proposal)
        XCTAssertTrue(proposal.contains("text/calendar; method=REQUEST"), proposal)
        // The session falls inside the engine's plan window and keeps 16 business days of conciliation.
        let record = try XCTUnwrap(ledger.sessionProposal(of: id))
        let verdict = try XCTUnwrap(ledger.request(byID: id)?.verdictJSON)
        let window = Followup.TrainingWindow(verdictJSON: verdict, today: CivilDate("2026-04-13")!)
        let day = try XCTUnwrap(CivilDate(record.date))
        XCTAssertTrue(window.contains(day), "\(day) in \(window)")
        XCTAssertGreaterThanOrEqual(BusinessCalendar().businessDays(after: CivilDate("2026-04-13")!, through: day.adding(days: -1)), 16)
        // The second request's session does not fit the same ISO week (2 h + 2 h > 3 h): the next week.
        let other = try XCTUnwrap(ledger.sessionProposal(of: try XCTUnwrap(RequestID("OCM-2026-0002"))))
        let otherDay = try XCTUnwrap(CivilDate(other.date))
        XCTAssertEqual(ISOWeek(containing: otherDay), ISOWeek(containing: day.adding(days: 7)), "\(day) then \(otherDay)")
        // A second cycle proposes nothing again.
        let again = await daemon.cycle()
        XCTAssertEqual(again.proposed, [])
        XCTAssertEqual(try drafts(lab, "formacionocm").count, 2)
        if let keep = ProcessInfo.processInfo.environment["OCM_KEEP_PROPOSAL"] { try Data(proposal.utf8).write(to: URL(fileURLWithPath: keep)) }

        // Staff confirm the proposed day; the day after, the daemon moves the request to impartida.
        try ledger.confirmSession(id, SessionPlan(date: record.date, startMinutes: record.startMinutes, hours: record.hours,
                                                  audience: "Asesores", place: "Teams"))
        XCTAssertEqual(try ledger.request(byID: id)?.state, .programada)
        clock.set(day.adding(days: 1).description + "T15:00:00Z")
        _ = await daemon.cycle()
        XCTAssertEqual(try ledger.request(byID: id)?.state, .impartida)

        // The provider's results (misional 4 of 6 evaluated pass: 66.7 % < 80 %; replica 9/10),
        // an unreadable file, and the area's question-bank mail.
        let misional = "Nombre;Asistió;Nota (%)\nAna;Sí;95\nBeto;Sí;80\nCaro;Sí;85\nDani;Sí;90\nEva;Sí;60\nFede;Sí;70\nGina;No;\n"
        let replica = "Asesor,Puntaje\n" + [100, 90, 85, 80, 80, 95, 88, 82, 99, 79].enumerated().map { "p\($0),\($1)" }.joined(separator: "\n") + "\n"
        try appendDated(lab, "formacionocm", providerMail(lab, subject: "RE: [OCM-2026-0001] Resultados", files: [
            ("sesion_misional.csv", "text/csv; charset=utf-8", misional), ("replica_canales.csv", "text/csv; charset=utf-8", replica)]),
            arrived: "08-Jul-2026 09:00:00 -0500")
        try appendDated(lab, "formacionocm", providerMail(lab, subject: "[OCM-2026-0001] Resultados réplica 2", files: [
            ("replica2.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "esto no es un xlsx")]),
            arrived: "08-Jul-2026 10:00:00 -0500")
        let bank = "From: Ana Test <\(lab.address("ana"))>\r\nTo: \(lab.address("formacionocm"))\r\n"
            + "Subject: [OCM-2026-0001] Banco de preguntas\r\nDate: Thu, 09 Jul 2026 08:00:00 -0500\r\n"
            + "Message-ID: <bank-\(UUID().uuidString)@icetex.gov.co>\r\n\r\nAdjunto el banco de preguntas.\r\n"
        try appendDated(lab, "formacionocm", bank, arrived: "09-Jul-2026 08:00:00 -0500")
        clock.set("2026-07-09T15:00:00Z")
        let results = await daemon.cycle()
        XCTAssertNil(results.ledgerError)
        XCTAssertEqual(results.opened, [], "no mail of this cycle is a new request")
        XCTAssertEqual(results.skipped["seguimiento"], 3, "\(results)")
        let recorded = try ledger.results(of: id)
        XCTAssertEqual(recorded.map(\.source), ["misional", "replica"])
        XCTAssertEqual(recorded.map(\.passed), [4, 9])
        XCTAssertEqual(recorded.map(\.evaluated), [6, 10])
        XCTAssertEqual(Set(try ledger.steps(of: id).map(\.step)), ["resultados", "banco_preguntas"])
        XCTAssertEqual(try ledger.messages(of: id).count, 1, "follow-up mail is evidence, not part of the request's thread")
        XCTAssertEqual(try ledger.request(byID: id)?.state, .impartida)

        let followups = try drafts(lab, "formacionocm").filter { !header("Subject", $0).contains("Propuesta de sesi") }
        XCTAssertEqual(followups.count, 2, followups.joined(separator: "\n\n"))
        let reinforcement = try XCTUnwrap(followups.first { header("Subject", $0).contains("Propuesta de refuerzo") })
        XCTAssertTrue(header("To", reinforcement).contains(lab.address("ana")), reinforcement)
        XCTAssertTrue(header("Cc", reinforcement).contains(lab.address("aseguramientoocm")), reinforcement)
        let unreadable = try XCTUnwrap(followups.first { header("Subject", $0).contains("no pudimos leer el archivo replica2.xlsx") })
        XCTAssertTrue(header("To", unreadable).contains("calidad@\(Self.provider)"), unreadable)
        // Nothing else is addressed to the provider's domain: only the unreadable-file note.
        let all = try drafts(lab, "formacionocm") + drafts(lab, "aseguramientoocm")
        XCTAssertEqual(all.filter { (header("To", $0) + header("Cc", $0)).contains(Self.provider) }.count, 1)
        XCTAssertEqual(try drafts(lab, "aseguramientoocm").count, 2, "the area's step mail got no reply")
        if let keep = ProcessInfo.processInfo.environment["OCM_KEEP_PROPOSAL"] {
            try Data(reinforcement.utf8).write(to: URL(fileURLWithPath: keep + ".refuerzo.eml"))
            try Data(unreadable.utf8).write(to: URL(fileURLWithPath: keep + ".ilegible.eml"))
        }
    }
}
