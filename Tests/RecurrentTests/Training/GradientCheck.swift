@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// ∂f/∂x by central differences, one element at a time (Double).
func numericalGradient(_ x: Tensor<Double>, h: Double = 1e-5, _ f: (Tensor<Double>) throws -> Double) rethrows -> Tensor<Double> {
    var g = Tensor<Double>(zeros: x.shape)
    var probe = x
    for i in 0..<x.count {
        let v = x[flat: i]
        probe[flat: i] = v + h
        let up = try f(probe)
        probe[flat: i] = v - h
        let down = try f(probe)
        probe[flat: i] = v
        g[flat: i] = (up - down) / (2 * h)
    }
    return g
}

/// ∂f/∂θ by central differences for a parameter f reads through its value.
func numericalGradient(of p: Parameter<Double>, h: Double = 1e-5, _ f: () throws -> Double) rethrows -> Tensor<Double> {
    let saved = p.value
    defer { p.value = saved }
    return try numericalGradient(saved, h: h) { probe in
        p.value = probe
        return try f()
    }
}

/// ‖a − b‖ / max(‖a‖, ‖b‖): the relative error of an analytic against a numerical gradient.
func relativeError(_ a: Tensor<Double>, _ b: Tensor<Double>) -> Double {
    precondition(a.shape == b.shape, "comparing \(a.shape) with \(b.shape)")
    var d = a
    try! d.add(b, scaledBy: -1)
    let scale = max(a.sumOfSquares, b.sumOfSquares).squareRoot()
    return scale == 0 ? 0 : d.sumOfSquares.squareRoot() / scale
}

/// Σ y ⊙ r: a scalar loss whose gradient with respect to y is r.
func weightedSum(_ y: Tensor<Double>, _ r: Tensor<Double>) -> Double {
    y.withUnsafeBufferPointer { a in r.withUnsafeBufferPointer { b in Double.dot(a.count, a.baseAddress!, b.baseAddress!) } }
}

/// The relative-error bound of every gradient check.
let gradientTolerance = 1e-6
