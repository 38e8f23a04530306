import RealModule

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
        let ticks = stride(from: first, through: last, by: 1).map { n -> Double in
            let v = n * step
            return abs(v) < step * 1e-9 ? 0 : v
        }
        return (ticks, step)
    }

    /// Ticks for a logarithmic axis over `lo…hi` (both > 0): powers of ten, every k-th decade
    /// when there are more than `count` of them, or 1-2-5 multiples within fewer than two
    /// decades.
    public static func logarithmic(_ lo: Double, _ hi: Double, count: Int = 6) -> [Double] {
        precondition(lo > 0 && hi >= lo, "logarithmic ticks need 0 < lo ≤ hi, got \(lo)…\(hi)")
        let a = Double.log10(lo).rounded(.down), b = Double.log10(hi).rounded(.up)
        let decades = Int(b - a)
        if decades <= 1 {
            var t: [Double] = []
            for e in Int(a)...Int(b) {
                for m in [1.0, 2, 5] {
                    let v = m * Double.pow(10, Double(e))
                    if v >= lo * 0.999 && v <= hi * 1.001 { t.append(v) }
                }
            }
            return t.count >= 2 ? t : [Double.pow(10, a), Double.pow(10, b)]
        }
        let every = max(1, Int((Double(decades) / Double(max(count - 1, 1))).rounded(.up)))
        let start = Int((a / Double(every)).rounded(.down)) * every
        return stride(from: start, through: Int(b), by: every).map { Double.pow(10, Double($0)) }
    }
}
