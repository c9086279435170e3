import Foundation

/// A mail file named on the command line, read whole. Failures name the file and the cause in
/// words an admin can act on.
struct MailFile {
    let path: String
    let bytes: [UInt8]
    /// When the file was written: the request day of a mail without a Date header.
    var modified: Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    /// Last path component, as `inspect --json` reports it.
    var name: String { (path as NSString).lastPathComponent }

    static func read(_ path: String) -> Result<MailFile, MailFileError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(MailFileError(path: path, reason: "no such file"))
        }
        if isDirectory.boolValue { return .failure(MailFileError(path: path, reason: "is a directory, not a mail file")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(MailFileError(path: path, reason: "cannot be read (permission denied?)"))
        }
        return .success(MailFile(path: path, bytes: [UInt8](data)))
    }
}

struct MailFileError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "ocm-intake: \(path): \(reason)" }
}

/// Writes to stderr without going through the non-Sendable global `stderr`.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
