import RecurrentCore
import RecurrentLayers
import RecurrentTraining

extension UnfoldedGraph {
    /// The graph in Graphviz DOT: inputs at the bottom, one rank per kind of node, steps
    /// left to right; forward edges solid, explicit gradients red dashed, implicit gradients
    /// blue dashed (`constraint=false`, so they do not disturb the layout).
    public var dot: String {
        var out = "digraph \"unfolded_\(cell.shortName.replacing("-", with: "_"))_\(steps)\" {\n"
        out += "  rankdir=BT;\n  newrank=true;\n  splines=true;\n  nodesep=0.5;\n  ranksep=0.6;\n"
        let caption = "\(cellName) unrolled over \(steps) step\(steps == 1 ? "" : "s"). "
            + Self.legend.map { "\(Self.dotColorName($0.0)): \($0.1)" }.joined(separator: "; ")
        out += "  label=" + dotQuoted(caption) + ";\n"
        out += "  labelloc=t;\n  fontname=\"Helvetica\";\n"
        out += "  node [shape=circle, fixedsize=true, width=0.55, fontname=\"Helvetica\", style=filled];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        for n in nodes {
            out += "  \(n.id) [label=<\(n.symbol)<SUB>\(n.step)</SUB>>, fillcolor=\(dotQuoted(Self.fill(n.kind)))];\n"
        }
        for kind in NodeKind.allCases {
            let ids = nodes.filter { $0.kind == kind }.map(\.id)
            if ids.count > 1 { out += "  { rank=same; " + ids.joined(separator: "; ") + "; }\n" }
        }
        // Keep steps in order left to right within each rank.
        for kind in [NodeKind.hidden, .memory] {
            let ids = nodes.filter { $0.kind == kind }.map(\.id)
            if ids.count > 1 { out += "  " + ids.joined(separator: " -> ") + " [style=invis, weight=10];\n" }
        }
        for e in edges {
            var attrs: [String] = []
            if let label = e.label { attrs.append("label=\(dotQuoted(label))") }
            let color = Self.color(e.kind)
            attrs.append("color=\(dotQuoted(color))")
            attrs.append("fontcolor=\(dotQuoted(color))")
            if e.kind != .forward { attrs += ["style=dashed", "constraint=false", "class=\(dotQuoted(e.kind.rawValue))"] }
            out += "  \(e.from) -> \(e.to) [\(attrs.joined(separator: ", "))];\n"
        }
        out += "}\n"
        return out
    }

    static func fill(_ kind: NodeKind) -> String {
        switch kind {
        case .input: return "#e3edf7"
        case .hidden: return "#fdebd3"
        case .memory: return "#f9d9d9"
        case .output: return "#e3f1e0"
        case .loss: return "#ece3f3"
        }
    }

    static func dotColorName(_ kind: EdgeKind) -> String {
        switch kind {
        case .forward: return "black"
        case .explicitGradient: return "red dashed"
        case .implicitGradient: return "blue dashed"
        }
    }
}

/// A DOT double-quoted string (backslashes, quotes and newlines escaped).
func dotQuoted(_ s: String) -> String {
    var out = "\""
    for ch in s {
        switch ch {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": continue
        default: out.append(ch)
        }
    }
    return out + "\""
}
