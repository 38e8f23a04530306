import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses markup as XML; returns the parse error, or nil when it is well-formed. Also
/// counts elements by name.
final class XMLCheck: NSObject, XMLParserDelegate {
    private(set) var counts: [String: Int] = [:]
    private(set) var attributesSeen: [[String: String]] = []

    static func parse(_ markup: String) -> (error: String?, check: XMLCheck) {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = check
        let ok = parser.parse()
        return (ok ? nil : (parser.parserError.map { "\($0)" } ?? "unknown XML error") + " at line \(parser.lineNumber)", check)
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        counts[elementName, default: 0] += 1
        attributesSeen.append(attributes)
    }
}
