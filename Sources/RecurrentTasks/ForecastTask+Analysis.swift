import Foundation
import RealModule
import RecurrentCore
import RecurrentData
import RecurrentDiagnostics
import RecurrentDistributed
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

/// The preprocessing of a forecast, chosen from the training series (see
/// ``ForecastTransform/analyse(_:)``) and stored with the model: original units ↔ model space.
///
/// Model space: `z_t = (s_t − mean) / std` with `s = scale(value)` (identity, log or square
/// root), then its first differences `s_t − s_{t−1}` when ``difference``; mean and std are
/// those of the training series.
public struct ForecastTransform: Codable, Sendable, Equatable {
    /// A variance-stabilising scale.
    public enum Scale: String, Codable, Sendable, CaseIterable {
        case identity
        /// log(value): values must be positive.
        case log
        /// √value: values must not be negative.
        case sqrt

        /// Whether `v` is in the scale's domain.
        public func admits(_ v: Double) -> Bool {
            switch self {
            case .identity: return true
            case .log: return v > 0
            case .sqrt: return v >= 0
            }
        }

        /// What the domain needs, for messages.
        var requirement: String { self == .log ? "positive" : "non-negative" }
    }

    /// The scale modelled (log/√ when the spread grows with the level).
    public var scale: Scale
    /// Model first differences (a trend or a unit root).
    public var difference: Bool
    /// The seasonal period found in the training series (nil: none).
    public var period: Int?
    public var mean = 0.0
    public var std = 1.0

    public init(scale: Scale, difference: Bool, period: Int?) {
        self.scale = scale
        self.difference = difference
        self.period = period
    }

    func base(_ v: Double) -> Double {
        switch scale {
        case .identity: return v
        case .log: return Double.log(v)
        case .sqrt: return v.squareRoot()
        }
    }

    /// The model-space series of `values` (one shorter when differencing).
    public func series(_ values: [Double]) -> [Double] {
        var s = values.map(base)
        if difference { s = zip(s.dropFirst(), s).map { $0 - $1 } }
        return s.map { ($0 - mean) / std }
    }

    /// A model-space prediction for the step after `previous` (the last original value), in
    /// original units.
    public func invert(_ z: Double, previous: Double) -> Double {
        var s = z * std + mean
        if difference { s += base(previous) }
        switch scale {
        case .identity: return s
        case .log: return Double.exp(s)
        case .sqrt: return max(s, 0) * max(s, 0)
        }
    }

    /// The first value outside the scale's domain, as (index, value).
    func firstInadmissible(_ values: [Double]) -> (index: Int, value: Double)? {
        values.firstIndex { !scale.admits($0) }.map { ($0, values[$0]) }
    }

    /// Fits mean and std to the model-space training series.
    mutating func fit(_ values: [Double]) {
        (mean, std) = (0, 1)
        let s = series(values)
        mean = s.reduce(0, +) / Double(s.count)
        std = max((s.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(s.count)).squareRoot(), 1e-8)
    }

    /// Chooses the preprocessing from a training series alone:
    /// - **period**: the lag (2 … n/3) of the highest local maximum of the autocorrelation of
    ///   the linearly detrended series, if it exceeds 0.2;
    /// - **scale**: log when every value is positive and the spread grows with the level — over
    ///   blocks of one period (or 12 steps), the block means correlate (> 0.5) with the blocks'
    ///   standard deviations around the linear trend; otherwise the identity. (√ is available
    ///   for series with zeros but not chosen automatically: it stabilises the variance, but
    ///   training on √ values then weighs errors at high levels less than the RMSE in original
    ///   units does, and it forecast the sunspot cycles worse);
    /// - **difference** when a trend dominates — a linear trend explains at least half the
    ///   variance of the scaled series — or a unit root is not rejected by an augmented
    ///   Dickey–Fuller regression with one lag (t > −2.57, the 10 % critical value).
    /// Mean and std are then fitted on the model-space series.
    public static func analyse(_ values: [Double]) -> ForecastTransform {
        let period = seasonalPeriod(values)
        let block = period ?? 12
        var scale = Scale.identity
        if values.count >= 3 * block && values.allSatisfy({ $0 > 0 }) {
            let residual = detrended(values)
            let blocks = values.count / block
            let means = (0..<blocks).map { b in values[(b * block)..<((b + 1) * block)].reduce(0, +) / Double(block) }
            let spreads = (0..<blocks).map { b in standardDeviation(Array(residual[(b * block)..<((b + 1) * block)])) }
            if correlation(means, spreads) > 0.5 && values.allSatisfy({ $0 > 0 }) { scale = .log }
        }
        var t = ForecastTransform(scale: scale, difference: false, period: period)
        let s = values.map(t.base)
        let trend = 1 - variance(detrended(s)) / max(variance(s), 1e-300)
        t.difference = trend >= 0.5 || dickeyFuller(s, lags: 1) > -2.57
        t.fit(values)
        return t
    }

