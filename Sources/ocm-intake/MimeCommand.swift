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
        try forEachMailFile(files, json: json) { file in
            let outline = MessageOutline(MessageParser.parse(file.bytes))
            // Under --json the text outline would be built only to be thrown away.
            let text = json ? "" : TerminalText.escaped("== \(file.path)\n" + outline.text)
            return (FileOutline(file: file.name, outline: outline), text)
        }
    }
}

private struct FileOutline: Encodable, JSONLine {
    let file: String
    let outline: MessageOutline

    var jsonLine: String { outline.jsonLine(file: file) }

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
