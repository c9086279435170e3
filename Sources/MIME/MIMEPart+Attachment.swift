/// Which parts a person would call attachments. Mail clients disagree on the headers, so the
/// rule reads the combination of disposition, filename, Content-ID and enclosing multipart.
extension MIMEPart {
    /// True for a file the sender attached; false for containers, body text and inline images.
    ///
    /// - multipart containers and `message/*` without `attachment` disposition: no;
    ///   a `message/rfc822` with `Content-Disposition: attachment` is one attachment itself.
    /// - `message/external-body`: no; it only points to content elsewhere (RFC 2046 5.2.3).
    /// - the part chosen as body text: no.
    /// - `attachment`: yes.
    /// - `inline`: with a Content-ID (image referenced from the HTML) no; with a filename and
    ///   not text/plain|html, yes.
    /// - no disposition: a filename makes it an attachment unless it has a Content-ID inside
    ///   multipart/related; without filename, text/plain|html is body or alternative, not an
    ///   attachment; other types are, unless they are Content-ID images inside multipart/related.
    public var isAttachment: Bool {
        let type = mimeType
        if type.hasPrefix("multipart/") { return false }
        let disposition = self.disposition?.value
        if type == "message/rfc822" || type == "message/global" { return disposition == "attachment" }
        if type == "message/external-body" { return false }
        if isBodyText { return false }
        if disposition == "attachment" { return true }
        let hasName = filename.map { !$0.isEmpty } ?? false
        let isText = type == "text/plain" || type == "text/html"
        if disposition == "inline" {
            if contentID != nil { return false }
            // QUIRK: Apple Mail marks attached files `inline` with a filename.
            return hasName && !isText
        }
        let embedded = contentID != nil && enclosingType == "multipart/related"
        if hasName { return !embedded }
        return !isText && !embedded && !isProtocolPart
    }

    /// Could this text part be the message body? (Decided before `isBodyText` is set.)
    var isBodyCandidate: Bool {
        guard mimeType == "text/plain" || mimeType == "text/html" else { return false }
        let disposition = self.disposition?.value
        if disposition == "attachment" { return false }
        // QUIRK: some gateways name the body part of a single-part mail (`name=mail.txt`).
        if enclosingType == nil { return true }
        return filename == nil || disposition == "inline"
    }

    /// Unnamed parts that are protocol, not content: the delivery status of a report, the
    /// signature of multipart/signed, and `text/*` other than plain/html without a name
    /// (rfc822-headers, calendar alternatives) count only when named.
    private var isProtocolPart: Bool {
        enclosingType == "multipart/report" || enclosingType == "multipart/signed"
            || enclosingType == "multipart/alternative" || mimeType.hasPrefix("text/")
    }
}
