/// Bytes in, `Message` out: header block, transfer decoding, multipart tree, nested messages,
/// all within `ParseLimits`. Never throws: bad mail yields a usable value plus warnings.
public enum MessageParser {
    public static func parse(_ bytes: [UInt8], limits: ParseLimits = .default) -> Message {
        // PLACEHOLDER (helper B replaces).
        let root = MIMEPart(path: "", headers: HeaderFields(), contentType: ParameterizedValue(value: "text/plain"),
                            transferEncoding: "7bit", disposition: nil, filename: nil, contentID: nil, body: .leaf(bytes))
        return Message(headers: HeaderFields(), root: root, warnings: [])
    }
}
