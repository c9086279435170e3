// A daemon-shaped driver over the ledger for the crash tests: two mailboxes, a request, its copy
// in the other mailbox, a follow-up, a broken mail and a mail without Message-ID; replies go to a
// "Drafts" folder on disk that survives the crash, as the real Drafts folder would. The driver
// only uses idempotent ledger calls and the ledger's queues (unfinished messages, requests
// awaiting a verdict, in-doubt outbox), so running it again after a crash at any point must end
// in the same state as an uninterrupted run.
import Foundation
import Ledger

struct CrashScenario {
    struct Mail {
        let uid: UInt32
        let messageID: String?
        let inReplyTo: String?
        let broken: Bool
        var raw: Data {
            var header = "From: ana@icetex.gov.co\r\nSubject: solicitud \(uid)\r\n"
            if let messageID { header += "Message-ID: \(messageID)\r\n" }
            if let inReplyTo { header += "In-Reply-To: \(inReplyTo)\r\n" }
            return Data((header + "\r\nCuerpo \(uid)\r\n").utf8)
        }
    }

    struct Box {
        let name: String
        let uidValidity: UInt32
        let uidNext: UInt32
        let mails: [Mail]
    }

    static let boxes = [
        Box(name: "aseguramiento", uidValidity: 7, uidNext: 5, mails: [
            Mail(uid: 5, messageID: "<r1@icetex.gov.co>", inReplyTo: nil, broken: false),
            Mail(uid: 6, messageID: "<r1-answer@icetex.gov.co>", inReplyTo: "<OCM-2026-0001.1@ocm.icetex.gov.co>", broken: false),
            Mail(uid: 7, messageID: "<broken@icetex.gov.co>", inReplyTo: nil, broken: true),
        ]),
        Box(name: "formacion", uidValidity: 3, uidNext: 9, mails: [
            Mail(uid: 9, messageID: "<r1@icetex.gov.co>", inReplyTo: nil, broken: false),
            Mail(uid: 10, messageID: nil, inReplyTo: nil, broken: false),
        ]),
    ]

    let ledger: Ledger
    let drafts: URL
    /// Called after every durable step (ledger commit or delivery); the child process exits there.
    let checkpoint: () -> Void

    func run() throws {
        for entry in try ledger.inDoubtOutbox() { try finishDelivery(entry) }
        for message in try ledger.unfinishedMessages() { try process(message) }
        for request in try ledger.awaitingVerdict() { try evaluate(request) }
        for box in Self.boxes { try poll(box) }
        for entry in try ledger.dueOutbox() {
            try ledger.markDelivering(entry.id)
            checkpoint()
            try finishDelivery(entry)
        }
    }

    private func poll(_ box: Box) throws {
        try ledger.recordBaseline(mailbox: box.name, uidValidity: box.uidValidity, uidNext: box.uidNext)
        checkpoint()
        let lastUID = try ledger.mailboxState(box.name)?.lastUID ?? 0
        for mail in box.mails where mail.uid > lastUID {
            let message = try ledger.recordMessage(
                mailbox: box.name, uidValidity: box.uidValidity, uid: mail.uid, messageID: mail.messageID, raw: mail.raw)
            checkpoint()
            try process(message)
        }
        if let last = box.mails.last?.uid, last > lastUID {
            try ledger.advance(mailbox: box.name, uidValidity: box.uidValidity, lastUID: last)
            checkpoint()
        }
        try ledger.recordPoll(mailbox: box.name)
        checkpoint()
    }

    private func process(_ stored: SeenMessage) throws {
        guard let mail = Self.boxes.first(where: { $0.name == stored.mailbox })?.mails.first(where: { $0.uid == stored.uid })
        else { return }
        var message = stored
        if message.state == .stored {
            if mail.broken {
                try ledger.markQuarantined(message.rowID, error: "boundary never closed")
                checkpoint()
                return
            }
            message = try ledger.markParsed(message.rowID)
            checkpoint()
        }
        guard message.state == .parsed else { return }
        if let inReplyTo = mail.inReplyTo, let request = try ledger.request(forMessageID: inReplyTo) {
            let linked = try ledger.linkFollowUp(message: message.rowID, to: request.id)
            checkpoint()
            if linked.state == .enRevision { try evaluate(linked) }
        } else {
            let request = try ledger.openRequest(for: message.rowID, year: 2026)
            checkpoint()
            try evaluate(request)
        }
    }

