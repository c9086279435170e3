/// The labelled values found in a body, in the order written. A label may be repeated (a
/// correction further down); lookups return the first, `all(_:)` returns every one.
public struct LabeledFields: Sendable, Hashable {
    public var fields: [LabeledField]

    public init(fields: [LabeledField] = []) {
        self.fields = fields
    }

    public subscript(key: FieldKey) -> LabeledField? {
        fields.first { $0.key == key }
    }

    public func all(_ key: FieldKey) -> [LabeledField] {
        fields.filter { $0.key == key }
    }

    public var isEmpty: Bool { fields.isEmpty }

    /// The TEMAS list, empty when the mail has none.
    public var topics: [String] { self[.temas]?.items ?? [] }
}
