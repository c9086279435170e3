/// MAPI property types as TNEF writes them (MS-OXCDATA 2.11.1, MS-OXTNEF 2.1.3.4): which are
/// fixed-size and how many bytes a value takes in the stream, which are counted and padded.
enum MAPIPropertyType {
    static let short: UInt16 = 0x0002
    static let long: UInt16 = 0x0003
    static let float: UInt16 = 0x0004
    static let double: UInt16 = 0x0005
    static let currency: UInt16 = 0x0006
    static let appTime: UInt16 = 0x0007
    static let error: UInt16 = 0x000A
    static let boolean: UInt16 = 0x000B
    static let object: UInt16 = 0x000D
    static let i8: UInt16 = 0x0014
    static let string8: UInt16 = 0x001E
    static let unicode: UInt16 = 0x001F
    static let sysTime: UInt16 = 0x0040
    static let clsid: UInt16 = 0x0048
    static let binary: UInt16 = 0x0102
    /// Flag on the type of a multi-valued property: a value count precedes the values.
    static let multiValued: UInt16 = 0x1000

    /// Bytes one value of a fixed-size type takes in a TNEF stream: 16-bit values (PT_SHORT,
    /// PT_BOOLEAN) are padded to 4. Nil for variable-size and unknown types.
    static func fixedSize(_ type: UInt16) -> Int? {
        switch type {
        case short, long, float, error, boolean: return 4
        case double, currency, appTime, i8, sysTime: return 8
        case clsid: return 16
        default: return nil
        }
    }

    /// Types written as a value count, then for each value its size, bytes and padding.
    static func isVariable(_ type: UInt16) -> Bool {
        type == string8 || type == unicode || type == binary || type == object
    }
}
