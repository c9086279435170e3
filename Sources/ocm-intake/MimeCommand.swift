import ArgumentParser
import Foundation
import MIME

/// `ocm-intake mime FILE…`: the MIME tree the daemon sees, for admins.
struct MimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mime",
        abstract: "Print the MIME tree of mail files: types, charsets, encodings, names, sizes, warnings."
    )

    @Flag(name: .long, help: "One JSON object per file and line.")
    var json = false

    @Argument(help: "Mail files (.eml).")
    var files: [String]

    func run() throws {
        var failed = false
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (index, path) in files.enumerated() {
            switch MailFile.read(path) {
            case .failure(let error):
                printError(error.description)
                failed = true
            case .success(let file):
                let outline = MessageOutline(MessageParser.parse(file.bytes))
                if json {
                    let data = try encoder.encode(FileOutline(file: file.name, outline: outline))
                    print(String(decoding: data, as: UTF8.self))
                } else {
                    if index > 0 { print("") }
                    print("== \(path)")
                    print(outline.text)
                }
            }
        }
        if failed { throw ExitStatus.usageOrConfig }
    }
}

private struct FileOutline: Encodable {
    let file: String
    let outline: MessageOutline

    enum CodingKeys: String, CodingKey { case file, subject, from, messageID, root, warnings }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(outline.subject, forKey: .subject)
        try c.encode(outline.from, forKey: .from)
        try c.encode(outline.messageID, forKey: .messageID)
        try c.encode(outline.root, forKey: .root)
        try c.encode(outline.warnings, forKey: .warnings)
    }
}
