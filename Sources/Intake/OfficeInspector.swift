import Foundation

/// Turns an attachment's bytes into an `OfficeDocument`, never failing and never allocating past
/// `OfficeLimits`: what cannot be read becomes an `InspectionWarning` next to whatever could.
public enum OfficeInspector {
    public static func inspect(_ bytes: [UInt8], filename: String? = nil, contentType: String? = nil,
                               limits: OfficeLimits = .default) -> (OfficeDocument?, [InspectionWarning]) {
        inspect(Data(bytes), filename: filename, contentType: contentType, limits: limits)
    }

    public static func inspect(_ data: Data, filename: String? = nil, contentType: String? = nil,
                               limits: OfficeLimits = .default) -> (OfficeDocument?, [InspectionWarning]) {
        if let refusal = sniff(data, filename: filename) { return (nil, [refusal]) }
        var package: OOXMLPackage
        do {
            package = try OOXMLPackage(data: data, limits: limits)
        } catch {
            return (nil, [error])
        }
        var warnings: [InspectionWarning] = []
        var budget = limits.maxTextCharacters
        guard let (kind, mainPart) = mainPart(in: &package, hint: OOXMLContentTypes.hint(filename: filename, contentType: contentType),
                                              textBudget: &budget, warnings: &warnings) else {
            return (nil, warnings + [.unknownPackageKind])
        }
        var document = OfficeDocument(kind: kind)
        switch kind {
        case .pptx:
            document.slides = PPTXReader.slides(in: &package, mainPart: mainPart, textBudget: &budget, warnings: &warnings)
        case .docx:
            document.paragraphs = DOCXReader.paragraphs(in: &package, mainPart: mainPart, textBudget: &budget, warnings: &warnings)
        case .xlsx:
            document.sheets = XLSXReader.sheets(in: &package, mainPart: mainPart, textBudget: &budget, warnings: &warnings)
        }
        document.title = OOXMLCoreProperties.title(in: &package, textBudget: &budget, warnings: &warnings)
        return (document, warnings)
    }

    /// OLE compound file signature: Office 97–2003 files, and password-protected OOXML.
    static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Refuses, from the first bytes alone, what is not a zip.
    private static func sniff(_ data: Data, filename: String?) -> InspectionWarning? {
        guard !data.isEmpty else { return .emptyInput }
        if data.starts(with: oleSignature) {
            // An encrypted docx/pptx/xlsx is an OLE file with an "EncryptedPackage" stream;
            // directory names are UTF-16LE.
            let marker = Data("EncryptedPackage".utf16.flatMap { [UInt8($0), 0] })
            return data.range(of: marker) != nil ? .encryptedOOXML : .legacyOfficeFormat(filename: filename)
        }
        guard data.starts(with: [0x50, 0x4B]) else {
            return .notAZip(leadingBytesHex: data.prefix(8).map { String(format: "%02X", $0) }.joined(separator: " "))
        }
        return nil
    }

    /// The package's own content types decide; the mail's Content-Type or file name, then the
    /// usual part names, stand in when a package has none (hand-made zips).
    private static func mainPart(in package: inout OOXMLPackage, hint: OfficeDocument.Kind?, textBudget: inout Int,
                                 warnings: inout [InspectionWarning]) -> (OfficeDocument.Kind, String)? {
        if let declared = OOXMLContentTypes.mainPart(in: &package, textBudget: &textBudget, warnings: &warnings),
           package.contains(declared.1) {
            return declared
        }
        let kinds = (hint.map { [$0] } ?? []) + OfficeDocument.Kind.allCases
        for kind in kinds where package.contains(OOXMLContentTypes.defaultMainPart(kind)) {
            return (kind, OOXMLContentTypes.defaultMainPart(kind))
        }
        return nil
    }
}
