import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Constructors for the elements charts are drawn with (numbers via ``svgNumber(_:)``).
extension SVGElement {
    /// `<g>` around `children`, with optional attributes (class, transform, …).
    public static func group(_ children: [SVGElement], _ attributes: [(String, String)] = []) -> SVGElement {
        SVGElement("g", attributes, children: children)
    }

    /// A `<rect>` at (x, y) of the given size and fill, with extra attributes.
    public static func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                            _ attributes: [(String, String)] = []) -> SVGElement {
        SVGElement("rect", [("x", svgNumber(x)), ("y", svgNumber(y)), ("width", svgNumber(max(width, 0))),
                            ("height", svgNumber(max(height, 0))), ("fill", fill)] + attributes)
    }

    /// A `<line>` from (x1, y1) to (x2, y2) in `stroke`, with extra attributes.
    public static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                            width: Double = 1, _ attributes: [(String, String)] = []) -> SVGElement {
        SVGElement("line", [("x1", svgNumber(x1)), ("y1", svgNumber(y1)), ("x2", svgNumber(x2)), ("y2", svgNumber(y2)),
                            ("stroke", stroke), ("stroke-width", svgNumber(width))] + attributes)
    }

    /// A `<circle>` centred at (cx, cy) of radius r and fill, with extra attributes.
    public static func circle(cx: Double, cy: Double, r: Double, fill: String, _ attributes: [(String, String)] = []) -> SVGElement {
        SVGElement("circle", [("cx", svgNumber(cx)), ("cy", svgNumber(cy)), ("r", svgNumber(r)), ("fill", fill)] + attributes)
    }

    /// `<path d>`; build `d` with ``SVGPath``.
    public static func path(_ d: String, fill: String = "none", stroke: String? = nil, width: Double = 1,
                            _ attributes: [(String, String)] = []) -> SVGElement {
        var a: [(String, String)] = [("d", d), ("fill", fill)]
        if let stroke { a += [("stroke", stroke), ("stroke-width", svgNumber(width))] }
        return SVGElement("path", a + attributes)
    }

    /// Text anchored at (x, y): `anchor` is start, middle or end; `rotate` in degrees about (x, y).
    public static func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Double = 11,
                            fill: String? = nil, weight: String? = nil, rotate: Double? = nil,
                            _ attributes: [(String, String)] = []) -> SVGElement {
        var a: [(String, String)] = [("x", svgNumber(x)), ("y", svgNumber(y))]
        if anchor != "start" { a.append(("text-anchor", anchor)) }
        a.append(("font-size", svgNumber(size)))
        if let fill { a.append(("fill", fill)) }
        if let weight { a.append(("font-weight", weight)) }
        if let rotate { a.append(("transform", "rotate(\(svgNumber(rotate)) \(svgNumber(x)) \(svgNumber(y)))")) }
        return SVGElement("text", a + attributes, text: s)
    }

    /// `<title>`: the tooltip of its parent element.
    public static func title(_ s: String) -> SVGElement { SVGElement("title", text: s) }

    /// The approximate width of `s` at `size` (sans-serif averages ≈ 0.58 em per character).
    public static func textWidth(_ s: String, size: Double) -> Double { Double(s.count) * size * 0.58 }
}

/// Builds compact path data (`d`): absolute moves and lines, horizontal/vertical runs.
public struct SVGPath: Sendable {
    /// The path data so far (the `d` attribute).
    public private(set) var d = ""
    private var drawing = false

    /// An empty path.
    public init() {}

    /// Starts a new subpath at (x, y).
    public mutating func move(_ x: Double, _ y: Double) {
        d += "M" + svgNumber(x) + " " + svgNumber(y)
        drawing = true
    }

    /// A line to (x, y) (starts a subpath if none is open).
    public mutating func line(_ x: Double, _ y: Double) {
        guard drawing else { return move(x, y) }
        d += "L" + svgNumber(x) + " " + svgNumber(y)
    }

    /// Ends the current subpath without closing it (the next point starts a new one).
    public mutating func lift() { drawing = false }

    /// A closed axis-aligned rectangle.
    public mutating func rect(x: Double, y: Double, width: Double, height: Double) {
        d += "M" + svgNumber(x) + " " + svgNumber(y) + "h" + svgNumber(width) + "v" + svgNumber(height) + "h" + svgNumber(-width) + "z"
        drawing = false
    }

    /// Whether nothing has been drawn.
    public var isEmpty: Bool { d.isEmpty }
}
