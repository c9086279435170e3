import Daemon
import Followup
import Foundation
import Intake
import Ledger
import MIME

/// What the after-approval commands share: the ledger, the business calendar, followup.yaml
/// (next to rules.yaml; defaults when absent), OCM's two addresses and today's Bogotá date.
struct FollowupContext {
    let ledger: Ledger
    let configuration: DaemonConfiguration
    let calendar: BusinessCalendar
    let followup: FollowupConfig
    let today: CivilDate

    static func open(config: String?, today: String?) throws -> FollowupContext {
        let (ledger, configuration) = try openLedger(config)
        return try withConfiguration {
            let files = ProcedureFiles(directory: URL(fileURLWithPath: configuration.rulesDirectory))
            let calendar = try files.calendar()
            let followup: FollowupConfig
            do { followup = try FollowupConfig.load(directory: files.directory) } catch {
                throw ConfigurationFailure(String(describing: error))
            }
            let day: CivilDate
            if let today {
                guard let parsed = CivilDate(today) else { throw ConfigurationFailure("--today: expected YYYY-MM-DD, got '\(today)'") }
                day = parsed
            } else {
                day = Self.bogotaDay(Date())
            }
            return FollowupContext(ledger: ledger, configuration: configuration, calendar: calendar, followup: followup, today: day)
        }
    }

    /// Bogotá is UTC−5 all year.
    static func bogotaDay(_ date: Date) -> CivilDate {
        CivilDate(dayNumber: Int(((date.timeIntervalSince1970 - 5 * 3600) / 86_400).rounded(.down)))
    }

    func address(_ role: String, name: String) -> Mailbox {
        Mailbox(displayName: name, address: configuration.mailboxes.first { $0.role == role }?.address ?? "\(role)ocm@icetex.gov.co")
    }

    var planner: SessionPlanner { SessionPlanner(rules: followup.scheduling, calendar: calendar) }

    func request(_ text: String) throws -> RequestRecord {
        guard let id = RequestID(text) else { throw ConfigurationFailure("'\(text)' is not a request id (OCM-YYYY-NNNN)") }
        guard let record = try ledger.request(byID: id) else { throw ConfigurationFailure("no request \(id)") }
        return record
    }

    /// The sessions on the calendar, as the planner sees them.
    func bookedSessions() throws -> [TrainingSession] {
        try ledger.sessions().compactMap { record in
            CivilDate(record.date).map {
                TrainingSession(requestID: record.request.description, date: $0, startMinutes: record.startMinutes,
                                hours: record.hours, audience: record.audience, place: record.place)
            }
        }
    }

    /// The request's training window: the engine's backward plan kept in its verdict (issue 9).
    func trainingWindow(for record: RequestRecord) -> Followup.TrainingWindow {
        Followup.TrainingWindow(verdictJSON: record.verdictJSON, today: today)
    }

    /// DURACIÓN from the request's mails (the latest that states it), else the default.
    func hours(for record: RequestRecord) -> Double {
        let messages = (try? ledger.messages(of: record.id)) ?? []
        for message in messages.reversed() {
            guard let raw = try? ledger.rawMessage(message.rowID) else { continue }
            if let hours = SessionDuration.hours(inMailBody: MessageParser.parse([UInt8](raw)).bodyText) { return hours }
        }
        return followup.scheduling.defaultHours
    }

    /// The area's address: the From of the mail that opened the request.
    func requester(of record: RequestRecord) -> [Mailbox] {
        if let raw = try? ledger.rawMessage(record.originMessage), let from = MessageParser.parse([UInt8](raw)).from {
            return [from]
        }
        return []
    }
}
