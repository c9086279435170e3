import Intake
import MIME

/// Renders a reply into a message: the template of its kind filled with the context, headers
/// that thread it under the incoming mail and keep auto-responders quiet, and a Message-ID
/// derived from the request, revision and kind, so composing twice gives the same id (the
/// daemon relies on it to find a reply already delivered). Pure: no clock, no host lookup.
public struct ReplyComposer: Sendable {
    public let templates: ReplyTemplates
    /// References kept at most (the first id and the latest ones), so a long thread cannot grow
    /// the field without end.
    public static let maxReferences = 20
    /// Ids longer than this are junk, not a thread: left out of References.
    public static let maxReferenceLength = 250

    public init(templates: ReplyTemplates) {
        self.templates = templates
    }

    public func compose(_ context: ReplyContext) -> ComposedReply {
        let rendered = templates.render(context.kind, ReplyModel.make(context, templates: templates))
        let subject = ReplySubject.finish(rendered.subject, requestID: context.requestID, fallback: ReplyModel.topic(context))
        let messageID = Self.messageID(requestID: context.requestID, revision: context.revision, kind: context.kind,
                                       hostname: context.hostname)
        // A note for OCM staff goes to the OCM mailbox only; the area gets nothing yet.
        let to = context.kind.isInternal ? [context.from] : [context.requester]
        let cc = context.kind.isInternal ? [] : Self.copies(context)
        var builder = MessageBuilder(body: .plain(Self.tidy(rendered.body)))
        builder.add("From", mailboxes: [context.from])
        builder.add("To", mailboxes: to)
        builder.add("Cc", mailboxes: cc)
        builder.add("Subject", text: subject)
        builder.add("Date", date: context.date, offsetMinutes: context.timeZoneOffsetMinutes)
        builder.add("Message-ID", messageIDs: [messageID])
        if let parent = Self.inReplyTo(context.incoming) { builder.add("In-Reply-To", messageIDs: [parent]) }
        builder.add("References", messageIDs: Self.references(context.incoming))
        // RFC 3834: an automatic reply; Exchange and Outlook honour the second field.
        builder.add("Auto-Submitted", text: "auto-replied")
        builder.add("X-Auto-Response-Suppress", text: "All")
        var recipients: [String] = []
        for mailbox in to + cc where !recipients.contains(mailbox.wireAddress) && !mailbox.wireAddress.isEmpty {
            recipients.append(mailbox.wireAddress)
        }
        return ComposedReply(raw: builder.build(), messageID: messageID, subject: subject, recipients: recipients,
                             kind: context.kind)
    }

    /// `<OCM-2026-0001.r2.observaciones@host>`. The request id keeps letters, digits and `-`;
    /// the host is lowercased to letters, digits, `.` and `-` (`ocm-intake.invalid` if empty).
    public static func messageID(requestID: String, revision: Int, kind: ReplyKind, hostname: String) -> String {
        let id = String(requestID.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
            .map(Character.init))
        var host = String(hostname.lowercased().unicodeScalars
            .filter { $0.isASCII && (("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-") }
            .map(Character.init))
        while host.hasPrefix(".") { host.removeFirst() }
        while host.hasSuffix(".") { host.removeLast() }
        if host.isEmpty { host = "ocm-intake.invalid" }
        return "<\(id).r\(revision).\(kind.rawValue)@\(host)>"
    }

    /// The Cc mailboxes without the requester or the sender (no one gets the mail twice).
    static func copies(_ context: ReplyContext) -> [Mailbox] {
        var seen: Set<String> = [context.requester.normalizedAddress.lowercased(), context.from.normalizedAddress.lowercased()]
        return context.cc.filter { seen.insert($0.normalizedAddress.lowercased()).inserted }
    }

    /// The parent's Message-ID when it is well formed and no longer than `maxReferenceLength`:
    /// a 5,000-character id would be folded inside the field and corrupted (issue 5/9).
    static func inReplyTo(_ incoming: IncomingMail) -> String? {
        guard let raw = incoming.messageID, let id = MessageBuilder.formatMessageID(raw),
              id.utf8.count <= maxReferenceLength else { return nil }
        return id
    }

    /// RFC 5322 3.6.4: the parent's thread then the parent; each id once, junk left out, and
    /// only the first and the latest ids of a very long thread.
    static func references(_ incoming: IncomingMail) -> [String] {
        var ids: [String] = []
        for raw in incoming.references + [incoming.messageID].compactMap({ $0 }) {
            guard let id = MessageBuilder.formatMessageID(raw), id.utf8.count <= maxReferenceLength,
                  !ids.contains(id) else { continue }
            ids.append(id)
        }
        guard ids.count > maxReferences else { return ids }
        return [ids[0]] + ids.suffix(maxReferences - 1)
    }

    /// The body as mail text: no blank lines at the top, at most one blank line in a row (the
    /// sections a template leaves out), trailing spaces removed, one line break at the end.
    static func tidy(_ body: String) -> String {
        var lines: [Substring] = []
        for line in body.replacingCRLF.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = line
            while line.last == " " || line.last == "\t" { line = line.dropLast() }
            if line.isEmpty, lines.isEmpty || lines.last?.isEmpty == true { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    var replacingCRLF: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" { out += "\n"; previousCR = true; continue }
            if scalar == "\n", previousCR { previousCR = false; continue }
            previousCR = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
