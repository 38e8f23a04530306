import Foundation

/// Wall-clock seconds from a monotonic clock.
func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Median seconds per call of `body` after `warmup` calls, timing at least `minRuns`
/// calls and at least `minSeconds` in all; with `fastest`, the fastest call instead (on a
/// shared or virtual machine other work only ever adds time, so the minimum is the steadier
/// figure for comparing two builds).
func medianSeconds(warmup: Int = 2, minRuns: Int = 5, minSeconds: Double = 0.5, fastest: Bool = false,
                   _ body: () throws -> Void) rethrows -> Double {
    for _ in 0..<warmup { try body() }
    var times: [Double] = []
    let start = monotonicSeconds()
    while times.count < minRuns || monotonicSeconds() - start < minSeconds {
        let t0 = monotonicSeconds()
        try body()
        times.append(monotonicSeconds() - t0)
        if times.count >= 1000 { break }
    }
    times.sort()
    return fastest ? times[0] : times[times.count / 2]
}

/// One JSON object on one line, keys in the given order.
func jsonLine(_ fields: [(String, Any)]) -> String {
    let parts = fields.map { key, value -> String in
        let v: String
        switch value {
        case let s as String: v = "\"\(s)\""
        case let b as Bool: v = b ? "true" : "false"
        case let d as Double: v = d.isFinite ? String(format: "%.4g", d) : "null"
        default: v = "\(value)"
        }
        return "\"\(key)\":\(v)"
    }
    return "{" + parts.joined(separator: ",") + "}"
}

/// Flushes stdout so progress lines appear at once when piped.
func flushStandardOutput() {
    try? FileHandle.standardOutput.synchronize()
    fflush(nil)
}
