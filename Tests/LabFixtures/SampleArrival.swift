import Foundation

/// The daemon takes a mail's arrival from its Maildir file's time (issue 7 item 4), so a sample
/// copied into a Maildir gets the time its Date header says it was sent, as if delivered then.
public enum SampleArrival {
    public static func stamp(_ file: URL) throws {
        let text = String(decoding: try Data(contentsOf: file).prefix(64 * 1024), as: UTF8.self)
        // Split on Characters that are newlines: "\r\n" is ONE Character, so splitting on "\n"
        // found no line in a CRLF mail and the stamp silently did nothing.
        // A mail with no Date keeps its file time.
        guard let line = text.split(whereSeparator: \.isNewline).first(where: { $0.lowercased().hasPrefix("date:") }) else { return }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let value = line.dropFirst("date:".count).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let date = formatter.date(from: value) else { throw SampleArrivalFailure(description: "unreadable Date '\(value)' in \(file.path)") }
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: file.path)
    }
}

public struct SampleArrivalFailure: Error, CustomStringConvertible {
    public let description: String
}