    /// A request with a follow-up becomes viable; a first look asks for what is missing.
    private func evaluate(_ request: RequestRecord) throws {
        let revision = request.revision + 1
        let complete = try ledger.messages(of: request.id).count > 1
        let reply = OutgoingReply(
            target: OutboxTarget(kind: .drafts, mailbox: "aseguramiento"),
            messageID: "<\(request.id).\(revision)@ocm.icetex.gov.co>",
            raw: Data("Subject: [\(request.id)] revision \(revision)\r\n\r\n".utf8))
        _ = try ledger.recordVerdict(
            request: request.id, revision: revision, state: complete ? .viable : .observacionesEnviadas,
            verdictJSON: #"{"viable":\#(complete)}"#, reply: reply)
        checkpoint()
    }

    /// Delivers unless the target already holds the Message-ID (the mbsync/X-TUID check), then records it.
    private func finishDelivery(_ entry: OutboxEntry) throws {
        let file = drafts.appendingPathComponent(entry.messageID)
        if !FileManager.default.fileExists(atPath: file.path) {
            try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
            try entry.raw.write(to: file, options: .atomic)
            let log = drafts.appendingPathComponent("deliveries.log")
            if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
            let handle = try FileHandle(forWritingTo: log)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((entry.messageID + "\n").utf8))
            try handle.close()
            checkpoint()
        }
        try ledger.markDelivered(entry.id)
        checkpoint()
    }

    /// The ledger's observable state, independent of row ids and times.
    static func snapshot(_ ledger: Ledger) throws -> [String] {
        var lines: [String] = []
        for box in try ledger.mailboxes() {
            lines.append("mailbox \(box.name) v\(box.uidValidity) last \(box.lastUID) baseline \(box.baselineUID)")
        }
        var messages: [SeenMessage] = []
        for state in MessageState.allCases { messages += try ledger.messages(in: state) }
        let place = Dictionary(uniqueKeysWithValues: messages.map { ($0.rowID, "\($0.mailbox)/\($0.uid)") })
        for m in messages.sorted(by: { place[$0.rowID]! < place[$1.rowID]! }) {
            lines.append("message \(place[m.rowID]!) \(m.state.rawValue) \(m.skipReason ?? "-") \(m.error ?? "-") dup \(m.duplicateOf.flatMap { place[$0] } ?? "-")")
        }
        for r in try ledger.requests() {
            let members = try ledger.messages(of: r.id).map { place[$0.rowID]! }
            lines.append("request \(r.id) \(r.state.rawValue) rev \(r.revision) \(r.verdictJSON ?? "-") \(members)")
        }
        for status in OutboxStatus.allCases {
            for e in try ledger.outbox(status: status) {
                lines.append("outbox \(e.request) rev \(e.revision) \(e.status.rawValue) attempts \(e.attempts) \(e.messageID)")
            }
        }
        var audit: [String] = []
        for m in messages { audit += try ledger.audit(for: .message(m.rowID)).map { "audit message \(place[m.rowID]!) \($0.fromState ?? "-")→\($0.toState)" } }
        for r in try ledger.requests() { audit += try ledger.audit(for: .request(r.id)).map { "audit \(r.id) \($0.fromState ?? "-")→\($0.toState)" } }
        for box in try ledger.mailboxes() { audit += try ledger.audit(for: .mailbox(box.name)).map { "audit \(box.name) \($0.fromState ?? "-")→\($0.toState)" } }
        for status in OutboxStatus.allCases {
            for e in try ledger.outbox(status: status) {
                audit += try ledger.audit(for: .outbox(e.id)).map { "audit \(e.messageID) \($0.fromState ?? "-")→\($0.toState)" }
            }
        }
        return lines + audit.sorted()
    }
}
