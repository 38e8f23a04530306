import RealModule
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// "Nice" axis ticks (Heckbert 1990): steps of 1, 2 or 5 × 10^k.
public enum NiceTicks {
    /// The nice number closest to `x` (rounding) or the smallest nice number ≥ `x`.
    public static func niceNumber(_ x: Double, round: Bool) -> Double {
        precondition(x > 0 && x.isFinite, "niceNumber needs a positive finite value, got \(x)")
        let exponent = Double.log10(x).rounded(.down)
        let power = Double.pow(10, exponent)
        let f = x / power
        let nice: Double
        if round {
            nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10
        } else {
            nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10
        }
        return nice * power
    }

    /// About `count` evenly spaced nice ticks covering `lo…hi`: the step, and the domain
    /// widened to whole steps (the first and last tick).
    public static func linear(_ lo: Double, _ hi: Double, count: Int = 5) -> (ticks: [Double], step: Double) {
        var lo = lo, hi = hi
        if lo == hi {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        let step = niceNumber(niceNumber(hi - lo, round: false) / Double(max(count - 1, 1)), round: true)
        let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
        // Rounded to the step's decimals, so 3 × 0.2 is 0.6, not 0.6000000000000001.
        let decimals = Double.pow(10, max(0, -Double.log10(step).rounded(.down)))
        let ticks = stride(from: first, through: last, by: 1).map { n -> Double in
            let v = (n * step * decimals).rounded() / decimals
            return abs(v) < step * 1e-9 ? 0 : v
        }
        return (ticks, step)
    }

    /// Ticks for a logarithmic axis over `lo…hi` (both > 0), all inside it: powers of ten
    /// (every k-th decade, counted down from the top, when there are more than `count`); 1-2-5
    /// multiples when fewer than three powers fall inside; 1…9 multiples when fewer than two
    /// of those do.
    public static func logarithmic(_ lo: Double, _ hi: Double, count: Int = 6) -> [Double] {
        precondition(lo > 0 && hi >= lo, "logarithmic ticks need 0 < lo ≤ hi, got \(lo)…\(hi)")
        let inside = { (v: Double) in v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9) }
        let a = Int(Double.log10(lo).rounded(.down)), b = Int(Double.log10(hi).rounded(.up))
        let powers = (a...b).map { Double.pow(10, Double($0)) }.filter(inside)
        if powers.count >= 3 {
            let every = max(1, Int((Double(powers.count - 1) / Double(max(count - 1, 1))).rounded(.up)))
            return stride(from: powers.count - 1, through: 0, by: -every).map { powers[$0] }.reversed()
        }
        for multiples in [[1.0, 2, 5], [1.0, 2, 3, 4, 5, 6, 7, 8, 9]] {
            let t = (a...b).flatMap { e in multiples.map { $0 * Double.pow(10, Double(e)) } }.filter(inside)
            if t.count >= 2 { return t }
        }
        return lo == hi ? [lo] : [lo, hi]
    }
}
