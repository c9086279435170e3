/// The state of one TNEF decode: a walk over the attributes (level, id, length, data,
/// checksum), message attributes into body and subject, attachment attributes gathered per
/// file from each attAttachRenddata to the next. Problems become warnings with byte offsets.
struct TNEFDecoder {
    /// One file while its attributes are being read.
    struct Pending {
        var title: String?
        var longName: String?
        var shortName: String?
        var displayName: String?
        var mimeTag: String?
        var data: Range<Int>?
        var isEmbeddedObject = false

        var filename: String? { [longName, title, shortName, displayName].lazy.compactMap { $0 }.first { !$0.isEmpty } }
    }

    /// Warnings kept per stream; a hostile stream of bad checksums must not grow the list.
    static let maxWarnings = 32

    let bytes: [UInt8]
    let part: String
    let limits: ParseLimits
    var reader: LittleEndianReader
    var content = TNEFContent(isReadable: false)
    /// Charset of 8-bit strings: attOemCodepage, Windows-1252 until one is seen.
    var charset = "windows-1252"
    var pending: Pending?
    var dropping = false
    var totalBytes = 0
    var attributeSubject: String?, attributeBody: String?
    var propertySubject: String?, propertyBody: String?, htmlBody: String?
    var sawRTF = false

    init(_ bytes: [UInt8], part: String, limits: ParseLimits) {
        self.bytes = bytes
        self.part = part
        self.limits = limits
        reader = LittleEndianReader(bytes)
    }

    mutating func run() -> TNEFContent {
        guard let signature = reader.u32(), signature == TNEF.signature else {
            let head = bytes.prefix(4).map { String($0, radix: 16) }.joined(separator: " ")
            warn(.malformedTNEF, "not a TNEF stream: starts with [\(head)], not 78 9f 3e 22")
            return content
        }
        content.isReadable = true
        if !reader.skip(2) { warn(.malformedTNEF, "stream ends inside its key at byte 4") }
        while !reader.isAtEnd, attribute() {}
        return finish()
    }

    /// Reads one attribute; false when the stream cannot be read any further.
    mutating func attribute() -> Bool {
        let start = reader.offset
        guard let level = reader.u8(), let id = reader.u32(), let declared = reader.u32() else {
            warn(.malformedTNEF, "attribute at byte \(start) cut short: \(reader.end - start) bytes left of its 9-byte header")
            return false
        }
        let name = "attribute 0x\(Self.hex(id)) at byte \(start)"
        guard let length = Int(exactly: declared), let data = reader.take(length) else {
            warn(.malformedTNEF, "\(name) declares \(declared) bytes, \(reader.remaining) left")
            return false
        }
        if let stored = reader.u16() {
            let sum = bytes[data].reduce(UInt16(0)) { $0 &+ UInt16($1) }
            // QUIRK: some third-party TNEF writers (old Lotus and Exchange connectors) get
            // the checksum wrong; the data is usually fine, so it is kept.
            if stored != sum { warn(.tnefChecksumMismatch, "\(name): checksum \(stored), data sums to \(sum); kept") }
        } else {
            warn(.malformedTNEF, "\(name) ends without its checksum; kept")
        }
        switch level {
        case TNEFAttribute.levelMessage: messageAttribute(id, data)
        case TNEFAttribute.levelAttachment: attachmentAttribute(id, data, name: name)
        default: warn(.malformedTNEF, "\(name) has level \(level), neither message (1) nor attachment (2); skipped")
        }
        return true
    }

    mutating func messageAttribute(_ id: UInt32, _ data: Range<Int>) {
        switch id {
        case TNEFAttribute.oemCodePage:
            var field = LittleEndianReader(bytes, range: data)
            if let codePage = field.u32() { charset = TNEFText.charset(codePage: codePage) }
        case TNEFAttribute.subject: attributeSubject = TNEFText.eightBit(bytes[data], charset: charset)
        case TNEFAttribute.body: attributeBody = TNEFText.eightBit(bytes[data], charset: charset)
        case TNEFAttribute.messageProperties: messageProperties(data)
        default: break
        }
    }

    /// attMsgProps: encapsulated properties win over the attributes they duplicate (2.1.3).
    mutating func messageProperties(_ data: Range<Int>) {
        let list = properties(data, of: "attMsgProps")
        for property in list.properties where !property.isNamed {
            switch property.id {
            case TNEFAttribute.prSubject: propertySubject = property.text(in: bytes, charset: charset)
            case TNEFAttribute.prBody: propertyBody = property.text(in: bytes, charset: charset)
            case TNEFAttribute.prRTFCompressed: sawRTF = true
            case TNEFAttribute.prBodyHTML:
                guard let range = property.values.first else { break }
                // PR_BODY_HTML as PT_BINARY carries its own charset (PR_INTERNET_CPID): guessed.
                let html = property.type == MAPIPropertyType.binary
                    ? Charset.decode(Array(bytes[range]), declared: nil).text : property.text(in: bytes, charset: charset)
                htmlBody = html.map { HTMLText.convert($0, maxCharacters: limits.maxBodyTextCharacters).text }
            default: break
            }
        }
    }

