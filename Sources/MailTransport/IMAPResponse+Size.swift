/// The size a server gives for a message too large to fetch.
extension IMAPResponse {
    /// `* 4 FETCH (UID 9 RFC822.SIZE 52428800)` → 52428800; nil when no line says it.
    static func messageSize(in lines: [String]) -> Int? {
        for line in lines {
            let upper = line.uppercased()
            guard upper.hasPrefix("* "), let range = upper.range(of: "RFC822.SIZE ") else { continue }
            if let size = Int(upper[range.upperBound...].prefix { $0.isASCII && $0.isNumber }) { return size }
        }
        return nil
    }
}
