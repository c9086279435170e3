import XCTest
@testable import MIME

/// The fast paths of `Base64.decode` (whole 4-byte groups) and `MultipartSplitter.split`
/// (memmem for the boundary) must give exactly what the byte-by-byte versions they replaced
/// gave, malformed input included. The references below are those versions.
final class FastPathEquivalenceTests: XCTestCase {
    static func referenceBase64(_ input: [UInt8]) -> (bytes: [UInt8], malformed: Bool) {
        var value = [Int](repeating: -3, count: 256)  // -3 junk, -2 skip, -1 pad
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { value[Int(c)] = i }
        for c in [0x20, 0x09, 0x0D, 0x0A, 0x0B, 0x0C] { value[c] = -2 }
        value[Int(UInt8(ascii: "="))] = -1
        var out: [UInt8] = [], malformed = false, acc: UInt32 = 0, n = 0
        func flush() {
            if n == 2 { out.append(UInt8(truncatingIfNeeded: acc >> 4)) }
            if n == 3 { out += [UInt8(truncatingIfNeeded: acc >> 10), UInt8(truncatingIfNeeded: acc >> 2)] }
            if n == 1 { malformed = true }
            acc = 0; n = 0
        }
        for c in input {
            let v = value[Int(c)]
            if v >= 0 {
                acc = acc << 6 | UInt32(v); n += 1
                if n == 4 { out += [UInt8(truncatingIfNeeded: acc >> 16), UInt8(truncatingIfNeeded: acc >> 8), UInt8(truncatingIfNeeded: acc)]; acc = 0; n = 0 }
            } else if v == -1 { flush() } else if v == -3 { malformed = true }
        }
        flush()
        return (out, malformed)
    }

    func testBase64AgreesWithTheByteWiseDecoder() {
        var generator = SystemRandomNumberGenerator()
        let noise = Array("=\r\n \t*-_.é".utf8)
        for round in 0..<2000 {
            let data = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var encoded = Array(Data(data).base64EncodedString(options: round % 2 == 0 ? .lineLength76Characters : []).utf8)
            // Damage some inputs: noise at random places, a cut tail, padding in the middle.
            for _ in 0..<(round % 5) where !encoded.isEmpty {
                encoded.insert(noise.randomElement(using: &generator)!, at: Int.random(in: 0...encoded.count, using: &generator))
            }
            if round % 7 == 0, !encoded.isEmpty { encoded.removeLast(Int.random(in: 0...min(3, encoded.count), using: &generator)) }
            let fast = Base64.decode(encoded), reference = Self.referenceBase64(encoded)
            XCTAssertEqual(fast.bytes, reference.bytes, String(decoding: encoded, as: UTF8.self))
            XCTAssertEqual(fast.malformed, reference.malformed, String(decoding: encoded, as: UTF8.self))
            if round % 5 == 0 && round % 7 != 0 { XCTAssertEqual(fast.bytes, data) }
        }
    }

    /// The fast path guesses where the next line break is from the last line's length; lines
    /// that change length, split groups or break with LF, a space or CR LF + space must still
    /// decode as the byte-wise decoder does, and to the original bytes.
    func testBase64WithChangingLineLengthsAgreesWithTheByteWiseDecoder() {
        var generator = SystemRandomNumberGenerator()
        let breaks: [[UInt8]] = [[0x0D, 0x0A], [0x0A], [0x20], [0x0D, 0x0A, 0x20]]
        for _ in 0..<1000 {
            let data = (0..<Int.random(in: 0..<700, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let plain = Array(Data(data).base64EncodedString().utf8)
            var encoded: [UInt8] = []
            var k = 0
            while k < plain.count {
                let n = [76, 76, 76, 64, 72, 4, 8, 16, 17, 3, 100].randomElement(using: &generator)!
                encoded += plain[k..<min(k + n, plain.count)] + breaks.randomElement(using: &generator)!
                k += n
            }
            let fast = Base64.decode(encoded), reference = Self.referenceBase64(encoded)
            XCTAssertEqual(fast.bytes, reference.bytes, String(decoding: encoded, as: UTF8.self))
            XCTAssertEqual(fast.bytes, data)
            XCTAssertFalse(fast.malformed)
        }
    }

    func testBase64OfASlice() {
        let bytes = Array("xxSG9sYQ==yy".utf8)
        XCTAssertEqual(Base64.decode(bytes[2..<10]).bytes, Array("Hola".utf8))
    }

    /// The splitter as it was: every line start, one at a time.
    static func referenceSplit(_ bytes: [UInt8], in range: Range<Int>, boundary: [UInt8], maxParts: Int) -> MultipartSplitter.Result {
        var result = MultipartSplitter.Result(parts: [], foundBoundary: false, closed: false, remainder: nil)
        guard !boundary.isEmpty else { return result }
        var partStart: Int?
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let next = MultipartSplitter.nextLineStart(bytes, from: i, end: end)
            if let close = MultipartSplitter.boundaryLine(bytes, at: i, lineEnd: next, boundary: boundary) {
                result.foundBoundary = true
                if let start = partStart, start < i {
                    if result.parts.count == maxParts { result.remainder = start..<end; return result }
                    result.parts.append(start..<max(start, MultipartSplitter.contentEnd(bytes, before: i, floor: start)))
                }
                if close { result.closed = true; return result }
                partStart = next
            }
            i = next
        }
        if let start = partStart {
            if result.parts.count == maxParts { result.remainder = start..<end } else { result.parts.append(start..<end) }
        }
        return result
    }

    func testSplitterAgreesWithTheLineByLineScan() {
        let pieces = ["--b", "--b--", "--bb", "x--b", "--b  ", "--b\t--", "body", "", "--", "-", "b", "--b--x", "é"]
        let breaks = ["\r\n", "\n", "\r", ""]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0..<12, using: &generator) {
                text += pieces.randomElement(using: &generator)! + breaks.randomElement(using: &generator)!
            }
            let bytes = Array(text.utf8)
            let lower = round % 3 == 0 && !bytes.isEmpty ? Int.random(in: 0..<bytes.count, using: &generator) : 0
            let maxParts = round % 4 == 0 ? 1 : .max
            let fast = MultipartSplitter.split(bytes, in: lower..<bytes.count, boundary: Array("b".utf8), maxParts: maxParts)
            let reference = Self.referenceSplit(bytes, in: lower..<bytes.count, boundary: Array("b".utf8), maxParts: maxParts)
            XCTAssertEqual(fast, reference, "\(text.debugDescription) from \(lower)")
        }
    }
}
