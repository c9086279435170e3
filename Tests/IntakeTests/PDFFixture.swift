/// The smallest PDF the readers accept: a catalog, one uncompressed content stream, and an
/// optional Info dictionary. Literals are passed as PDF syntax (`(text)`), so tests can also
/// write hex strings or broken ones.
enum PDFFixture {
    static func onePage(titleLiteral: String?, producer: String, content: String, extraObjects: String = "",
                        trailerExtra: String = "") -> [UInt8] {
        let info = titleLiteral.map { "6 0 obj\n<< /Title \($0) /Producer \(producer) >>\nendobj\n" } ?? ""
        return Array("""
        %PDF-1.4
        1 0 obj
        << /Type /Catalog /Pages 2 0 R >>
        endobj
        4 0 obj
        << /Length \(content.utf8.count) >>
        stream
        \(content)
        endstream
        endobj
        \(extraObjects)\(info)trailer
        << /Size 7 /Root 1 0 R\(titleLiteral == nil ? "" : " /Info 6 0 R")\(trailerExtra) >>
        %%EOF
        """.utf8)
    }
}
