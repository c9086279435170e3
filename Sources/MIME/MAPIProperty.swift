/// One property of a MAPI property block (attMsgProps, attAttachment): its tag and where its
/// values sit in the stream. Values are ranges into the decoded buffer, not copies.
struct MAPIProperty: Sendable {
    /// Property id (`0x3707` for PR_ATTACH_LONG_FILENAME); named properties (≥ 0x8000) keep
    /// the id the writer mapped them to, which means nothing outside that stream.
    var id: UInt16
    /// Base type, without the multi-valued flag.
    var type: UInt16
    var isMultiValued: Bool
    var values: [Range<Int>]

    var isNamed: Bool { id >= 0x8000 }

    /// The first value as text: PT_UNICODE as UTF-16LE, PT_STRING8 (and PT_BINARY, which some
    /// writers use for HTML bodies) in `charset`; trailing NULs trimmed. Nil for other types.
    func text(in bytes: [UInt8], charset: String) -> String? {
        guard let range = values.first else { return nil }
        switch type {
        case MAPIPropertyType.unicode: return TNEFText.utf16LE(bytes[range])
        case MAPIPropertyType.string8, MAPIPropertyType.binary: return TNEFText.eightBit(bytes[range], charset: charset)
        default: return nil
        }
    }

    /// The first value as a little-endian integer, for PT_LONG and PT_SHORT.
    func integer(in bytes: [UInt8]) -> UInt32? {
        guard type == MAPIPropertyType.long || type == MAPIPropertyType.short, let range = values.first else { return nil }
        var reader = LittleEndianReader(bytes, range: range)
        return type == MAPIPropertyType.long ? reader.u32() : reader.u16().map(UInt32.init)
    }
}
