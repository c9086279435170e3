#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the body parts of a multipart entity: the byte ranges between `--boundary` lines
/// (RFC 2046 5.1.1). One linear pass (memchr for `--boundary`, then a check that it starts a
/// boundary line); the preamble and epilogue are skipped.
public struct MultipartSplitter: Sendable {
    public struct Result: Sendable, Equatable {
        /// Content of each part: from after its boundary line to before the line break that
        /// precedes the next boundary line.
        public var parts: [Range<Int>]
        /// False when no boundary line was found at all.
        public var foundBoundary: Bool
        /// True when the close delimiter `--boundary--` was seen.
        public var closed: Bool
        /// Start of the parts not returned because `maxParts` was reached.
        public var remainder: Range<Int>?
    }

    /// Splits `bytes[range]` on `boundary`, returning at most `maxParts` ranges.
    public static func split(_ bytes: [UInt8], in range: Range<Int>, boundary: [UInt8], maxParts: Int = .max) -> Result {
        var result = Result(parts: [], foundBoundary: false, closed: false, remainder: nil)
        guard !boundary.isEmpty else { return result }
        var partStart: Int?  // start of the open part's content
        let end = range.upperBound
        let delimiter = [0x2D, 0x2D] + boundary
        var from = range.lowerBound
        while let i = find(delimiter, in: bytes, from: from, end: end) {
            // A boundary line starts a line: at the start, after LF, or after a bare CR (CR then `-`).
            guard i == range.lowerBound || bytes[i - 1] == 0x0A || bytes[i - 1] == 0x0D else {
                from = i + 1
                continue
            }
            let next = nextLineStart(bytes, from: i, end: end)
            guard let close = boundaryLine(bytes, at: i, lineEnd: next, boundary: boundary) else {
                from = i + 1
                continue
            }
            result.foundBoundary = true
            // A boundary line straight after another one (a doubled line, as in a 2002 Mutt bug
            // report in mime4j's corpus) encloses no body part: RFC 2046's `delimiter` needs a CRLF
            // of its own before `--boundary`, which a part of zero bytes cannot supply.
            if let start = partStart, start < i {
                if result.parts.count == maxParts {
                    result.remainder = start..<end
                    return result
                }
                result.parts.append(start..<max(start, contentEnd(bytes, before: i, floor: start)))
            }
            if close {
                result.closed = true
                return result  // the epilogue is ignored
            }
            partStart = next
            from = next
        }
        if let start = partStart {
            // QUIRK: no close delimiter (truncated mail, some mass mailers): the last part runs to the end.
            if result.parts.count == maxParts {
                result.remainder = start..<end
            } else {
                result.parts.append(start..<end)
            }
        }
        return result
    }

    /// First index at or after `from` where `needle` occurs wholly before `end`. memchr finds
    /// each `-` (none in base64, few in text), memcmp checks the rest: the boundary scan skips
    /// part bodies at memory speed instead of reading them line by line.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int, end: Int) -> Int? {
        guard !needle.isEmpty, end - from >= needle.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { n in
                let base = haystack.baseAddress!
                let last = end - n.count  // the last index where the needle still fits
                var i = from
                while i <= last {
                    guard let hit = memchr(base + i, Int32(n[0]), last - i + 1) else { return nil }
                    let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    if memcmp(base + at, n.baseAddress!, n.count) == 0 { return at }
                    i = at + 1
                }
                return nil
            }
        }
    }

    /// nil when the line at `i` is not a boundary line; else whether it is the close delimiter.
    @inline(__always)
    static func boundaryLine(_ bytes: [UInt8], at i: Int, lineEnd: Int, boundary: [UInt8]) -> Bool? {
        let n = boundary.count
        guard lineEnd - i >= n + 2, bytes[i] == 0x2D, bytes[i + 1] == 0x2D else { return nil }
        var k = 0
        while k < n {
            if bytes[i + 2 + k] != boundary[k] { return nil }
            k += 1
        }
        var j = i + 2 + n
        var close = false
        if j + 1 < lineEnd, bytes[j] == 0x2D, bytes[j + 1] == 0x2D {
            close = true
            j += 2
        }
        // QUIRK: transport padding (spaces, tabs) after the boundary, added by gateways and Exchange.
        while j < lineEnd {
            let b = bytes[j]
            if b != 0x20, b != 0x09, b != 0x0D, b != 0x0A { return nil }
            j += 1
        }
        return close
    }

    /// Index after the next line break (CRLF, LF or bare CR) at or after `i`.
    @inline(__always)
    static func nextLineStart(_ bytes: [UInt8], from i: Int, end: Int) -> Int {
        var j = i
        while j < end {
            let b = bytes[j]
            if b == 0x0A { return j + 1 }
            if b == 0x0D { return j + 1 < end && bytes[j + 1] == 0x0A ? j + 2 : j + 1 }
            j += 1
        }
        return end
    }

    /// The line break before a boundary line belongs to the boundary (RFC 2046).
    static func contentEnd(_ bytes: [UInt8], before i: Int, floor: Int) -> Int {
        var e = i
        if e > floor, bytes[e - 1] == 0x0A { e -= 1 }
        if e > floor, bytes[e - 1] == 0x0D { e -= 1 }
        return e
    }
}
