import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// One SVG (XML) element: a name, attributes in order, and either child elements or text.
///
/// Building charts from values (not strings) keeps escaping in one place: ``markup`` escapes
/// every attribute value and text, so labels may contain any characters.
public struct SVGElement: Sendable, Equatable {
    /// The tag name (`rect`, `path`, `g`, …).
    public var name: String
    /// Attribute names and values (unescaped), in output order.
    public var attributes: [(name: String, value: String)]
    /// The nested elements, in order.
    public var children: [SVGElement]
    /// Character data (unescaped); written before the children.
    public var text: String?

    /// An element `<name attributes…>` with children and escaped text.
    public init(_ name: String, _ attributes: [(String, String)] = [], children: [SVGElement] = [], text: String? = nil) {
        precondition(!name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" },
                     "SVGElement: invalid element name '\(name)'")
        self.name = name
        self.attributes = attributes.map { (name: $0.0, value: $0.1) }
        self.children = children
        self.text = text
    }

    /// The value of an attribute, if set.
    public subscript(attribute: String) -> String? {
        get { attributes.last { $0.name == attribute }?.value }
        set {
            attributes.removeAll { $0.name == attribute }
            if let newValue { attributes.append((attribute, newValue)) }
        }
    }

    /// A copy with an attribute set.
    public func with(_ attribute: String, _ value: String) -> SVGElement {
        var e = self
        e[attribute] = value
        return e
    }

    /// Every element of the tree, depth first, this one included.
    public var descendants: [SVGElement] { [self] + children.flatMap(\.descendants) }

    /// The escaped XML of this element and its children.
    public var markup: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Appends the escaped XML to `out`.
    public func write(to out: inout String) {
        out += "<" + name
        for a in attributes { out += " " + a.name + "=\"" + xmlEscaped(a.value) + "\"" }
        if text == nil && children.isEmpty {
            out += "/>"
            return
        }
        out += ">"
        if let text { out += xmlEscaped(text) }
        for c in children { c.write(to: &out) }
        out += "</" + name + ">"
    }

    public static func == (a: SVGElement, b: SVGElement) -> Bool {
        a.name == b.name && a.text == b.text && a.children == b.children
            && a.attributes.map(\.name) == b.attributes.map(\.name) && a.attributes.map(\.value) == b.attributes.map(\.value)
    }
}
