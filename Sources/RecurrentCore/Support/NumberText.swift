import RealModule

/// `x` in scientific notation with `digits` digits after the point ("3.1e-13"); "nan", "inf".
package func scientific(_ x: Double, _ digits: Int = 1) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
    if x == 0 { return "0" }
    var exponent = Int(Double.log10(abs(x)).rounded(.down))
    var mantissa = x / Double.pow(10, Double(exponent))
    let scale = Double.pow(10, Double(digits))
    if (abs(mantissa) * scale).rounded() / scale >= 10 {
        exponent += 1
        mantissa /= 10
    } else if (abs(mantissa) * scale).rounded() / scale < 1 {
        exponent -= 1
        mantissa *= 10
    }
    return fixed(mantissa, digits) + "e" + (exponent < 0 ? "-" : "+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
}

/// `x` with exactly `digits` digits after the point ("0.56", "-2.0"); scientific beyond 1e15.
package func fixed(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
    guard abs(x) < 1e15 else { return scientific(x, digits) }
    let scale = Double.pow(10, Double(digits))
    let r = (abs(x) * scale).rounded()
    var text = String(Int64(r / scale))
    if digits > 0 {
        let frac = String(Int64(r.truncatingRemainder(dividingBy: scale)))
        text += "." + String(repeating: "0", count: digits - frac.count) + frac
    }
    return (x < 0 && r != 0 ? "-" : "") + text
}

/// A compact number for tables: fixed with up to `significant` digits in [1e-3, 1e5),
/// scientific outside.
package func compact(_ x: Double, significant: Int = 3) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
    if x == 0 { return "0" }
    let a = abs(x)
    guard a >= 1e-3 && a < 1e5 else { return scientific(x, max(significant - 1, 0)) }
    let magnitude = Int(Double.log10(a).rounded(.down))  // 10^magnitude ≤ a
    return fixed(x, max(significant - 1 - magnitude, 0))
}

/// The shortest exact decimal for a setting ("1", "0.1", "2.5", "1e-05").
package func plain(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
}

/// "12,345".
package func grouped(_ n: Int) -> String {
    let s = String(n.magnitude)
    var out = ""
    for (i, c) in s.enumerated() {
        if i > 0 && (s.count - i) % 3 == 0 { out += "," }
        out.append(c)
    }
    return (n < 0 ? "-" : "") + out
}
