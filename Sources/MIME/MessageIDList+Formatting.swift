/// Writing Message-ID, In-Reply-To and References (RFC 5322 3.6.4): `<id>` tokens, one per
/// fold point, whatever form (bracketed or not, with stray whitespace) the id arrived in.
extension MessageIDList {
    /// `<id>` for `id` with or without its brackets; nil when nothing is left once controls,
    /// whitespace and brackets are removed.
    static func format(_ id: String) -> String? {
        let inner = HeaderText.compact(id, dropping: ["<", ">"])
        return inner.isEmpty ? nil : "<" + inner + ">"
    }

    static func tokens(_ ids: [String]) -> [HeaderFolder.Token] {
        ids.compactMap(format).map { HeaderFolder.Token($0) }
    }
}
