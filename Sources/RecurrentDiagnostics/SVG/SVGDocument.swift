import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A complete `<svg>` drawing of a given size, for inlining in HTML or writing as a file.
public struct SVGDocument: Sendable {
    /// The drawing's width in pixels.
    public var width: Double
    /// The drawing's height in pixels.
    public var height: Double
    /// Read by screen readers and shown by browsers as the file's title.
    public var title: String?
    /// CSS placed in a `<style>` element inside the drawing.
    public var style: String?
    /// The elements drawn, in order (later on top).
    public var content: [SVGElement]
    /// Extra attributes of the root (e.g. `class`, `data-chart`).
    public var attributes: [(String, String)]

    /// A drawing of the given size and content.
    public init(width: Double, height: Double, title: String? = nil, style: String? = nil,
                content: [SVGElement] = [], attributes: [(String, String)] = []) {
        self.width = width
        self.height = height
        self.title = title
        self.style = style
        self.content = content
        self.attributes = attributes
    }

    /// The `<svg>` root element, with `xmlns`, size and viewBox.
    public var element: SVGElement {
        var children: [SVGElement] = []
        if let title { children.append(.title(title)) }
        if let style { children.append(SVGElement("style", text: style)) }
        return SVGElement("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("width", svgNumber(width)),
                                  ("height", svgNumber(height)),
                                  ("viewBox", "0 0 \(svgNumber(width)) \(svgNumber(height))"), ("role", "img")] + attributes,
                          children: children + content)
    }

    /// A standalone `.svg` file: XML declaration and the root element.
    public var standalone: String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element.markup + "\n" }
}
