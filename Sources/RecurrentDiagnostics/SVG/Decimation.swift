import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Reduces a long series to at most `maxPoints` points while keeping its envelope: the
/// points are split into equal runs and each run keeps its lowest and highest point (in x
/// order), plus the first and last point of the series. A loss curve of 10⁵ steps drawn from
/// 2,000 points shows the same spikes and the same range as the full curve.
///
/// Points must be sorted by x. Points whose y is not finite are dropped when decimating
/// (kept, as gaps, when the series is already short enough).
public func minMaxDecimated(_ points: [(x: Double, y: Double)], maxPoints: Int) -> [(x: Double, y: Double)] {
    precondition(maxPoints >= 4, "minMaxDecimated needs maxPoints ≥ 4, got \(maxPoints)")
    guard points.count > maxPoints else { return points }
    let finite = points.filter { $0.y.isFinite }
    guard finite.count > maxPoints else { return finite }
    let inner = finite.count - 2
    let buckets = (maxPoints - 2) / 2
    var out: [(x: Double, y: Double)] = [finite[0]]
    out.reserveCapacity(maxPoints)
    for b in 0..<buckets {
        let lo = 1 + b * inner / buckets, hi = 1 + (b + 1) * inner / buckets
        guard lo < hi else { continue }
        var iMin = lo, iMax = lo
        for i in lo..<hi {
            if finite[i].y < finite[iMin].y { iMin = i }
            if finite[i].y > finite[iMax].y { iMax = i }
        }
        if iMin == iMax {
            out.append(finite[iMin])
        } else {
            out.append(finite[min(iMin, iMax)])
            out.append(finite[max(iMin, iMax)])
        }
    }
    out.append(finite[finite.count - 1])
    return out
}
