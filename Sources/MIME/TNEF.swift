/// Outlook's Transport Neutral Encapsulation Format (MS-OXTNEF): the `application/ms-tnef`
/// part, usually `winmail.dat`, in which Outlook and Exchange wrap a mail's files and body
/// when they believe the recipient is Outlook too. Bytes in, `TNEFContent` out; never throws,
/// never reads outside the buffer, bounded by `ParseLimits`.
public enum TNEF {
    /// The stream's first four bytes, little-endian 0x223E9F78.
    static let signature: UInt32 = 0x223E_9F78

    /// Decodes a TNEF stream. `part` names the MIME part it came from, for the warnings.
    public static func decode(_ bytes: [UInt8], part: String = "", limits: ParseLimits = .default) -> TNEFContent {
        var decoder = TNEFDecoder(bytes, part: part, limits: limits)
        return decoder.run()
    }

    /// Whether a part with this type and name is TNEF: `application/ms-tnef` (and the
    /// `application/vnd.ms-tnef` some gateways write), or any type named `winmail.dat`.
    /// QUIRK: gateways that lose the type send winmail.dat as application/octet-stream.
    public static func isTNEF(mimeType: String, filename: String?) -> Bool {
        if mimeType == "application/ms-tnef" || mimeType == "application/vnd.ms-tnef" { return true }
        // Only U+212A (Kelvin) lowercases from non-ASCII to ASCII, and the name has no k: so
        // this is `lowercased() == "winmail.dat"` without a lowercased copy of every filename.
        return filename?.caseInsensitiveEquals("winmail.dat") ?? false
    }
}
