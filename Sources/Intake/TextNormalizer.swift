import Foundation

/// Folding of Spanish text for comparison. Mails write the same label or month as "PRODUCCIÓN",
/// "produccion" or "Producción"; every matcher in Intake compares folded text so none of them
/// carries its own accent table.
public enum TextNormalizer {
    /// Lowercase without diacritics. One Character out for one Character in, so an offset in
    /// the folded text is an offset in the original (the date parser relies on it).
    public static func fold(_ character: Character) -> Character {
        if character.isASCII { return Character(character.lowercased()) }
        let decomposed = character.lowercased().decomposedStringWithCanonicalMapping
        var kept = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where !isCombiningMark(scalar) {
            kept.append(scalar)
        }
        let folded = String(kept)
        return folded.count == 1 ? folded.first! : character
    }

    /// `fold` applied to every Character (a table for lone scalars below U+0300, see `walk`).
    public static func fold<S: StringProtocol>(_ text: S) -> String {
        var string = String(text)
        return string.withUTF8 { utf8 in
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count)
            walk(utf8, single: { entry in
                FoldTable.append(entry, to: &out)
            }, cluster: { segment in
                for character in segment { out.append(contentsOf: fold(character).utf8) }
            })
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The comparison key of a short phrase (a label, a closing): folded, punctuation and
    /// symbols turned into spaces, whitespace collapsed. "FECHA DE SALIDA A PRODUCCIÓN:" and
    /// "Fecha de salida a produccion" share a key. (`keyByCharacters` is the definition; this
    /// reads the bytes once, see `walk`: a forwarded thread of megabytes is keyed too.)
    public static func key<S: StringProtocol>(_ text: S) -> String {
        var string = String(text)
        return string.withUTF8 { utf8 in
            // Speed: written through a raw buffer (a megabyte text is millions of bytes out).
            var out = ByteSink(capacity: utf8.count + 16)
            defer { out.deallocate() }
            var pendingSpace = false
            func single(_ entry: UInt64) {
                guard entry & FoldTable.alphanumeric != 0 else {
                    pendingSpace = true
                    return
                }
                out.reserve(5)
                if pendingSpace && out.count > 0 { out.append(0x20) }
                pendingSpace = false
                out.appendEntry(entry)
            }
            func cluster(_ segment: String) {
                // `appendKey` spaces by emptiness: a placeholder byte stands for what is already out.
                var piece: [UInt8] = out.count > 0 ? [0] : []
                appendKey(of: segment, to: &piece, pendingSpace: &pendingSpace)
                out.reserve(piece.count)
                for byte in piece.dropFirst(out.count > 0 ? 1 : 0) { out.append(byte) }
            }
            let folds = FoldTable.shared.entries
            var i = 0
            let n = utf8.count
            while i < n {
                // Speed: an ASCII byte that no byte of U+0300 or above follows is a Character of its
                // own; its `FoldTable` entry is itself lowercased, alphanumeric for letters and digits.
                let b = utf8[i]
                if b < 0x80, i + 1 == n || utf8[i + 1] < 0xCC {
                    if (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 {
                        out.reserve(2)
                        if pendingSpace && out.count > 0 { out.append(0x20) }
                        pendingSpace = false
                        out.append(b &- 0x41 < 26 ? b | 0x20 : b)
                    } else {
                        pendingSpace = true
                    }
                    i += 1
                    continue
                }
                i = walkStep(utf8, at: i, folds: folds, single: single, cluster: cluster)
            }
            return out.string()
        }
    }

    /// A growable byte buffer without `Array`'s per-append checks of uniqueness.
    private struct ByteSink {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        /// Room for `extra` more bytes.
        @inline(__always)
        mutating func reserve(_ extra: Int) {
            guard count + extra > capacity else { return }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * (count + extra))
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
            capacity = 2 * (count + extra)
        }

        /// One byte, room reserved.
        @inline(__always)
        mutating func append(_ byte: UInt8) {
            base[count] = byte
            count += 1
        }

        /// A `FoldTable` entry's bytes, room reserved.
        @inline(__always)
        mutating func appendEntry(_ entry: UInt64) {
            let length = Int(entry >> 40 & 7)
            var value = entry
            for _ in 0..<length {
                base[count] = UInt8(truncatingIfNeeded: value)
                count += 1
                value >>= 8
            }
        }

        func string() -> String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

        func deallocate() { base.deallocate() }
    }

    /// Reads valid UTF-8 Character-aligned: a scalar below U+0300 that no scalar of U+0300 or
    /// above follows is a Character of its own (no such scalar extends a cluster) and goes to
    /// `single` as its `FoldTable` entry; the rare runs that may hold combining marks or other
    /// scripts go to `cluster` whole, as a String to read by Characters.
    @inline(__always)
    private static func walk(_ utf8: UnsafeBufferPointer<UInt8>, single: (UInt64) -> Void, cluster: (String) -> Void) {
        let folds = FoldTable.shared.entries
        var i = 0
        while i < utf8.count {
            i = walkStep(utf8, at: i, folds: folds, single: single, cluster: cluster)
        }
    }

    /// One step of `walk` from the Character starting at byte `i`; returns where the next starts.
    @inline(__always)
    private static func walkStep(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int, folds: [UInt64],
                                 single: (UInt64) -> Void, cluster: (String) -> Void) -> Int {
        let (scalar, length) = decodeScalar(utf8, at: i)
        let next = i + length
        if scalar < 0x300, next == utf8.count || utf8[next] < 0xCC || decodeScalar(utf8, at: next).value < 0x300,
           folds[Int(scalar)] & FoldTable.viaCharacters == 0 {
            single(folds[Int(scalar)])
            return next
        }
        let end = clusterRunEnd(utf8, from: next, after: scalar)
        cluster(String(decoding: UnsafeBufferPointer(rebasing: utf8[i..<end]), as: UTF8.self))
        return end
    }

    /// `key` by its definition, Character by Character (the reference the fast path is tested against).
    static func keyByCharacters<S: StringProtocol>(_ text: S) -> String {
        var out: [UInt8] = []
        var pendingSpace = false
        appendKey(of: text, to: &out, pendingSpace: &pendingSpace)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendKey<S: StringProtocol>(of text: S, to out: inout [UInt8], pendingSpace: inout Bool) {
        for character in text {
            let folded = fold(character)
            if folded.isLetter || folded.isNumber {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(contentsOf: folded.utf8)
            } else {
                pendingSpace = true
            }
        }
    }

    /// The end of the scalars that may belong to the clusters started before `i`: up to the
    /// next scalar below U+0300 (such a scalar never extends a cluster) that no Prepend
    /// scalar precedes.
    private static func clusterRunEnd(_ utf8: UnsafeBufferPointer<UInt8>, from i: Int, after first: UInt32) -> Int {
        var j = i
        var previous = first
        while j < utf8.count {
            let (scalar, length) = decodeScalar(utf8, at: j)
            if scalar < 0x300, !isPrepend(previous) { return j }
            previous = scalar
            j += length
        }
        return j
    }

    /// Grapheme_Cluster_Break=Prepend (Unicode 15): these join the following scalar.
    private static func isPrepend(_ v: UInt32) -> Bool {
        guard v >= 0x600 else { return false }
        switch v {
        case 0x600...0x605, 0x6DD, 0x70F, 0x890...0x891, 0x8E2, 0xD4E, 0x110BD, 0x110CD, 0x111C2...0x111C3,
             0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02: return true
        default: return false
        }
    }

    /// The scalar starting at `i` of valid UTF-8 (a String's storage) and its length in bytes.
    @inline(__always)
    private static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(utf8[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F), 3) }
        return ((b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F), 4)
    }

