import Foundation
import MIME

/// TEMPORARY plain renderer until the Replies target lands (Mustache templates).
public struct TemplateDrafter: ReplyDrafting {
    public let directory: String

    public init(directory: String) throws { self.directory = directory }

    public func draft(_ request: DraftRequest) throws -> DraftedReply {
        let to = (request.incoming.replyTo.first ?? request.incoming.from)?.address ?? ""
        let messageID = "<\(request.requestID).r\(request.revision).\(request.kind.rawValue)@\(request.hostname)>"
        let body = (request.inspection.observations ?? []).joined(separator: "\r\n")
        let raw = "From: \(request.from.address)\r\nTo: \(to)\r\nSubject: [\(request.requestID)] \(request.kind.rawValue)\r\nMessage-ID: \(messageID)\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\(body)\r\n"
        return DraftedReply(raw: Array(raw.utf8), messageID: messageID, recipients: [to] + request.cc.map(\.address))
    }
}