    mutating func attachmentAttribute(_ id: UInt32, _ data: Range<Int>, name: String) {
        if id == TNEFAttribute.attachRenderData {
            startAttachment()
            return
        }
        guard id == TNEFAttribute.attachTitle || id == TNEFAttribute.attachData || id == TNEFAttribute.attachmentProperties else { return }
        if pending == nil, !dropping {
            // QUIRK: writers that skip attAttachRenddata (some fax and scanner gateways) still
            // group a file's attributes; they open the file here.
            warn(.malformedTNEF, "\(name) comes before any attAttachRenddata; read as a new file")
            startAttachment()
        }
        guard !dropping, var file = pending else { return }
        switch id {
        case TNEFAttribute.attachTitle: file.title = TNEFText.eightBit(bytes[data], charset: charset)
        case TNEFAttribute.attachData: file.data = data
        default: attachmentProperties(data, into: &file)
        }
        pending = file
    }

    mutating func attachmentProperties(_ data: Range<Int>, into file: inout Pending) {
        let list = properties(data, of: "attAttachment")
        for property in list.properties where !property.isNamed {
            switch property.id {
            case TNEFAttribute.prAttachLongFilename: file.longName = property.text(in: bytes, charset: charset)
            case TNEFAttribute.prAttachFilename: file.shortName = property.text(in: bytes, charset: charset)
            case TNEFAttribute.prDisplayName: file.displayName = property.text(in: bytes, charset: charset)
            case TNEFAttribute.prAttachMimeTag:
                file.mimeTag = property.text(in: bytes, charset: charset)?.trimmingWhitespace().lowercased()
            case TNEFAttribute.prAttachMethod:
                if property.integer(in: bytes) == TNEFAttribute.attachEmbeddedMessage { file.isEmbeddedObject = true }
            case TNEFAttribute.prAttachDataBin:
                if property.type == MAPIPropertyType.binary, let range = property.values.first {
                    file.data = range
                } else if property.type == MAPIPropertyType.object {
                    file.isEmbeddedObject = true
                }
            default: break
            }
        }
    }

    mutating func properties(_ data: Range<Int>, of attribute: String) -> MAPIPropertyList {
        let list = MAPIPropertyList.parse(bytes, in: data)
        if let problem = list.problem { warn(.malformedTNEF, "\(attribute): \(problem); later properties skipped") }
        return list
    }

    /// Closes the file being read and opens the next, unless past `maxTNEFAttachments`.
    mutating func startAttachment() {
        finishAttachment()
        if content.attachments.count >= limits.maxTNEFAttachments {
            if !dropping {
                warn(.tnefAttachmentLimit, "more than \(limits.maxTNEFAttachments) files; the rest skipped")
            }
            dropping = true
            return
        }
        pending = Pending()
    }

    mutating func finishAttachment() {
        guard let file = pending else { return }
        pending = nil
        let name = file.filename
        if file.isEmbeddedObject, file.data == nil {
            warn(.tnefUnreadContent, "attached Outlook item \(name.map { "'\($0)'" } ?? "(unnamed)") not unpacked")
            return
        }
        guard let range = file.data else {
            if name != nil { warn(.malformedTNEF, "file '\(name ?? "")' has no data") }
            return
        }
        var attachment = TNEFAttachment(filename: name, contentType: file.mimeTag, data: [], byteCount: range.count)
        if totalBytes + range.count > limits.maxTotalDecodedBytes {
            warn(.totalSizeLimit, "file '\(name ?? "(unnamed)")' of \(range.count) bytes over \(limits.maxTotalDecodedBytes) in total; not read")
        } else {
            totalBytes += range.count
            attachment.data = Array(bytes[range])
        }
        content.attachments.append(attachment)
    }

    mutating func finish() -> TNEFContent {
        finishAttachment()
        let body = [propertyBody, attributeBody, htmlBody].lazy.compactMap { $0 }.first { $0.contains { !$0.isWhitespace } }
        content.bodyText = body.map { String($0.prefix(limits.maxBodyTextCharacters)) }
        if content.bodyText == nil, sawRTF { warn(.tnefUnreadContent, "the text is only in compressed RTF, which is not read") }
        content.subject = [propertySubject, attributeSubject].lazy.compactMap { $0?.trimmingWhitespace() }.first { !$0.isEmpty }
        return content
    }

    mutating func warn(_ kind: MIMEWarning.Kind, _ detail: String) {
        if content.warnings.count < Self.maxWarnings {
            content.warnings.append(MIMEWarning(kind, part: part, detail))
        } else if content.warnings.count == Self.maxWarnings {
            content.warnings.append(MIMEWarning(kind, part: part, "more problems; not listed"))
        }
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
