import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Writes the report's HTML: well-formed (XHTML-compatible) markup, every text escaped.
struct HTMLWriter {
    private(set) var out = ""

    mutating func raw(_ s: String) { out += s }

    mutating func text(_ s: String) { out += xmlEscaped(s) }

    /// `<name attrs>text</name>`.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text s: String) {
        open(name, attributes)
        text(s)
        close(name)
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        out += "<" + name
        for (k, v) in attributes { out += " " + k + "=\"" + xmlEscaped(v) + "\"" }
        out += ">"
    }

    mutating func close(_ name: String) { out += "</" + name + ">" }

    mutating func newline() { out += "\n" }

    mutating func svg(_ e: SVGElement) { e.write(to: &out) }

    mutating func block(_ b: ReportBlock) {
        switch b {
        case .chart(let c):
            open("figure", [("class", "chart")])
            svg(c.element)
            close("figure")
        case .svg(let e):
            open("figure")
            svg(e)
            close("figure")
        case .paragraph(let p):
            element("p", text: p)
        case .preformatted(let s, let caption):
            open("figure", [("class", "text")])
            if let caption { element("figcaption", text: caption) }
            element("pre", text: s)
            close("figure")
        case .figures(let items):
            open("div", [("class", "figures")])
            for (label, value) in items {
                open("div", [("class", "figure")])
                element("span", [("class", "value")], text: value)
                element("span", [("class", "label")], text: label)
                close("div")
            }
            close("div")
        case .table(let t):
            open("table")
            if let caption = t.caption { element("caption", text: caption) }
            open("thead")
            open("tr")
            for (i, h) in t.header.enumerated() { element("th", t.numericColumns.contains(i) ? [("class", "num")] : [], text: h) }
            close("tr")
            close("thead")
            open("tbody")
            for row in t.rows {
                open("tr")
                for (i, cell) in row.enumerated() { element("td", t.numericColumns.contains(i) ? [("class", "num")] : [], text: cell) }
                close("tr")
            }
            close("tbody")
            close("table")
        }
        newline()
    }
}