    /// `fold` of every scalar below U+0300 standing alone, computed once: per scalar its folded
    /// UTF-8 (bits 0–31, first byte lowest; length in bits 40–42), whether it is a letter or
    /// number, and whether it must go by Characters instead (a fold longer than 4 bytes).
    private struct FoldTable: Sendable {
        static let alphanumeric: UInt64 = 1 << 32
        static let viaCharacters: UInt64 = 1 << 33
        let entries: [UInt64]
        static let shared = FoldTable()

        init() {
            entries = (0..<0x300).map { value in
                let folded = TextNormalizer.fold(Character(Unicode.Scalar(UInt32(value))!))
                var entry: UInt64 = folded.isLetter || folded.isNumber ? FoldTable.alphanumeric : 0
                guard folded.utf8.count <= 4 else { return entry | FoldTable.viaCharacters }
                for (k, byte) in folded.utf8.enumerated() { entry |= UInt64(byte) << (8 * k) }
                return entry | UInt64(folded.utf8.count) << 40
            }
        }

        @inline(__always)
        static func append(_ entry: UInt64, to out: inout [UInt8]) {
            let count = Int(entry >> 40 & 7)
            out.append(UInt8(truncatingIfNeeded: entry))
            if count > 1 {
                for k in 1..<count { out.append(UInt8(truncatingIfNeeded: entry >> (8 * k))) }
            }
        }
    }

