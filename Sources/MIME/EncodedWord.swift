/// RFC 2047 encoded words in unstructured header text (Subject, display names, Outlook's
/// quoted filenames).
public enum EncodedWord {
    /// Decodes every encoded word in an unfolded header value; whitespace between adjacent
    /// encoded words is dropped; raw 8-bit bytes outside words are decoded by a charset guess.
    public static func decodeHeaderText(_ raw: [UInt8]) -> DecodedText {
        // PLACEHOLDER (helper A replaces).
        Charset.decode(raw, declared: nil)
    }
}
