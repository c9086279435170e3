extension HeaderBlock {
    /// The Message-ID of a raw message read from its header block alone: what the ledger keys a
    /// mail by before anything else is done with it.
    public static func messageID(in raw: [UInt8]) -> String? {
        let block = HeaderBlock.parse(raw, in: 0..<raw.count)
        return block.fields["Message-ID"].flatMap { MessageIDList.ids(in: $0.rawValue).first }
    }
}
