/// Bytes in, `Message` out: header block, transfer decoding, multipart tree, nested messages,
/// all within `ParseLimits`. Never throws: bad mail yields a usable value plus warnings.
public enum MessageParser {
    public static func parse(_ bytes: [UInt8], limits: ParseLimits = .default) -> Message {
        var context = ParseContext(limits: limits)
        return context.message(bytes, 0..<bytes.count, path: "", depth: 0)
    }

    /// `parse` of bytes nobody else reads afterwards: the raw pages of each large decoded part
    /// are handed back to the kernel as soon as it is decoded (`PageRelease`), so the message
    /// and its decoded attachments are not resident together. Same result as `parse`.
    public static func parse(releasing bytes: consuming [UInt8], limits: ParseLimits = .default) -> Message {
        var owned = bytes
        // A buffer the caller still shares is copied here, so a released page is never one
        // that someone else reads.
        owned.withUnsafeMutableBufferPointer { _ in }
        var context = ParseContext(limits: limits)
        context.pages = PageRelease(owned)
        return context.message(owned, 0..<owned.count, path: "", depth: 0)
    }
}

/// The mutable state of one parse: counters shared by the whole tree, warnings in document
/// order. Recursion only descends into containers and stops at `maxDepth`.
struct ParseContext {
    let limits: ParseLimits
    var partCount = 0
    var totalDecoded = 0
    var warnings: [MIMEWarning] = []
    /// Whether the current message already chose its text/plain and text/html body parts.
    var chosenText = false, chosenHTML = false
    /// Set by `parse(releasing:)`: where decoded parts' raw pages go back to the kernel.
    var pages: PageRelease?

    init(limits: ParseLimits) { self.limits = limits }

    mutating func message(_ bytes: [UInt8], _ range: Range<Int>, path: String, depth: Int) -> Message {
        let firstWarning = warnings.count
        let saved = (chosenText, chosenHTML)
        (chosenText, chosenHTML) = (false, false)
        defer { (chosenText, chosenHTML) = saved }
        let header = HeaderBlock.parse(bytes, in: range, limits: limits, part: path, isPart: false)
        warnings += header.warnings
        let meta = PartMetadata(header.fields, defaultType: PartMetadata.plainText)
        // Paths follow IMAP: a nested single-part body is "2.1", a nested multipart's children "2.1", "2.2".
        let rootPath = path.isEmpty || meta.contentType.value.hasPrefix("multipart/") ? path : path + ".1"
        let root = entity(bytes, header.fields, meta, body: header.bodyStart..<range.upperBound,
                          path: rootPath, depth: depth, enclosing: nil)
        return Message(headers: header.fields, root: root, warnings: Array(warnings[firstWarning...]), limits: limits)
    }

    /// Builds the part whose header is `headers` and whose (still encoded) body is `bytes[body]`.
    mutating func entity(_ bytes: [UInt8], _ headers: HeaderFields, _ meta: PartMetadata, body: Range<Int>,
                         path: String, depth: Int, enclosing: String?) -> MIMEPart {
        partCount += 1
        var part = MIMEPart(path: path, headers: headers, contentType: meta.contentType,
                            transferEncoding: meta.transferEncoding, disposition: meta.disposition,
                            filename: meta.filename, contentID: meta.contentID, body: .opaque(byteCount: body.count),
                            enclosingType: enclosing)
        for issue in meta.issues { warn(issue, &part, "in Content-Type or Content-Disposition") }
        let type = meta.contentType.value
        if partCount > limits.maxParts {
            warn(.partLimit, &part, "more than \(limits.maxParts) parts")
            return part
        }
        if type.hasPrefix("multipart/") || type == "message/rfc822" || type == "message/global" {
            if depth >= limits.maxDepth {
                warn(.depthLimit, &part, "nesting deeper than \(limits.maxDepth)")
                return part
            }
            if type.hasPrefix("multipart/") {
                multipart(bytes, body: body, depth: depth, into: &part)
            } else {
                nestedMessage(bytes, body: body, depth: depth, into: &part)
            }
            return part
        }
        leaf(bytes, body: body, into: &part)
        return part
    }

