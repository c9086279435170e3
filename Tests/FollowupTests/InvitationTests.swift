// The proposal mail and its .ics: the invitation is read back by Python's `icalendar` (an
// independent parser), and its lines are checked against RFC 5545's layout rules here.
import Followup
import Foundation
import Intake
import MIME
import XCTest

final class InvitationTests: XCTestCase {
    static func draft() -> ProposalDraft {
        let planner = SessionPlanner(calendar: BusinessCalendar())
        let proposal = planner.proposal(on: CivilDate("2026-06-25")!, requestID: "OCM-2026-0007", hours: 1.5, sessions: [
            TrainingSession(requestID: "OCM-2026-0004", date: CivilDate("2026-06-23")!, startMinutes: 540, hours: 1, audience: "a", place: "p"),
        ])
        return ProposalDraft(
            proposal: proposal, topic: "Nuevo reglamento de crédito; línea Tú Eliges, versión 2",
            from: Mailbox(displayName: "Formación OCM", address: "formacionocm@icetex.gov.co"),
            to: [Mailbox(displayName: "Ana Pérez", address: "aperez@icetex.gov.co")],
            cc: [Mailbox(displayName: "Aseguramiento OCM", address: "aseguramientoocm@icetex.gov.co")],
            date: Date(timeIntervalSince1970: 1_780_315_200), hostname: "ocm.icetex.gov.co", weeklyCap: 3)
    }

    func testProposalMailCarriesTheSessionDiffusionWeekAndTheInvitation() throws {
        let draft = Self.draft()
        let raw = draft.build()
        let lines = String(decoding: raw, as: UTF8.self).components(separatedBy: "\r\n")
        XCTAssertEqual(lines.filter { $0.utf8.count > 78 }, [], "every line within 78 characters")
        XCTAssertFalse(String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")
        let message = MessageParser.parse(raw)
        XCTAssertEqual(message.subject, "[OCM-2026-0007] Propuesta de sesión de capacitación: Nuevo reglamento de crédito; línea Tú Eliges, versión 2")
        XCTAssertEqual(message.from?.address, "formacionocm@icetex.gov.co")
        XCTAssertEqual(message.to.map(\.address), ["aperez@icetex.gov.co"])
        XCTAssertEqual(message.cc.map(\.address), ["aseguramientoocm@icetex.gov.co"])
        let body = message.bodyText
        XCTAssertTrue(body.contains("- Fecha: jueves 25 de junio de 2026"), body)
        XCTAssertTrue(body.contains("- Hora: 09:00 a 10:30 (hora de Bogotá)"), body)
        XCTAssertTrue(body.contains("semana 2026-W27, del lunes 29 de junio de 2026 al viernes 3 de julio de 2026"), body)
        XCTAssertTrue(body.contains("con esta sesión suma 2,5 h de capacitación de las 3 h"), body)
        let ics = try XCTUnwrap(message.attachments.first { $0.filename == "OCM-2026-0007.ics" })
        XCTAssertEqual(ics.mimeType, "text/calendar")
        XCTAssertEqual(ics.contentType["method"], "REQUEST")
        XCTAssertEqual(ics.content.map { String(decoding: $0, as: UTF8.self) }, draft.invitation.render())
        // A proposal, not a confirmed session: calendars show it as tentative.
        XCTAssertTrue(draft.invitation.render().contains("\r\nSTATUS:TENTATIVE\r\n"))
        if ProcessInfo.processInfo.environment["OCM_PRINT_DRAFT"] != nil {
            print(String(decoding: draft.build(), as: UTF8.self))
        }
    }

    func testInvitationLinesFollowRFC5545() {
        let text = Self.draft().invitation.render()
        XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF")
        for line in lines { XCTAssertLessThanOrEqual(line.utf8.count, 75, line) }
        XCTAssertTrue(lines.contains { $0.hasPrefix(" ") }, "the long SUMMARY is folded")
        XCTAssertTrue(text.contains("METHOD:REQUEST\r\n"))
        XCTAssertTrue(text.contains("DTSTART;TZID=America/Bogota:20260625T090000\r\n"))
        XCTAssertTrue(text.contains("DTSTAMP:20260601T120000Z\r\n"))
    }

    /// Python's icalendar (pip) reads it back: method, zone, times, UID, escaped text.
    func testInvitationParsesWithPythonICalendar() throws {
        guard Self.python(["-c", "import icalendar"]).status == 0 else {
            print("NOTICE: Python icalendar not installed (scripts/install-deps); skipping the independent .ics parse")
            throw XCTSkip("python3 -m pip install icalendar")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ocm-\(UUID().uuidString).ics")
        try Data(Self.draft().invitation.render().utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import icalendar, json, sys
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            ev = [c for c in cal.walk('VEVENT')][0]
            tz = [c for c in cal.walk('VTIMEZONE')][0]
            start, end = ev.decoded('DTSTART'), ev.decoded('DTEND')
            print(json.dumps({'method': str(cal['METHOD']), 'tz': str(tz['TZID']), 'uid': str(ev['UID']),
                'start': start.isoformat(), 'end': end.isoformat(), 'tzname': str(start.tzinfo),
                'offset': start.utcoffset().total_seconds(), 'summary': str(ev['SUMMARY']),
                'attendees': [str(a) for a in ev.get('ATTENDEE')], 'stamp': ev.decoded('DTSTAMP').isoformat()}))
            """
        let run = Self.python(["-c", script, file.path])
        XCTAssertEqual(run.status, 0, run.output)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], run.output)
        XCTAssertEqual(json["method"] as? String, "REQUEST")
        XCTAssertEqual(json["tz"] as? String, "America/Bogota")
        XCTAssertEqual(json["uid"] as? String, "OCM-2026-0007.sesion@ocm.icetex.gov.co")
        XCTAssertEqual(json["start"] as? String, "2026-06-25T09:00:00-05:00")
        XCTAssertEqual(json["end"] as? String, "2026-06-25T10:30:00-05:00")
        XCTAssertEqual(json["offset"] as? Double, -18000)
        XCTAssertEqual(json["summary"] as? String, "Capacitación OCM-2026-0007: Nuevo reglamento de crédito; línea Tú Eliges, versión 2")
        XCTAssertEqual(json["attendees"] as? [String], ["mailto:aperez@icetex.gov.co", "mailto:aseguramientoocm@icetex.gov.co"])
        XCTAssertEqual(json["stamp"] as? String, "2026-06-01T12:00:00+00:00")
    }

    static func python(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
