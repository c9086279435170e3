import Foundation

/// Writes TNEF streams (winmail.dat) the way Outlook lays them out, so decoder and engine tests
/// need no binary files: signature and key, attTnefVersion, attOemCodepage, attMessageClass,
/// the message's body and properties, then per file attAttachRenddata, attAttachTitle,
/// attAttachData and attAttachment. Checksums are right unless a test asks otherwise.
/// MIMETests and IntakeTests both use it.
public struct TNEFFixture {
    public struct File {
        public var name: String
        public var data: [UInt8]
        /// attAttachTitle; the name itself when nil (Outlook writes the long name there too).
        public var title: String?
        /// Also write the name as PR_ATTACH_LONG_FILENAME in PT_UNICODE (attAttachment).
        public var unicodeLongName = false
        public var mimeTag: String?
        /// Store the bytes as PR_ATTACH_DATA_BIN in attAttachment instead of attAttachData.
        public var dataAsProperty = false

        public init(name: String, data: [UInt8], title: String? = nil, unicodeLongName: Bool = false,
                    mimeTag: String? = nil, dataAsProperty: Bool = false) {
            self.name = name
            self.data = data
            self.title = title
            self.unicodeLongName = unicodeLongName
            self.mimeTag = mimeTag
            self.dataAsProperty = dataAsProperty
        }
    }

    public enum Property {
        case string8(UInt16, String)
        case unicode(UInt16, String)
        case binary(UInt16, [UInt8])
        case long(UInt16, UInt32)
        case sysTime(UInt16)
        /// A named property (id ≥ 0x8000) with a string name, PT_BOOLEAN value.
        case namedBoolean(UInt16, name: String)
    }

    public static let messageClass: UInt32 = 0x0007_8008
    public static let tnefVersion: UInt32 = 0x0008_9006
    public static let oemCodePage: UInt32 = 0x0006_9007
    public static let subject: UInt32 = 0x0001_8004
    public static let body: UInt32 = 0x0001_800C
    public static let messageProperties: UInt32 = 0x0006_9003
    public static let renderData: UInt32 = 0x0006_9002
    public static let attachTitle: UInt32 = 0x0001_8010
    public static let attachData: UInt32 = 0x0006_800F
    public static let attachment: UInt32 = 0x0006_9005

    public init() {}

    /// The stream so far.
    public private(set) var bytes: [UInt8] = le32(0x223E_9F78) + le16(0x5A3C)
    /// Offsets where a whole attribute ends: a stream cut there is shorter but intact.
    public private(set) var boundaries: [Int] = [6]

    /// One attribute; `checksum` overrides the right one.
    public mutating func attribute(level: UInt8, id: UInt32, _ data: [UInt8], checksum: UInt16? = nil) {
        bytes += [level] + Self.le32(id) + Self.le32(UInt32(data.count)) + data
        bytes += Self.le16(checksum ?? Self.checksum(data))
        boundaries.append(bytes.count)
    }

    /// The message-level attributes Outlook opens every stream with.
    public mutating func outlookHeader(codePage: UInt32 = 1252) {
        attribute(level: 1, id: Self.tnefVersion, Self.le32(0x0001_0000))
        attribute(level: 1, id: Self.oemCodePage, Self.le32(codePage) + Self.le32(0))
        attribute(level: 1, id: Self.messageClass, Self.string8("IPM.Microsoft Mail.Note"))
    }

    public mutating func file(_ file: File) {
        // RENDDATA: file attachment (1), position unknown, no picture size, no flags.
        attribute(level: 2, id: Self.renderData, Self.le16(1) + Self.le32(0xFFFF_FFFF) + Self.le16(0) + Self.le16(0) + Self.le32(0))
        attribute(level: 2, id: Self.attachTitle, Self.string8(file.title ?? file.name))
        if !file.dataAsProperty { attribute(level: 2, id: Self.attachData, file.data) }
        var properties: [Property] = [.long(0x3705, 1), .sysTime(0x3007)]
        if file.unicodeLongName {
            properties.insert(.namedBoolean(0x8005, name: "AttachmentHidden"), at: 0)
            properties.append(.unicode(0x3707, file.name))
        }
        if let tag = file.mimeTag { properties.append(.string8(0x370E, tag)) }
        if file.dataAsProperty { properties.append(.binary(0x3701, file.data)) }
        attribute(level: 2, id: Self.attachment, Self.properties(properties))
    }

    /// A winmail.dat as Outlook sends it: header, subject, plain body (attBody), message
    /// properties (`messageProperties`, e.g. PR_BODY or PR_RTF_COMPRESSED), then the files.
    public static func winmail(subject: String? = nil, body: String? = nil, messageProperties: [Property] = [],
                        files: [File]) -> TNEFFixture {
        var tnef = TNEFFixture()
        tnef.outlookHeader()
        if let subject { tnef.attribute(level: 1, id: Self.subject, string8(subject)) }
        if let body { tnef.attribute(level: 1, id: Self.body, string8(body)) }
        if !messageProperties.isEmpty { tnef.attribute(level: 1, id: Self.messageProperties, properties(messageProperties)) }
        for file in files { tnef.file(file) }
        return tnef
    }

    // MARK: Encodings

    /// A MAPI property block: count, then tag, name (named properties), value(s) padded to 4.
    public static func properties(_ list: [Property]) -> [UInt8] {
        var out = le32(UInt32(list.count))
        for property in list {
            switch property {
            case .string8(let id, let s): out += le16(0x001E) + le16(id) + counted(string8(s))
            case .unicode(let id, let s): out += le16(0x001F) + le16(id) + counted(utf16LE(s))
            case .binary(let id, let b): out += le16(0x0102) + le16(id) + counted(b)
            case .long(let id, let v): out += le16(0x0003) + le16(id) + le32(v)
            case .sysTime(let id): out += le16(0x0040) + le16(id) + le32(0xD53E_8000) + le32(0x01DC_9A2B)
            case .namedBoolean(let id, let name):
                let guid: [UInt8] = [0x08, 0x20, 0x06, 0, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0x46]
                out += le16(0x000B) + le16(id) + guid + le32(1) + padded(le32(UInt32(utf16LE(name).count)) + utf16LE(name))
                out += le16(1) + le16(0)
            }
        }
        return out
    }

    /// One value of a variable-size type: value count 1, size, bytes, padding to 4.
    public static func counted(_ value: [UInt8]) -> [UInt8] { le32(1) + le32(UInt32(value.count)) + padded(value) }

    public static func padded(_ b: [UInt8]) -> [UInt8] { b + [UInt8](repeating: 0, count: (4 - b.count % 4) % 4) }

    /// Windows-1252 with the terminating NUL Outlook writes.
    public static func string8(_ s: String) -> [UInt8] {
        Array(s.data(using: .windowsCP1252, allowLossyConversion: true) ?? Data()) + [0]
    }

    public static func utf16LE(_ s: String) -> [UInt8] { (Array(s.utf16) + [0]).flatMap { le16($0) } }

    public static func checksum(_ data: [UInt8]) -> UInt16 { data.reduce(0) { $0 &+ UInt16($1) } }

    public static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }

    public static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
}
