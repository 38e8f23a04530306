import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Colours for charts: a categorical palette for series and a sequential colour map for
/// heatmaps.
public enum Palette {
    /// Tableau 10: distinct hues for up to ten series (repeats after that).
    public static let categorical = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                     "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    /// The i-th categorical colour.
    public static func color(_ i: Int) -> String { categorical[((i % categorical.count) + categorical.count) % categorical.count] }

    /// Viridis (perceptually uniform, colour-blind safe), as nine stops from dark to bright.
    static let viridis: [(Double, Double, Double)] = [
        (68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
        (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37),
    ]

    /// The viridis colour at `t` ∈ [0, 1] (clamped) as "#rrggbb".
    public static func viridis(_ t: Double) -> String {
        let x = min(max(t.isFinite ? t : 0, 0), 1) * Double(viridis.count - 1)
        let i = min(Int(x), viridis.count - 2)
        let f = x - Double(i)
        let a = viridis[i], b = viridis[i + 1]
        return hex(a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
    }

    /// "#rrggbb" from components in 0…255.
    public static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        let digits = Array("0123456789abcdef")
        return "#" + [r, g, b].map { c -> String in
            let v = Int(min(max(c.rounded(), 0), 255))
            return String([digits[v / 16], digits[v % 16]])
        }.joined()
    }
}
