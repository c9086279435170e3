/// IMAP's mailbox-name encoding (RFC 3501 §5.1.3): printable ASCII stands for itself except
/// `&`, which is `&-`; any other run of characters is `&` + base64 of its UTF-16BE with `,` for
/// `/` and no padding + `-`. Exchange names a Spanish mailbox's folders "Borradores" and
/// "Elementos enviados", and users create "Información": every mailbox name this client sends
/// is encoded, every one it reads back decoded. Pure.
public enum ModifiedUTF7 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".utf8)

    public static func encode(_ name: String) -> String {
        var out = ""
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            out += "&" + base64(pending) + "-"
            pending.removeAll()
        }
        for scalar in name.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value <= 0x7E {
                flush()
                out += scalar == "&" ? "&-" : String(scalar)
            } else {
                pending += Array(String(scalar).utf16)
            }
        }
        flush()
        return out
    }

    /// Nil when `text` is not valid modified UTF-7 (a raw 8-bit byte, an unterminated or
    /// ill-formed `&…-` run, a lone surrogate): the caller shows the name as the server sent it.
    public static func decode(_ text: String) -> String? {
        var out = ""
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            guard byte >= 0x20 && byte <= 0x7E else { return nil }
            guard byte == UInt8(ascii: "&") else {
                out.unicodeScalars.append(Unicode.Scalar(byte))
                continue
            }
            guard let end = bytes.firstIndex(of: UInt8(ascii: "-")) else { return nil }
            let run = bytes[bytes.startIndex..<end]
            bytes = bytes[(end + 1)...]
            if run.isEmpty {
                out += "&"
                continue
            }
            guard let units = unbase64(run), !units.isEmpty,
                  let decoded = String(validating: units, as: UTF16.self),
                  decoded.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value > 0x7E }) else { return nil }
            out += decoded
        }
        return out
    }

    private static func base64(_ units: [UInt16]) -> String {
        let bytes = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            let characters = chunk.count + 1
            for position in 0..<characters {
                out.append(alphabet[Int((value >> (18 - 6 * UInt32(position))) & 0x3F)])
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Strict: only the modified alphabet, whole UTF-16 units, zero leftover bits.
    private static func unbase64(_ text: ArraySlice<UInt8>) -> [UInt16]? {
        var bits: UInt32 = 0
        var count = 0
        var bytes: [UInt8] = []
        for character in text {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            bits = bits << 6 | UInt32(value)
            count += 6
            if count >= 8 {
                count -= 8
                bytes.append(UInt8((bits >> UInt32(count)) & 0xFF))
                bits &= (1 << UInt32(count)) - 1
            }
        }
        guard count < 6, bits == 0, bytes.count % 2 == 0 else { return nil }
        return stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
    }
}
