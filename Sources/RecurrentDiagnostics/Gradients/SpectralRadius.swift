import RealModule
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// The spectral radius ρ(W) = max |λ_i| of a square matrix, estimated by Gelfand's formula
/// ρ = lim ‖W^k‖^(1/k) with k = 2^squarings (repeated squaring, renormalised at each step so
/// nothing overflows). For an n×n matrix whose dominant eigenvalues are not defective, the
/// estimate exceeds ρ by at most a factor n^(1/(2k)): 3·10⁻⁵ for n = 32 at the default
/// k = 2¹⁶.
///
/// ρ(W_hh) > 1 is necessary for gradients to explode through a tanh RNN (|tanh′| ≤ 1;
/// Pascanu et al. 2013); ρ < 1 makes them vanish.
public func spectralRadius(_ matrix: [Double], size n: Int, squarings: Int = 16) -> Double {
    precondition(matrix.count == n * n && n > 0, "spectralRadius: \(matrix.count) values for a \(n)×\(n) matrix")
    var m = matrix
    var logScale = 0.0
    for _ in 0..<squarings {
        let norm = m.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0, norm.isFinite else { return norm == 0 ? 0 : .nan }
        for i in m.indices { m[i] /= norm }
        logScale = 2 * (logScale + Double.log(norm))
        var sq = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for p in 0..<n where m[i * n + p] != 0 {
                let a = m[i * n + p]
                for j in 0..<n { sq[i * n + j] += a * m[p * n + j] }
            }
        }
        m = sq
    }
    let norm = m.reduce(0) { $0 + $1 * $1 }.squareRoot()
    guard norm > 0 else { return 0 }
    return Double.exp((logScale + Double.log(norm)) / Double(1 << squarings))
}

extension RecurrentLayer {
    /// ρ of each H×H gate block of W_hh of one layer and direction (one block for an RNN;
    /// i, f, g, o for an LSTM; r, z, n for a GRU).
    public func recurrentSpectralRadii(layer l: Int = 0, direction d: Int = 0) -> [Double] {
        let name = "weight_hh_l\(l)" + (d == 1 ? "_reverse" : "")
        guard let w = namedParameters.first(where: { $0.name == name })?.parameter.value else { return [] }
        let H = hiddenSize
        let all = w.scalars.map { Double($0) }
        return (0..<cell.gateCount).map { g in spectralRadius(Array(all[(g * H * H)..<((g + 1) * H * H)]), size: H) }
    }
}
