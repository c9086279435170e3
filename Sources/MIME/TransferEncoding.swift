/// Content-Transfer-Encoding decoding: which decoder a declared encoding name selects.
public enum TransferEncoding {
    /// Decodes a part body. Unknown encodings return the raw bytes with a warning kind.
    public static func decode(_ body: ArraySlice<UInt8>, encoding: String) -> (bytes: [UInt8], issue: MIMEWarning.Kind?) {
        switch encoding {
        case "base64":
            let r = Base64.decode(body)
            return (r.bytes, r.malformed ? .malformedBase64 : nil)
        case "quoted-printable":
            let r = QuotedPrintable.decode(body)
            return (r.bytes, r.malformed ? .malformedQuotedPrintable : nil)
        case "", "7bit", "8bit", "binary":
            return (Array(body), nil)
        // QUIRK: `7-bit`, `8-bits` and `none` from old gateways and hand-made mail.
        case "7-bit", "8-bit", "8bits", "7bits", "none", "text", "plain":
            return (Array(body), nil)
        case "x-uuencode", "uuencode", "x-uue":
            let r = UUEncode.decode(body)
            return (r.bytes, r.malformed ? .unknownTransferEncoding : nil)
        default:
            return (Array(body), .unknownTransferEncoding)
        }
    }

    /// True when decoding returns the bytes unchanged (no copy needed to parse them further).
    public static func isIdentity(_ encoding: String) -> Bool {
        switch encoding {
        case "", "7bit", "8bit", "binary", "7-bit", "8-bit", "8bits", "7bits", "none": return true
        default: return false
        }
    }
}
