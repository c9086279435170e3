/// A MAPI property block as TNEF encapsulates it (attMsgProps, attAttachment; MS-OXTNEF
/// 2.1.3.4): a count, then per property its type and id, a name when the id is ≥ 0x8000,
/// and its values. Parsing stops at the first property that does not fit or has a type it
/// cannot size; what came before is kept and `problem` says where and why.
struct MAPIPropertyList: Sendable {
    var properties: [MAPIProperty] = []
    /// Where parsing stopped early, with the byte offset; nil when the block was read whole.
    var problem: String?

    func first(_ id: UInt16) -> MAPIProperty? { properties.first { $0.id == id } }

    static func parse(_ bytes: [UInt8], in range: Range<Int>) -> MAPIPropertyList {
        var list = MAPIPropertyList()
        var reader = LittleEndianReader(bytes, range: range)
        guard let count = reader.u32() else {
            list.problem = "property block at byte \(range.lowerBound) has no count"
            return list
        }
        // Each property takes at least its 4-byte tag: a count past that is a lie, not a loop bound.
        var left = Int(exactly: count) ?? Int.max
        while left > 0 {
            let start = reader.offset
            do {
                list.properties.append(try property(&reader))
            } catch {
                list.problem = "property \(list.properties.count + 1) of \(count) at byte \(start): \(error.reason)"
                return list
            }
            left -= 1
        }
        return list
    }

    struct Failure: Error { var reason: String }

    static func property(_ reader: inout LittleEndianReader) throws(Failure) -> MAPIProperty {
        guard let rawType = reader.u16(), let id = reader.u16() else { throw Failure(reason: "tag cut short") }
        if id >= 0x8000 { try skipName(&reader) }
        let multi = rawType & MAPIPropertyType.multiValued != 0
        let type = rawType & ~MAPIPropertyType.multiValued
        var property = MAPIProperty(id: id, type: type, isMultiValued: multi, values: [])
        if let size = MAPIPropertyType.fixedSize(type) {
            let count = multi ? try valueCount(&reader, minimumSize: size) : 1
            for _ in 0..<count {
                guard let range = reader.take(size) else { throw Failure(reason: "value of type 0x\(hex(type)) cut short") }
                property.values.append(range)
            }
        } else if MAPIPropertyType.isVariable(type) {
            // Variable types carry a value count even when single-valued.
            let count = try valueCount(&reader, minimumSize: 4)
            for _ in 0..<count {
                guard let size = reader.length(), let range = reader.take(size) else {
                    throw Failure(reason: "value of type 0x\(hex(type)) longer than the block")
                }
                reader.skipPadding(after: size)
                property.values.append(range)
            }
        } else {
            throw Failure(reason: "unknown property type 0x\(hex(rawType))")
        }
        return property
    }

    /// A value count that the bytes left can hold, `minimumSize` bytes a value at least.
    static func valueCount(_ reader: inout LittleEndianReader, minimumSize: Int) throws(Failure) -> Int {
        guard let raw = reader.u32() else { throw Failure(reason: "value count cut short") }
        guard let count = Int(exactly: raw), count <= reader.remaining / minimumSize else {
            throw Failure(reason: "\(raw) values cannot fit in \(reader.remaining) bytes")
        }
        return count
    }

    /// A named property's name: GUID, kind, then a number or a counted UTF-16 string, padded.
    static func skipName(_ reader: inout LittleEndianReader) throws(Failure) {
        guard reader.skip(16), let kind = reader.u32() else { throw Failure(reason: "property name cut short") }
        switch kind {
        case 0:
            guard reader.skip(4) else { throw Failure(reason: "property name id cut short") }
        case 1:
            guard let size = reader.length(), reader.skip(size) else { throw Failure(reason: "property name string cut short") }
            reader.skipPadding(after: size)
        default:
            throw Failure(reason: "unknown property name kind \(kind)")
        }
    }

    static func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
