/// The `OCM-YYYY-NNNN` id every reply's subject carries: how a later mail names its request.
public enum RequestTag {
    /// The first request id in `text` (a subject), if any.
    public static func find(in text: String) -> String? {
        text.range(of: #"OCM-\d{4}-\d{4,}"#, options: .regularExpression).map { String(text[$0]) }
    }
}
