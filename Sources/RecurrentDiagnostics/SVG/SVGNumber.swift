import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A coordinate for SVG attributes: at most two decimals, no trailing zeros, no exponent
/// ("12.5", "3", "-0.25"). Non-finite values become "0" (they never reach a drawing on purpose).
public func svgNumber(_ v: Double) -> String {
    guard v.isFinite else { return "0" }
    let r = (v * 100).rounded()
    guard abs(r) < 9e17 else { return v > 0 ? "9e15" : "-9e15" }
    let n = Int64(r)
    let sign = n < 0 ? "-" : ""
    let a = n.magnitude
    let whole = a / 100, frac = a % 100
    if frac == 0 { return sign + String(whole) }
    if frac % 10 == 0 { return sign + String(whole) + "." + String(frac / 10) }
    return sign + String(whole) + "." + (frac < 10 ? "0" : "") + String(frac)
}