    mutating func multipart(_ bytes: [UInt8], body: Range<Int>, depth: Int, into part: inout MIMEPart) {
        let boundary = Array((part.contentType["boundary"] ?? "").utf8)
        let allowance = max(0, limits.maxParts - partCount)
        let split = MultipartSplitter.split(bytes, in: body, boundary: boundary, maxParts: allowance)
        guard split.foundBoundary else {
            // QUIRK: multipart without a boundary parameter or boundary line (broken list
            // software, truncated forwards): read the body as plain text rather than lose it.
            warn(.missingBoundary, &part, boundary.isEmpty ? "no boundary parameter" : "boundary never found")
            part.contentType = ParameterizedValue(value: "text/plain", parameters: part.contentType["charset"].map { [("charset", $0)] } ?? [])
            leaf(bytes, body: body, into: &part)
            return
        }
        if !split.closed, split.remainder == nil { warn(.missingFinalBoundary, &part, "no --\(String(decoding: boundary, as: UTF8.self))--") }
        if split.parts.isEmpty && split.remainder == nil { warn(.emptyMultipart, &part, "") }
        let childDefault = part.mimeType == "multipart/digest" ? PartMetadata.rfc822 : PartMetadata.plainText
        var children: [MIMEPart] = []
        children.reserveCapacity(split.parts.count + 1)
        for (i, r) in split.parts.enumerated() {
            let childPath = part.path.isEmpty ? "\(i + 1)" : "\(part.path).\(i + 1)"
            let header = HeaderBlock.parse(bytes, in: r, limits: limits, part: childPath, isPart: true)
            warnings += header.warnings
            let meta = PartMetadata(header.fields, defaultType: childDefault)
            var child = entity(bytes, header.fields, meta, body: header.bodyStart..<r.upperBound,
                               path: childPath, depth: depth + 1, enclosing: part.mimeType)
            child.warnings.insert(contentsOf: header.warnings, at: 0)
            children.append(child)
        }
        if let rest = split.remainder {
            // The parts past the limit are kept as one opaque stand-in, not thousands of parts.
            let childPath = part.path.isEmpty ? "\(children.count + 1)" : "\(part.path).\(children.count + 1)"
            var stub = MIMEPart(path: childPath, headers: HeaderFields(), contentType: part.contentType,
                                transferEncoding: "7bit", disposition: nil, filename: nil, contentID: nil,
                                body: .opaque(byteCount: rest.count), enclosingType: part.mimeType)
            warn(.partLimit, &stub, "more than \(limits.maxParts) parts; \(rest.count) bytes left unparsed")
            children.append(stub)
        }
        part.body = .multipart(children)
    }

    mutating func nestedMessage(_ bytes: [UInt8], body: Range<Int>, depth: Int, into part: inout MIMEPart) {
        let nested: Message
        if TransferEncoding.isIdentity(part.transferEncoding) {
            nested = message(bytes, body, path: part.path, depth: depth + 1)
        } else {
            // QUIRK: base64 or quoted-printable message/rfc822 (some gateways and mobile clients).
            // RFC 2046 5.2.1 forbids it and Python's `email` leaves it undecoded, hiding the
            // forwarded mail and its files; decoding costs nothing and loses nothing.
            let decoded = TransferEncoding.decode(bytes[body], encoding: part.transferEncoding)
            if let issue = decoded.issue { warn(issue, &part, "message/rfc822 in \(part.transferEncoding)") }
            nested = message(decoded.bytes, 0..<decoded.bytes.count, path: part.path, depth: depth + 1)
        }
        if part.filename == nil, part.disposition?.value == "attachment" {
            let subject = nested.subject?.trimmingWhitespace() ?? ""
            part.filename = (subject.isEmpty ? "message" : subject) + ".eml"
        }
        part.body = .message(nested)
    }

    mutating func leaf(_ bytes: [UInt8], body: Range<Int>, into part: inout MIMEPart) {
        // Identity encodings: the decoded size is known before copying anything.
        if TransferEncoding.isIdentity(part.transferEncoding), !withinSize(body.count, raw: body.count, &part) { return }
        // QUIRK: decoded content keeps its line breaks as they arrived: CRLF from IMAP and SMTP
        // (Outlook, Gmail), the canonical form of text (RFC 2045 6.7, RFC 2046 4.1.1), so a
        // 7bit/8bit/quoted-printable text attachment is the file the sender attached, byte for
        // byte. Python's reference reads files through universal newlines and counts LF only.
        let decoded = if let pages, body.count >= PageRelease.minimum, pages.owns(bytes) {
            TransferEncoding.decode(bytes, body, encoding: part.transferEncoding, releasing: pages)
        } else {
            TransferEncoding.decode(bytes[body], encoding: part.transferEncoding)
        }
        if let issue = decoded.issue { warn(issue, &part, "Content-Transfer-Encoding \(part.transferEncoding)") }
        if !TransferEncoding.isIdentity(part.transferEncoding), !withinSize(decoded.bytes.count, raw: body.count, &part) { return }
        totalDecoded += decoded.bytes.count
        part.body = .leaf(decoded.bytes)
        chooseBody(&part)
    }

    /// Checks the per-part and total limits; past one the part stays opaque with its raw size.
    mutating func withinSize(_ size: Int, raw: Int, _ part: inout MIMEPart) -> Bool {
        if size > limits.maxPartDecodedBytes {
            warn(.partSizeLimit, &part, "\(size) decoded bytes over \(limits.maxPartDecodedBytes)")
            part.body = .opaque(byteCount: raw)
            return false
        }
        if totalDecoded + size > limits.maxTotalDecodedBytes {
            warn(.totalSizeLimit, &part, "message over \(limits.maxTotalDecodedBytes) decoded bytes")
            part.body = .opaque(byteCount: raw)
            return false
        }
        return true
    }

    /// Marks the first eligible text/plain and text/html leaves of the current message as its body.
    mutating func chooseBody(_ part: inout MIMEPart) {
        let type = part.mimeType
        guard (type == "text/plain" && !chosenText) || (type == "text/html" && !chosenHTML),
              part.isBodyCandidate else { return }
        part.isBodyText = true
        if type == "text/plain" { chosenText = true } else { chosenHTML = true }
    }

    mutating func warn(_ kind: MIMEWarning.Kind, _ part: inout MIMEPart, _ detail: String) {
        let w = MIMEWarning(kind, part: part.path, detail)
        part.warnings.append(w)
        warnings.append(w)
    }
}