    /// Lines of a body. Splits on every newline Character, `\r\n` included (Swift keeps
    /// `\r\n` as one Character, so splitting on "\n" alone would miss it).
    public static func lines<S: StringProtocol>(_ text: S) -> [S.SubSequence] {
        if let string = text as? String, let lines = linesByBytes(string) as? [S.SubSequence] { return lines }
        return linesByCharacters(text)
    }

    /// The definition of `lines`, one Character at a time (kept for the equivalence test).
    static func linesByCharacters<S: StringProtocol>(_ text: S) -> [S.SubSequence] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// `lines` of a String by its UTF-8 bytes. A newline Character is one of the scalars
    /// U+000A–U+000D, U+0085, U+2028, U+2029 (grapheme control characters: always a Character
    /// of their own) or CR LF, so the line breaks are found without breaking graphemes.
    static func linesByBytes(_ text: String) -> [Substring] {
        var copy = text
        let breaks: [(at: Int, length: Int)] = copy.withUTF8 { utf8 in
            var found: [(at: Int, length: Int)] = []
            var i = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                // Speed: one test rules out the bytes no line break starts with (all but 0x0A–0x0D, 0xC2, 0xE2).
                if b > 0x0D && b != 0xC2 && b != 0xE2 {
                    i += 1
                    continue
                }
                if b >= 0x0A && b <= 0x0D {
                    let crlf = b == 0x0D && i + 1 < n && utf8[i + 1] == 0x0A
                    found.append((i, crlf ? 2 : 1))
                    i += crlf ? 2 : 1
                } else if b == 0xC2, i + 1 < n, utf8[i + 1] == 0x85 {
                    found.append((i, 2))
                    i += 2
                } else if b == 0xE2, i + 2 < n, utf8[i + 1] == 0x80, utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9 {
                    found.append((i, 3))
                    i += 3
                } else {
                    i += 1
                }
            }
            return found
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(breaks.count + 1)
        var start = utf8.startIndex
        for (at, length) in breaks {
            let end = utf8.index(utf8.startIndex, offsetBy: at)
            lines.append(text[start..<end])
            start = utf8.index(end, offsetBy: length)
        }
        lines.append(text[start..<text.endIndex])
        return lines
    }

    /// Whether a line holds nothing but whitespace.
    static func isBlank<S: StringProtocol>(_ line: S) -> Bool {
        line.allSatisfy(\.isWhitespace)
    }

    /// A line without surrounding whitespace.
    static func trimmed<S: StringProtocol>(_ line: S) -> S.SubSequence {
        // Speed: a line that opens with a visible ASCII byte and closes with one after another
        // ASCII byte has nothing to trim (that first Character is no whitespace, and the last
        // byte is a Character of its own): most lines of a mail, decided without Characters.
        let untouched = line.utf8.withContiguousStorageIfAvailable { utf8 in
            guard let head = utf8.first, let tail = utf8.last, head > 0x20, head < 0x7F, tail > 0x20, tail < 0x7F else { return false }
            return utf8.count == 1 || utf8[utf8.count - 2] < 0x80
        }
        if untouched == true { return line[line.startIndex...] }
        guard let first = line.firstIndex(where: { !$0.isWhitespace }),
              let last = line.lastIndex(where: { !$0.isWhitespace })
        else { return line[line.endIndex...] }
        return line[first...last]
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
