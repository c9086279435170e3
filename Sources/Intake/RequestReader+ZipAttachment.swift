import Foundation
import MIME

/// Areas often send the material of 4.1.1 as one "Material capacitación.zip": an OCM
/// professional opens it and checks the files inside, so the reader does too. One level deep,
/// under the Office limits (entries, inflated bytes per file and in all); a zip that cannot be
/// read is judged as the file it is, with a warning.
extension RequestReader {
    /// Files taken from one zip at most; a material package holds a dozen.
    static let maxZipMembers = 100

    static func isZip(_ part: MIMEPart) -> Bool {
        let name = (part.filename ?? "").lowercased()
        return name.hasSuffix(".zip") || ["application/zip", "application/x-zip-compressed", "application/x-zip"].contains(part.mimeType)
    }

    /// The files of a zip attachment as evidence, or nil when `part` is no readable zip.
    func zipMembers(of part: MIMEPart) -> (files: [AttachmentEvidence], notes: [String])? {
        guard Self.isZip(part), case .leaf(let bytes) = part.body, !bytes.isEmpty else { return nil }
        let name = part.filename ?? "adjunto.zip"
        guard let archive = try? ZIPArchive(data: Data(bytes), maxEntries: officeLimits.maxEntries, key: OOXMLPackage.key) else { return nil }
        var files: [AttachmentEvidence] = []
        var notes: [String] = []
        var inflated = 0
        for entry in archive.entries where Self.isMaterialFile(entry.path) {
            guard files.count < Self.maxZipMembers else { notes.append("\(name): más de \(Self.maxZipMembers) archivos; no se leyeron los demás"); break }
            let room = min(officeLimits.maxEntryInflatedBytes, officeLimits.maxTotalInflatedBytes - inflated)
            let member = String(entry.path.split(separator: "/").last ?? Substring(entry.path))
            switch try? archive.extract(entry, maxOutput: max(room, 0)) {
            case .data(let data)?:
                inflated += data.count
                files.append(AttachmentEvidence(filename: member, contentType: "application/octet-stream", data: [UInt8](data), limits: officeLimits))
            case .exceeded?:
                files.append(AttachmentEvidence(filename: member, contentType: "application/octet-stream", data: nil, byteCount: Int(clamping: entry.uncompressedSize), limits: officeLimits))
            case nil:
                notes.append("\(name): no se pudo leer \(member)")
            }
        }
        return files.isEmpty ? nil : (files, notes)
    }

    /// Files, not folders, nor the metadata macOS and Windows leave in archives.
    static func isMaterialFile(_ path: String) -> Bool {
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        return !path.hasSuffix("/") && !path.hasPrefix("__MACOSX/") && !last.hasPrefix(".") && !last.hasPrefix("~$")
            && last.lowercased() != "thumbs.db"
    }
}
