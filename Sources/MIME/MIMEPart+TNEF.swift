/// The files inside an attached winmail.dat: Outlook's TNEF unwrapped on demand (the parser
/// itself keeps the part as the leaf it is).
extension MIMEPart {
    /// True for an `application/ms-tnef` part or one named `winmail.dat`.
    public var isTNEF: Bool { TNEF.isTNEF(mimeType: mimeType, filename: filename) }

    /// The decoded TNEF stream of a TNEF leaf; nil for any other part (and for a TNEF part
    /// kept opaque past a size limit). Check `isReadable` before trusting its files.
    public func tnefContent(limits: ParseLimits = .default) -> TNEFContent? {
        guard isTNEF, case .leaf(let bytes) = body else { return nil }
        return TNEF.decode(bytes, part: path, limits: limits)
    }
}

extension Message {
    /// The TNEF streams among this message's own attachments, decoded with its limits, in order.
    public var tnefContents: [TNEFContent] { attachments.compactMap { $0.tnefContent(limits: limits) } }
}
