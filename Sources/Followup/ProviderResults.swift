import Foundation
import Intake
import MIME

/// One results file found in a provider's mail.
public struct ResultsFile: Sendable, Hashable {
    public var filename: String
    public var source: ResultSource
    public var outcome: Result<ResultsTable, ResultsReadError>
    public var bytes: [UInt8]
}

/// What a provider's results mail (5.2.13) holds: the request it names and each spreadsheet.
public struct ProviderResults: Sendable, Hashable {
    public var requestID: String?
    public var subject: String
    public var sender: String?
    public var files: [ResultsFile]

    /// Reads every xlsx/csv attachment (other files, like the uploaded presentation's evidence,
    /// are left alone). A file is a replica's when its name or the subject carries a replica
    /// keyword, the misional session's otherwise.
    public static func from(_ message: Message, config: FollowupConfig) -> ProviderResults {
        let subject = message.subject ?? ""
        var files: [ResultsFile] = []
        for part in message.attachments {
            let name = part.filename ?? "adjunto"
            let lower = name.lowercased()
            guard [".xlsx", ".xlsm", ".csv", ".xls", ".ods"].contains(where: { lower.hasSuffix($0) }) else { continue }
            let bytes = part.content ?? []
            let outcome: Result<ResultsTable, ResultsReadError>
            do { outcome = .success(try ResultsReader.read(file: bytes, filename: name)) } catch let error as ResultsReadError {
                outcome = .failure(error)
            } catch { outcome = .failure(.unreadableSpreadsheet(name)) }
            files.append(ResultsFile(filename: name, source: source(subject: subject, filename: name, config: config),
                                     outcome: outcome, bytes: bytes))
        }
        return ProviderResults(requestID: RequestTag.find(in: subject), subject: subject,
                               sender: message.from?.address, files: files)
    }

    public static func source(subject: String, filename: String, config: FollowupConfig) -> ResultSource {
        let key = TextNormalizer.key(subject + " " + filename)
        return config.replicaKeywords.contains { key.contains(TextNormalizer.key($0)) } ? .replica : .misional
    }

    /// True when the sender's domain is one of the provider's (such mail is never auto-answered).
    public static func isFromProvider(_ message: Message, config: FollowupConfig) -> Bool {
        guard let address = message.from?.address.lowercased(), let at = address.lastIndex(of: "@") else { return false }
        let domain = String(address[address.index(after: at)...])
        return config.providerDomains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }
}
