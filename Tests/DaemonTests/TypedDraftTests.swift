import Daemon
import Foundation
import Intake
import MIME
import XCTest

/// The daemon's drafter renders replies from the typed request and verdict (issue 9 item 9):
/// fixture mails are inspected with the shipped rules and templates, then drafted by the real
/// `TemplateDrafter`. Every date the reply states is the verdict's own date written in Spanish,
/// and every observation reads exactly as in the ledger's verdict JSON. With
/// `OCM_REPLY_SHOWCASE=FILE` the rendered bodies are also written to FILE (the closing note).
final class TypedDraftTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Drafted {
        var file: String
        var inspection: Inspection
        var body: String
        var raw: String
    }

    static func draft(_ path: String, revision: Int = 1) throws -> Drafted {
        let rules = try Rules(yaml: String(contentsOf: root.appendingPathComponent("config/rules.yaml"), encoding: .utf8), file: "rules.yaml")
        let holidays = try HolidayOverrides(yaml: String(contentsOf: root.appendingPathComponent("config/holidays.yaml"), encoding: .utf8),
                                            file: "holidays.yaml")
        let drafter = try TemplateDrafter(directory: root.appendingPathComponent("Templates").path, rules: rules,
                                          timeZone: CivilDate.bogotaTimeZone)
        let inspector = Inspector(rules: rules, calendar: BusinessCalendar(overrides: holidays), wording: drafter.wording)
        let message = MessageParser.parse([UInt8](try Data(contentsOf: root.appendingPathComponent(path))))
        let inspection = inspector.inspect(message, file: path, now: nil)
        let verdict = try XCTUnwrap(inspection.verdict, path)
        let reply = try drafter.draft(DraftRequest(
            requestID: "OCM-2026-0042", revision: revision, kind: verdict.reply,
            from: Mailbox(displayName: "Aseguramiento OCM – ICETEX", address: "aseguramientoocm@icetex.gov.co"),
            cc: [Mailbox(address: "formacionocm@icetex.gov.co")], incoming: message, request: inspection.request,
            verdict: verdict, date: Date(timeIntervalSince1970: 1_780_000_000), hostname: "ocm.icetex.gov.co"))
        let parsed = MessageParser.parse(reply.raw)
        let body = try XCTUnwrap(parsed.textBody).replacingOccurrences(of: "\r\n", with: "\n")
        // Decoded, as OCM reads it in the Drafts folder.
        let head = ["From: \(parsed.from.map { "\($0.displayName ?? "") <\($0.normalizedAddress)>" } ?? "")",
                    "To: \(parsed.to.map { "\($0.displayName ?? "") <\($0.normalizedAddress)>" }.joined(separator: ", "))",
                    "Cc: \(parsed.cc.map(\.normalizedAddress).joined(separator: ", "))", "Subject: \(parsed.subject ?? "")"]
        return Drafted(file: path, inspection: inspection, body: body, raw: head.joined(separator: "\n") + "\n\n" + body)
    }

    static let showcase = ["Samples/sample01-credito-completa.eml", "Samples/sample04-proyecto-reenviado.eml",
                           "Samples/sample02-fondos-sin-f521.eml", "Tests/Fixtures/issue9/f1-plan-no-alcanza.eml"]

    func testRepliesStateTheVerdictsOwnDatesAndWords() throws {
        var out = ""
        for path in Self.showcase {
            let drafted = try Self.draft(path)
            let verdict = try XCTUnwrap(drafted.inspection.verdict)
            let body = drafted.body
            // Each deadline: its due day (a business day) as the verdict has it.
            for deadline in verdict.deadlines where verdict.viable {
                XCTAssertTrue(body.contains("a más tardar el \(deadline.due.spanishText), cumplido"), "\(path): \(deadline.rule)\n\(body)")
            }
            // Each observation: the same sentence as the ledger's JSON (`Inspection.observations`).
            for (index, text) in (drafted.inspection.observations ?? []).enumerated() {
                XCTAssertTrue(body.contains("\(index + 1). \(text)\n"), "\(path): \(text)")
            }
            let plan = try XCTUnwrap(verdict.plan, path)
            switch plan.achievable {
            case true? where verdict.reply == .aprobacion:
                XCTAssertTrue(body.contains("La fecha es alcanzable."), "\(path)\n\(body)")
                for activity in plan.activities {
                    guard let latest = activity.latestFinish else { continue }
                    XCTAssertTrue(body.contains("y a más tardar el \(latest.spanishText)"), "\(path): \(activity.id)")
                }
            case false?:
                XCTAssertTrue(body.contains("La fecha de salida a producción más próxima que el plan permite es el \(plan.earliestProductionDate.spanishText)"),
                              "\(path)\n\(body)")
            default: break
            }
            if let production = drafted.inspection.request?.productionDate, verdict.viable {
                XCTAssertTrue(body.contains("Salida a producción: \(production.spanishText)"), "\(path)\n\(body)")
            }
            out += "### \(path) → \(verdict.reply.rawValue)\n\n```\n\(drafted.raw.replacingOccurrences(of: "\r\n", with: "\n"))```\n\n"
        }
        if let file = ProcessInfo.processInfo.environment["OCM_REPLY_SHOWCASE"] {
            try out.write(toFile: file, atomically: true, encoding: .utf8)
        }
    }

    /// The kinds come from the typed verdict: two approvals, two observations.
    func testShowcaseKinds() throws {
        let kinds = try Self.showcase.map { try XCTUnwrap(Self.draft($0).inspection.verdict?.reply) }
        XCTAssertEqual(kinds, [.aprobacion, .aprobacion, .observaciones, .observaciones])
    }
}