    /// The lag of the highest autocorrelation peak above 0.2 (lags 2 … n/3), if any.
    static func seasonalPeriod(_ values: [Double]) -> Int? {
        let x = detrended(values)
        let maxLag = x.count / 3
        guard maxLag >= 3 else { return nil }
        let v = x.map { $0 * $0 }.reduce(0, +)
        guard v > 0 else { return nil }
        let acf = (0...maxLag).map { k in (0..<(x.count - k)).reduce(0.0) { $0 + x[$1] * x[$1 + k] } / v }
        var best: Int?
        for k in 2..<maxLag where acf[k] > acf[k - 1] && acf[k] >= acf[k + 1] && acf[k] > 0.2 {
            if best == nil || acf[k] > acf[best!] + 1e-12 { best = k }
        }
        return best
    }
}

/// The residuals of a least-squares line through `values` (against 0, 1, 2, …).
func detrended(_ values: [Double]) -> [Double] {
    let n = Double(values.count)
    let tMean = (n - 1) / 2
    let yMean = values.reduce(0, +) / n
    var sxy = 0.0, sxx = 0.0
    for (t, y) in values.enumerated() {
        sxy += (Double(t) - tMean) * (y - yMean)
        sxx += (Double(t) - tMean) * (Double(t) - tMean)
    }
    let slope = sxx > 0 ? sxy / sxx : 0
    return values.enumerated().map { t, y in y - yMean - slope * (Double(t) - tMean) }
}

func variance(_ x: [Double]) -> Double {
    let m = x.reduce(0, +) / Double(max(x.count, 1))
    return x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(max(x.count, 1))
}

func standardDeviation(_ x: [Double]) -> Double { variance(x).squareRoot() }

func correlation(_ a: [Double], _ b: [Double]) -> Double {
    let (ma, mb) = (a.reduce(0, +) / Double(a.count), b.reduce(0, +) / Double(b.count))
    var sab = 0.0, saa = 0.0, sbb = 0.0
    for (x, y) in zip(a, b) {
        sab += (x - ma) * (y - mb)
        saa += (x - ma) * (x - ma)
        sbb += (y - mb) * (y - mb)
    }
    return saa > 0 && sbb > 0 ? sab / (saa * sbb).squareRoot() : 0
}

/// The t statistic of ρ in the augmented Dickey–Fuller regression
/// Δy_t = α + ρ·y_{t−1} + Σ_{i≤lags} γ_i·Δy_{t−i} + ε (very negative: no unit root).
func dickeyFuller(_ y: [Double], lags: Int) -> Double {
    let dy = zip(y.dropFirst(), y).map { $0 - $1 }
    var rows: [[Double]] = []
    var target: [Double] = []
    for t in lags..<dy.count {
        rows.append([1, y[t]] + (0..<lags).map { dy[t - 1 - $0] })
        target.append(dy[t])
    }
    let k = 2 + lags
    guard rows.count > k + 2 else { return 0 }
    // Normal equations, solved with the inverse (k is tiny).
    var xtx = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    var xty = [Double](repeating: 0, count: k)
    for (r, yv) in zip(rows, target) {
        for i in 0..<k {
            xty[i] += r[i] * yv
            for j in 0..<k { xtx[i][j] += r[i] * r[j] }
        }
    }
    guard let inv = invert(xtx) else { return 0 }
    let beta = (0..<k).map { i in (0..<k).reduce(0.0) { $0 + inv[i][$1] * xty[$1] } }
    let sse = zip(rows, target).reduce(0.0) { acc, p in
        let e = p.1 - (0..<k).reduce(0.0) { $0 + beta[$1] * p.0[$1] }
        return acc + e * e
    }
    let s2 = sse / Double(rows.count - k)
    let se = (s2 * inv[1][1]).squareRoot()
    return se > 0 ? beta[1] / se : 0
}

/// The inverse of a small square matrix by Gauss–Jordan elimination (nil when singular).
func invert(_ m: [[Double]]) -> [[Double]]? {
    let n = m.count
    var a = m.enumerated().map { i, row in row + (0..<n).map { $0 == i ? 1.0 : 0.0 } }
    for c in 0..<n {
        guard let p = (c..<n).max(by: { abs(a[$0][c]) < abs(a[$1][c]) }), abs(a[p][c]) > 1e-12 else { return nil }
        a.swapAt(c, p)
        let d = a[c][c]
        a[c] = a[c].map { $0 / d }
        for r in 0..<n where r != c {
            let f = a[r][c]
            if f != 0 { a[r] = zip(a[r], a[c]).map { $0 - f * $1 } }
        }
    }
    return a.map { Array($0[n...]) }
}
