import Foundation
import Glibc
import MailTransport

/// A mail file named on the command line, read whole. Failures name the file and the cause in
/// words an admin can act on.
struct MailFile {
    let path: String
    /// The bytes sit in a box so a reader can take them (`takeBytes`) and be their only owner.
    private let box: Bytes
    var bytes: [UInt8] { box.bytes }

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.box = Bytes(bytes)
    }

    /// Hands the bytes over and keeps none: `MessageParser.parse(releasing:)` may then release
    /// the pages of decoded parts (issue 11). `bytes` is empty afterwards.
    func takeBytes() -> [UInt8] {
        defer { box.bytes = [] }
        return box.bytes
    }

    private final class Bytes {
        var bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }
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
        guard let bytes = contents(path) else {
            return .failure(MailFileError(path: path, reason: "cannot be read (permission denied?)"))
        }
        return .success(MailFile(path: path, bytes: bytes))
    }

    /// The whole file read straight into the array the parser takes (`FileBytes`).
    static func contents(_ path: String) -> [UInt8]? { FileBytes.read(path) }
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

/// Output that writes its own JSON line, byte for byte what `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes` would write, without the encoder's cost.
protocol JSONLine {
    var jsonLine: String { get }
}

/// The per-file loop of `inspect` and `mime`: each readable file goes to `body` as JSON (one
/// line) or text (blank line between files); an unreadable one is reported on stderr and the
/// others still print; any failure ends with exit code 2.
func forEachMailFile<Output: Encodable>(_ paths: [String], json: Bool, _ body: (MailFile) throws -> (json: Output, text: String)) throws {
    var failed = false
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    for (index, path) in paths.enumerated() {
        switch MailFile.read(path) {
        case .failure(let error):
            printError(error.description)
            failed = true
        case .success(let file):
            let output = try body(file)
            if json, let line = output.json as? any JSONLine {
                print(line.jsonLine)
            } else if json {
                print(String(decoding: try encoder.encode(output.json), as: UTF8.self))
            } else {
                if index > 0 { print("") }
                print(output.text)
            }
        }
    }
    if failed { throw ExitStatus.usageOrConfig }
}
