/// A mailbox operation that failed, with where (mailbox, folder, UID) and why (curl's code and
/// the server's line, or the file and errno), sorted by what the caller does next.
public struct MailboxError: Error, Sendable, CustomStringConvertible {
    public enum Operation: String, Sendable {
        case configure, status, search, fetch, append, store, scan
    }

    public enum Reason: Sendable {
        /// libcurl failed; keeps curl's code, its message and the server's failure line.
        case transfer(CurlError)
        /// The mailbox was recreated or renumbered: re-read it (design.md invariants).
        case uidValidityChanged(expected: UInt32, actual: UInt32?)
        case messageNotFound
        case messageTooLarge(limit: Int)
        /// A message larger than the server's APPENDLIMIT (RFC 7889): not attempted.
        case appendLimitExceeded(size: Int, limit: Int)
        /// The server answered something this client cannot read (excerpt kept).
        case unexpectedResponse(String)
        /// The request itself is unusable (a Message-ID with CR/LF, a non-ASCII folder name...).
        case invalidRequest(String)
        case file(path: String, problem: String)
    }

    public var mailbox: String
    public var operation: Operation
    public var folder: String?
    public var uid: UInt32?
    public var reason: Reason

    public init(mailbox: String, operation: Operation, folder: String? = nil, uid: UInt32? = nil, reason: Reason) {
        self.mailbox = mailbox
        self.operation = operation
        self.folder = folder
        self.uid = uid
        self.reason = reason
    }

    public var curlError: CurlError? {
        if case .transfer(let error) = reason { return error }
        return nil
    }

    public var disposition: CurlError.Disposition {
        switch reason {
        case .transfer(let error): return error.disposition
        case .uidValidityChanged, .messageNotFound, .messageTooLarge, .invalidRequest, .appendLimitExceeded: return .permanent
        case .unexpectedResponse: return .connectionUnusable
        case .file: return .transient
        }
    }

    public var description: String {
        var place = "\(mailbox)"
        if let folder { place += " folder \(folder)" }
        if let uid { place += " UID \(uid)" }
        let why: String
        switch reason {
        case .transfer(let error): why = error.description
        case .uidValidityChanged(let expected, let actual):
            why = "UIDVALIDITY changed (expected \(expected), now \(actual.map(String.init) ?? "unknown"))"
        case .messageNotFound: why = "no such message"
        case .messageTooLarge(let limit): why = "message larger than \(limit) bytes"
        case .appendLimitExceeded(let size, let limit):
            why = "the message (\(size) bytes) is over the server's APPENDLIMIT of \(limit) bytes; not sent to the server"
        case .unexpectedResponse(let excerpt): why = "unexpected server response: \(excerpt)"
        case .invalidRequest(let problem): why = "invalid request: \(problem)"
        case .file(let path, let problem): why = "\(path): \(problem)"
        }
        return "\(operation.rawValue) on \(place) failed [\(disposition.rawValue)]: \(why)"
    }
}

extension MailboxError {
    /// A draft larger than the server's APPENDLIMIT: waiting will not help, a person must decide.
    public var isOverAppendLimit: Bool {
        if case .appendLimitExceeded = reason { return true }
        return false
    }
}
