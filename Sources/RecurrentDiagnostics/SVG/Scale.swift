import RealModule
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Maps data values to pixels along one axis: linearly, or linearly in log10.
public struct Scale: Sendable, Equatable {
    /// How values map to positions.
    public enum Kind: String, Sendable, Equatable {
        case linear
        /// Base-10 logarithmic; values ≤ 0 have no position.
        case log
    }

    public var kind: Kind
    /// The data interval shown (both ends > 0 for a log scale).
    public var domain: ClosedRange<Double>
    /// The pixel positions of `domain.lowerBound` and `domain.upperBound` (start > end for a
    /// y axis that grows upwards).
    public var start: Double
    public var end: Double

    public init(_ kind: Kind, domain: ClosedRange<Double>, start: Double, end: Double) {
        precondition(kind == .linear || domain.lowerBound > 0, "log scale needs a positive domain, got \(domain)")
        self.kind = kind
        self.domain = domain
        self.start = start
        self.end = end
    }

    private func transform(_ v: Double) -> Double { kind == .log ? Double.log10(v) : v }

    /// The pixel position of `v`, or nil when it has none (not finite; ≤ 0 on a log scale).
    /// Values outside the domain map outside the pixel range.
    public func callAsFunction(_ v: Double) -> Double? {
        guard v.isFinite, kind == .linear || v > 0 else { return nil }
        let a = transform(domain.lowerBound), b = transform(domain.upperBound)
        guard b != a else { return (start + end) / 2 }
        return start + (transform(v) - a) / (b - a) * (end - start)
    }

    /// The position of `v` clamped into the pixel range (nil as for ``callAsFunction(_:)``).
    public func clamped(_ v: Double) -> Double? {
        self(v).map { min(max($0, min(start, end)), max(start, end)) }
    }

    /// Tick values inside the domain (about `count` of them).
    public func ticks(count: Int = 5) -> [Double] {
        let lo = domain.lowerBound, hi = domain.upperBound
        let all = kind == .log ? NiceTicks.logarithmic(lo, hi, count: count) : NiceTicks.linear(lo, hi, count: count).ticks
        let eps = (hi - lo) * 1e-9
        return all.filter { $0 >= lo - eps && $0 <= hi + eps }
    }

    /// A label for a tick of this scale: powers of ten as 10ⁿ on a log scale; otherwise a
    /// number with as many decimals as the tick step needs.
    public func label(_ v: Double, ticks: [Double]) -> String {
        if kind == .log {
            let e = Double.log10(v)
            if abs(e - e.rounded()) < 1e-9 {
                let n = Int(e.rounded())
                switch n {
                case 0...4: return "1" + String(repeating: "0", count: n)
                case -2 ... -1: return "0." + String(repeating: "0", count: -n - 1) + "1"
                default: return "10" + superscript(n)
                }
            }
            return compact(v)
        }
        if v == 0 { return "0" }
        let step = zip(ticks.dropFirst(), ticks).map { $0 - $1 }.min() ?? abs(v)
        let magnitude = max(abs(ticks.first ?? v), abs(ticks.last ?? v))
        if magnitude >= 1e6 || (step > 0 && step < 1e-4) { return scientific(v, 1) }
        let decimals = step > 0 ? max(0, Int(-Double.log10(step).rounded(.down))) : 0
        // Whole numbers of five or more digits with thousands separators ("50,000").
        if decimals == 0, abs(v) >= 10_000, v == v.rounded() { return grouped(Int(v)) }
        let s = fixed(v, min(decimals, 6))
        return s == "-0" ? "0" : s
    }

    /// A scale whose domain covers `values` (non-finite values, and values ≤ 0 on a log
    /// scale, ignored), widened to nice tick boundaries when `nice`. With no usable value the
    /// domain is 0…1 (1…10 for log).
    public static func covering(_ values: [Double], kind: Kind, start: Double, end: Double,
                                includeZero: Bool = false, nice: Bool = true) -> Scale {
        let usable = values.filter { $0.isFinite && (kind == .linear || $0 > 0) }
        guard var lo = usable.min(), var hi = usable.max() else {
            return Scale(kind, domain: kind == .log ? 1...10 : 0...1, start: start, end: end)
        }
        if kind == .linear {
            if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
            if nice {
                let t = NiceTicks.linear(lo, hi).ticks
                lo = t.first!
                hi = t.last!
            } else if lo == hi {
                lo -= 0.5
                hi += 0.5
            }
        } else {
            if nice || lo == hi {
                lo = Double.pow(10, Double.log10(lo).rounded(.down))
                hi = Double.pow(10, Double.log10(hi).rounded(.up))
                if lo == hi { hi = lo * 10 }
            }
        }
        return Scale(kind, domain: lo...hi, start: start, end: end)
    }
}

/// `n` in Unicode superscript digits ("⁻³").
func superscript(_ n: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    return (n < 0 ? "⁻" : "") + String(String(n.magnitude).map { digits[Int(String($0))!] })
}
