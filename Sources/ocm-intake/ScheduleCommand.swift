import ArgumentParser
import Followup
import Foundation
import Intake
import Ledger
import MIME

/// `ocm-intake schedule list|week|propose|confirm|move|cancel`: the training calendar (5.2.5)
/// within the ANS (≤ 3 training hours per ISO week, 16 business days of conciliation).
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: "The training calendar (5.2.5) within the ANS.",
        subcommands: [List.self, Week.self, Propose.self, Confirm.self, Move.self, Cancel.self])

    struct Common: ParsableArguments {
        @Option(name: .long, help: "ocm-intake.yaml.") var config: String?
        @Option(name: .long, help: "Today's date (YYYY-MM-DD, Bogotá); default: now.") var today: String?

        /// Opens the context and first moves yesterday's sessions to `impartida`.
        func open() throws -> FollowupContext {
            let context = try FollowupContext.open(config: config, today: today)
            for id in try context.ledger.markSessionsGiven(before: context.today.description) {
                print("\(id): session given, request now impartida")
            }
            return context
        }
    }

    static func line(_ s: SessionRecord) -> String {
        var text = "\(s.date)  \(TrainingSession.clockText(s.startMinutes))  \(Hours.text(s.hours)) h  \(s.request)  \(s.status.rawValue)"
        if let moved = s.movedFrom { text += "  (movida desde \(moved))" }
        if let exception = s.exception { text += "  excepción: \(exception)" }
        return text
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every session, cancelled ones included.")
        @OptionGroup var common: Common
        func run() throws {
            let context = try common.open()
            for session in try context.ledger.sessions(includeCancelled: true) { print(ScheduleCommand.line(session)) }
        }
    }

    struct Week: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One ISO week's sessions and its load against the ANS.")
        @OptionGroup var common: Common
        @Argument(help: "YYYY-Www, e.g. 2026-W26.") var week: String
        func run() throws {
            guard let iso = ISOWeek(week) else { throw ValidationError("'\(week)' is not an ISO week (YYYY-Www)") }
            let context = try common.open()
            let sessions = try context.ledger.sessions(from: iso.monday.description, to: iso.monday.adding(days: 6).description)
            sessions.forEach { print(ScheduleCommand.line($0)) }
            let total = sessions.reduce(0) { $0 + $1.hours }
            let cap = context.followup.scheduling.weeklyHoursCap
            print("\(iso): \(Hours.text(total)) h of \(Hours.text(cap)) h" + (total > cap ? "  OVER THE ANS" : ""))
        }
    }

    struct Propose: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The earliest session keeping every ANS rule; prints the draft to the area (or writes it with --out).")
        @OptionGroup var common: Common
        @Argument(help: "Request id (OCM-YYYY-NNNN).") var id: String
        @Option(name: .long, help: "Hours (default: the request's DURACIÓN, else followup.yaml).") var hours: Double?
        @Option(name: .long, help: "Write the draft .eml here (and the .ics next to it).") var out: String?
        func run() throws {
            let context = try common.open()
            let record = try withConfiguration { try context.request(id) }
            guard record.state == .viable || record.state == .programada else {
                printError("ocm-intake: \(record.id) is \(record.state.rawValue); a session is proposed once it is viable")
                throw ExitStatus.runtimeFailure
            }
            let window = context.trainingWindow(for: record)
            let duration = hours ?? context.hours(for: record)
            guard let proposal = context.planner.proposeEarliest(
                requestID: record.id.description, hours: duration, window: window, today: context.today,
                sessions: try context.bookedSessions())
            else {
                printError("ocm-intake: no day from \(window.earliest) to \(window.latest) keeps the ANS for \(record.id) (\(Hours.text(duration)) h)")
                throw ExitStatus.runtimeFailure
            }
            let draft = ProposalDraft(
                proposal: proposal, topic: record.fields.topic, from: context.address("formacion", name: "Formación OCM"),
                to: context.requester(of: record), cc: [context.address("aseguramiento", name: "Aseguramiento OCM")],
                date: Date(), hostname: context.configuration.hostname, weeklyCap: context.followup.scheduling.weeklyHoursCap,
                sequence: (try context.ledger.session(of: record.id)).map { $0.sequence + 1 } ?? 0)
            let raw = draft.build()
            if let out {
                try Data(raw).write(to: URL(fileURLWithPath: out))
                let ics = URL(fileURLWithPath: out).deletingPathExtension().appendingPathExtension("ics")
                try Data(draft.invitation.render().utf8).write(to: ics)
                print("\(record.id): proposed \(proposal.session.date) (\(Hours.text(duration)) h), diffusion \(proposal.diffusionWeek); draft \(out), invitation \(ics.path)")
            } else {
                print(String(decoding: raw, as: UTF8.self))
            }
        }
    }

    /// Confirm and move: the ANS check, then the ledger; a broken rule refuses unless `--exception`.
    static func checked(_ context: FollowupContext, _ record: RequestRecord, date text: String, hours: Double,
                        exception: String?) throws -> CivilDate {
        guard let date = CivilDate(text) else { throw ValidationError("'\(text)' is not a date (YYYY-MM-DD)") }
        let violations = context.planner.violations(
            date: date, hours: hours, requestID: record.id.description, window: context.trainingWindow(for: record),
            today: context.today, sessions: try context.bookedSessions())
        guard violations.isEmpty || exception != nil else {
            printError("ocm-intake: \(record.id) on \(date) breaks the ANS:")
            violations.forEach { printError("  - \($0)") }
            printError("use --exception \"…\" to record the directors' agreed exception (4.2.1 Nota)")
            throw ExitStatus.runtimeFailure
        }
        violations.forEach { print("exception to the ANS recorded: \($0)") }
        return date
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Confirm the session (request → programada) after re-checking the ANS.")
        @OptionGroup var common: Common
        @Argument(help: "Request id.") var id: String
        @Argument(help: "YYYY-MM-DD.") var date: String
        @Option(name: .long, help: "Hours (default: DURACIÓN or followup.yaml).") var hours: Double?
        @Option(name: .long, help: "Start HH:MM (default followup.yaml).") var start: String?
        @Option(name: .long, help: "Place or link.") var place: String?
        @Option(name: .long, help: "Audience.") var audience: String?
        @Option(name: .long, help: "The directors' agreed exception to the ANS (4.2.1 Nota).") var exception: String?
        func run() throws {
            let context = try common.open()
            let record = try withConfiguration { try context.request(id) }
            let duration = hours ?? context.hours(for: record)
            let day = try ScheduleCommand.checked(context, record, date: date, hours: duration, exception: exception)
            let rules = context.followup.scheduling
            var startMinutes = rules.defaultStartMinutes
            if let start {
                let parts = start.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]) else { throw ValidationError("--start: HH:MM") }
                startMinutes = parts[0] * 60 + parts[1]
            }
            let session = try context.ledger.confirmSession(record.id, SessionPlan(
                date: day.description, startMinutes: startMinutes, hours: duration, audience: audience ?? rules.defaultAudience,
                place: place ?? rules.defaultPlace, exception: exception))
            print("\(record.id): confirmed \(ScheduleCommand.line(session)); diffusion week \(DiffusionWeek.of(session: day))")
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a confirmed session after re-checking the ANS.")
        @OptionGroup var common: Common
        @Argument(help: "Request id.") var id: String
        @Argument(help: "YYYY-MM-DD.") var date: String
        @Option(name: .long, help: "New hours.") var hours: Double?
        @Option(name: .long, help: "The directors' agreed exception to the ANS (4.2.1 Nota).") var exception: String?
        @Option(name: .long, help: "Write the updated invitation (.ics, next SEQUENCE) here.") var out: String?
        func run() throws {
            let context = try common.open()
            let record = try withConfiguration { try context.request(id) }
            guard let current = try context.ledger.session(of: record.id), current.status == .confirmada else {
                throw ValidationError("\(record.id) has no confirmed session to move")
            }
            let day = try ScheduleCommand.checked(context, record, date: date, hours: hours ?? current.hours, exception: exception)
            let session = try context.ledger.moveSession(record.id, to: day.description, hours: hours, exception: exception)
            print("\(record.id): moved \(ScheduleCommand.line(session)); diffusion week \(DiffusionWeek.of(session: day))")
            if let out { try ScheduleCommand.writeInvitation(context, record, session, method: .request, to: out) }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a confirmed session.")
        @OptionGroup var common: Common
        @Argument(help: "Request id.") var id: String
        @Option(name: .long, help: "Why (kept in the audit trail).") var reason: String = "cancelled by staff"
        @Option(name: .long, help: "Write the cancellation (.ics, METHOD:CANCEL) here.") var out: String?
        func run() throws {
            let context = try common.open()
            let record = try withConfiguration { try context.request(id) }
            let session = try context.ledger.cancelSession(record.id, reason: reason)
            print("\(record.id): cancelled the session of \(session.date)")
            if let out { try ScheduleCommand.writeInvitation(context, record, session, method: .cancel, to: out) }
        }
    }

    /// The invitation of a recorded session (a move: REQUEST with the next SEQUENCE; a
    /// cancellation: CANCEL), so attendees' calendars follow.
    static func writeInvitation(_ context: FollowupContext, _ record: RequestRecord, _ session: SessionRecord,
                                method: CalendarInvitation.Method, to path: String) throws {
        guard let day = CivilDate(session.date) else { return }
        let value = TrainingSession(requestID: record.id.description, date: day, startMinutes: session.startMinutes,
                                    hours: session.hours, audience: session.audience, place: session.place)
        let invitation = CalendarInvitation(
            session: value, summary: "Capacitación \(record.id)" + (record.fields.topic.map { ": \($0)" } ?? ""),
            description: "Sesión de capacitación de la solicitud \(record.id) (procedimiento M5-1-21, 5.2.5).",
            organizer: context.address("formacion", name: "Formación OCM"),
            attendees: context.requester(of: record) + [context.address("aseguramiento", name: "Aseguramiento OCM")],
            stamp: Date(), hostname: context.configuration.hostname, sequence: session.sequence + (method == .cancel ? 1 : 0),
            method: method)
        try Data(invitation.render().utf8).write(to: URL(fileURLWithPath: path))
        print("invitation: \(path)")
    }
}
