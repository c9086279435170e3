/// Strings inside TNEF: 8-bit ones in the stream's code page (attOemCodepage, Windows-1252
/// when absent) and UTF-16LE ones (PT_UNICODE), both NUL-terminated by their writers.
enum TNEFText {
    static func eightBit(_ bytes: ArraySlice<UInt8>, charset: String) -> String {
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == 0 { end -= 1 }
        return Charset.decode(Array(bytes[bytes.startIndex..<end]), declared: charset).text
    }

    /// An odd trailing byte is dropped; unpaired surrogates become U+FFFD.
    static func utf16LE(_ bytes: ArraySlice<UInt8>) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            units.append(UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8)
            i += 2
        }
        while units.last == 0 { units.removeLast() }
        return String(decoding: units, as: UTF16.self)
    }

    /// The charset name for a Windows code page number (attOemCodepage).
    static func charset(codePage: UInt32) -> String {
        switch codePage {
        case 0: return "windows-1252"
        case 65001: return "utf-8"
        case 20127: return "us-ascii"
        case 28591: return "iso-8859-1"
        case 1250...1258: return "windows-\(codePage)"
        default: return "cp\(codePage)"
        }
    }
}
