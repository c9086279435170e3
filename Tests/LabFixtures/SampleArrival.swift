import Foundation
import MIME
#if canImport(Glibc)
import Glibc
#endif

/// The daemon takes a mail's arrival from its Maildir file's time (issue 7 item 4), so a sample
/// copied into a Maildir gets the time its Date header says it was sent, as if delivered then.
/// The header is read by the product's own date parser and the time set with `utimes(2)`:
/// Foundation's DateFormatter and `setAttributes` left some copies at the copy time now and then,
/// which made the processing order (and so the request numbers) vary between runs.
public enum SampleArrival {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func stamp(_ file: URL) throws {
        let head = [UInt8](try Data(contentsOf: file).prefix(64 * 1024))
        guard let date = MessageParser.parse(head).date?.instant else { return }
        let seconds = date.timeIntervalSince1970
        var times = [timeval(tv_sec: Int(seconds), tv_usec: 0), timeval(tv_sec: Int(seconds), tv_usec: 0)]
        guard utimes(file.path, &times) == 0 else {
            throw Failure(description: "utimes \(file.path): errno \(errno)")
        }
        let written = (try FileManager.default.attributesOfItem(atPath: file.path))[.modificationDate] as? Date
        guard let written, abs(written.timeIntervalSince1970 - Double(Int(seconds))) < 1 else {
            throw Failure(description: "\(file.path): modification time is \(String(describing: written)), not \(date)")
        }
    }
}
