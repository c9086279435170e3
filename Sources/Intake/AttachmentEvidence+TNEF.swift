import MIME

/// A winmail.dat stands for the files inside it: Outlook packs a mail's attachments into one
/// TNEF part, and the procedure asks about those files, not about the wrapper.
extension AttachmentEvidence {
    /// Evidence for one attachment part: the files inside it when `tnef` (the part's
    /// `tnefContent`) is a readable stream, else the part itself. `notes` are what the TNEF
    /// decoder tolerated, for the request's warnings.
    static func evidence(for part: MIMEPart, tnef: TNEFContent?,
                         officeLimits: OfficeLimits) -> (files: [AttachmentEvidence], notes: [String]) {
        guard let tnef else {
            return ([AttachmentEvidence(part: part, limits: officeLimits)], [])
        }
        let name = part.filename ?? "winmail.dat"
        let notes = tnef.warnings.map { "\(name): \($0)" }
        // Not TNEF after all (a file merely named winmail.dat): judged as the file it is.
        guard tnef.isReadable else { return ([AttachmentEvidence(part: part, limits: officeLimits)], notes) }
        let files = tnef.attachments.map { file in
            AttachmentEvidence(filename: file.filename, contentType: file.mediaType, data: file.isDataOmitted ? nil : file.data,
                               byteCount: file.byteCount, limits: officeLimits)
        }
        return (files, notes)
    }
}
