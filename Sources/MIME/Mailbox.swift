/// One address with its decoded display name: what `From`, `Reply-To` and `Sender` carry.
public struct Mailbox: Sendable, Hashable, Codable, CustomStringConvertible {
    public var displayName: String?
    /// `local@domain` as written (domain not lowercased here; compare with `normalizedAddress`).
    public var address: String

    public init(displayName: String? = nil, address: String) {
        self.displayName = displayName
        self.address = address
    }

    /// The address with its domain lowercased, for comparisons.
    public var normalizedAddress: String {
        guard let at = address.lastIndex(of: "@") else { return address.lowercased() }
        return String(address[..<at]) + address[at...].lowercased()
    }

    public var description: String {
        if let name = displayName, !name.isEmpty { return "\(name) <\(address)>" }
        return address
    }
}

/// An entry of an address list: a mailbox, or a named group of mailboxes (RFC 5322 3.4).
public enum AddressListEntry: Sendable, Hashable {
    case mailbox(Mailbox)
    case group(name: String, members: [Mailbox])

    public var mailboxes: [Mailbox] {
        switch self {
        case .mailbox(let m): return [m]
        case .group(_, let members): return members
        }
    }
}
