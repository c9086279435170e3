import ArgumentParser
import Followup
import Foundation
import Intake
import Ledger

/// `ocm-intake report --from --to [--format html|csv|json] [--out FILE]`: section 6's figures
/// from the ledger.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Control figures of section 6: requests, first control, delivery, effectiveness, weekly load.")

    @OptionGroup var common: ScheduleCommand.Common
    @Option(name: .long, help: "First day (YYYY-MM-DD).") var from: String
    @Option(name: .long, help: "Last day (YYYY-MM-DD).") var to: String
    @Option(name: .long, help: "html, csv or json.") var format: String = "html"
    @Option(name: .long, help: "Write here instead of standard output.") var out: String?

    func run() throws {
        guard let first = CivilDate(from), let last = CivilDate(to), first <= last else {
            throw ValidationError("--from and --to: YYYY-MM-DD, --from not after --to")
        }
        guard ["html", "csv", "json"].contains(format) else { throw ValidationError("--format: html, csv or json") }
        let context = try common.open()
        let input = try Self.input(context, from: first, to: last)
        let report = FollowupReport(input, calendar: context.calendar)
        let text: String
        switch format {
        case "csv": text = ReportRenderer.csv(report)
        case "json": text = ReportRenderer.json(report)
        default: text = ReportRenderer.html(report)
        }
        if let out {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out))
            print("report: \(out)")
        } else {
            print(text, terminator: "")
        }
    }

    /// Reads the ledger into the report's plain values: the audit trail gives the first
    /// verdict, the observation rounds and the day a request became viable (Bogotá days).
    static func input(_ context: FollowupContext, from: CivilDate, to: CivilDate) throws -> ReportInput {
        let ledger = context.ledger
        let results = Dictionary(grouping: try ledger.results(), by: \.request)
        let steps = Dictionary(grouping: try ledger.steps(), by: \.request)
        let delivery = context.followup.steps.first { $0.id == "entrega_proveedor" }
        var rows: [ReportRequest] = []
        for record in try ledger.requests() {
            let audit = try ledger.audit(for: .request(record.id))
            // Only the verdicts' own moves ("verdict revision N"); staff notes share the trail.
            let verdicts = audit.filter { $0.reason?.hasPrefix("verdict") == true }
            let viable = verdicts.first { $0.toState == "viable" }
            let session = try ledger.session(of: record.id)
            let files = results[record.id] ?? []
            func effectiveness(_ source: String) -> Effectiveness? {
                let parts = files.filter { $0.source == source }
                guard !parts.isEmpty else { return nil }
                return Effectiveness.total(parts.map { Effectiveness(participants: $0.participants, evaluated: $0.evaluated, passed: $0.passed) })
            }
            rows.append(ReportRequest(
                id: record.id.description, area: record.fields.area ?? "sin área", kind: record.fields.kind ?? "sin tipo",
                state: record.state.rawValue, openedDay: FollowupContext.bogotaDay(record.openedAt),
                firstVerdict: verdicts.first?.toState,
                observationRounds: verdicts.filter { $0.toState == "observaciones_enviadas" }.count,
                viableDay: viable.map { FollowupContext.bogotaDay($0.at) },
                sessionDate: session.flatMap { $0.status == .cancelada ? nil : CivilDate($0.date) },
                deliveredDay: steps[record.id]?.first { $0.step == "entrega_proveedor" }.flatMap { CivilDate($0.day) },
                testApplied: !files.isEmpty, misional: effectiveness("misional"), replica: effectiveness("replica")))
        }
        let files = try ledger.results().compactMap { r in
            CivilDate(r.day).map {
                ReportResult(request: r.request.description, source: ResultSource(rawValue: r.source) ?? .misional, fileName: r.fileName,
                             day: $0, effectiveness: Effectiveness(participants: r.participants, evaluated: r.evaluated, passed: r.passed))
            }
        }
        return ReportInput(from: from, to: to, requests: rows, sessions: try context.bookedSessions(), results: files,
                           weeklyCap: context.followup.scheduling.weeklyHoursCap,
                           deliveryDueBusinessDays: delivery?.dueBusinessDays ?? 5, targetPercent: context.followup.targetPercent)
    }
}
