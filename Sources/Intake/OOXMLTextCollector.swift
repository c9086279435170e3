import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a part reader does with the XML events of one part. Element and attribute names
/// arrive with their namespace prefix removed: producers disagree on prefixes (`w:`, `ns0:`,
/// none), never on local names.
protocol OOXMLEventHandler {
    mutating func start(_ name: String, _ attributes: [String: String])
    mutating func end(_ name: String)
    /// Character data, possibly in several pieces for one text node.
    mutating func text(_ string: String)
}

/// Feeds one XML part to a handler under the depth and text limits, and turns parser failures
/// into warnings. Lives for one call: XMLParser delegates are classes and are not shared.
final class OOXMLTextCollector<Handler: OOXMLEventHandler>: NSObject, XMLParserDelegate {
    private(set) var handler: Handler
    private let entry: String
    private let limits: OfficeLimits
    private var depth = 0
    /// Depth at which an `mc:Fallback` began: its content repeats the `mc:Choice` before it
    /// (text boxes, SmartArt) and would double every paragraph.
    private var fallbackDepth: Int?
    /// Characters the whole document may still contribute; shared by the caller across parts.
    private(set) var textBudget: Int
    private(set) var warnings: [InspectionWarning] = []
    /// Set when we aborted on purpose, so the abort is not reported as malformed XML.
    private var stoppedOnPurpose = false

    private init(handler: Handler, entry: String, limits: OfficeLimits, textBudget: Int) {
        self.handler = handler
        self.entry = entry
        self.limits = limits
        self.textBudget = textBudget
    }

    /// Parses `data`, updating `handler` and `textBudget`; returns the warnings of this part.
    /// What was read before an error stays in `handler`.
    static func parse(_ data: Data, entry: String, handler: inout Handler, limits: OfficeLimits,
                      textBudget: inout Int) -> [InspectionWarning] {
        let utf8: Data
        switch XMLEncodingGate.utf8(data) {
        case .utf8(let converted): utf8 = converted
        case .refused(let encoding): return [.unsupportedXMLEncoding(entry: entry, encoding: encoding)]
        }
        let collector = OOXMLTextCollector(handler: handler, entry: entry, limits: limits, textBudget: textBudget)
        let parser = XMLParser(data: utf8)
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        let finished = parser.parse()
        // On Linux parse() returns true after libxml2 recovered from an error: trust parserError too.
        if !collector.stoppedOnPurpose, !finished || parser.parserError != nil {
            collector.recordError(parser, parser.parserError)
        }
        handler = collector.handler
        textBudget = collector.textBudget
        return collector.warnings
    }

    static func localName(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }

    /// The first error ends the part: libxml2 would go on with a guessed repair whose text we
    /// cannot trust (and Apple's parser would not).
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard !stoppedOnPurpose else { return }
        recordError(parser, parseError)
        parser.abortParsing()
    }

    fileprivate func recordError(_ parser: XMLParser, _ error: Error?) {
        let code = error.map { ($0 as NSError).code } ?? -1
        let names = [4: "empty document", 5: "premature end of document", 9: "invalid character",
                     26: "undeclared entity", 76: "mismatched end tag", 89: "entity loop or amplification"]
        warnings.append(.malformedXML(entry: entry, line: parser.lineNumber, column: parser.columnNumber,
                                      message: names[code].map { "\($0) (XMLParser \(code))" } ?? "XMLParser error \(code)"))
        stoppedOnPurpose = true
    }

    private func stop(_ parser: XMLParser, _ warning: InspectionWarning) {
        warnings.append(warning)
        stoppedOnPurpose = true
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard !stoppedOnPurpose else { return }
        depth += 1
        if depth > limits.maxXMLDepth { return stop(parser, .xmlTooDeep(entry: entry, limit: limits.maxXMLDepth)) }
        let name = Self.localName(elementName)
        if fallbackDepth == nil, name == "Fallback" { fallbackDepth = depth }
        guard fallbackDepth == nil else { return }
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict { attributes[Self.localName(key)] = value }
        // r:id and a plain id can both sit on one element (p:sldId); keep the relationship id
        // reachable under its own key.
        if let rid = attributeDict["r:id"] { attributes["r:id"] = rid }
        handler.start(name, attributes)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        guard !stoppedOnPurpose else { return }
        defer { depth -= 1 }
        if let fallback = fallbackDepth {
            if depth == fallback { fallbackDepth = nil }
            return
        }
        handler.end(Self.localName(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stoppedOnPurpose, fallbackDepth == nil else { return }
        // Layout whitespace between elements is not text; the entry size bounds it already.
        let count = string.allSatisfy(\.isWhitespace) ? 0 : string.count
        if count > textBudget {
            handler.text(String(string.prefix(max(0, textBudget))))
            textBudget = 0
            return stop(parser, .textTruncated(entry: entry, limit: limits.maxTextCharacters))
        }
        textBudget -= count
        handler.text(string)
    }
}
