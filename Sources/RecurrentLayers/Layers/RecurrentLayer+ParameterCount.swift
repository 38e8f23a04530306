import RecurrentCore

extension RecurrentLayer {
    /// The number of parameters (scalars) of a recurrent layer with this configuration,
    /// without building it: for each of the `numLayers` layers and each direction,
    /// W_ih (G·H × input), W_hh (G·H × H) and, with `bias`, b_ih and b_hh (G·H each), where
    /// G is the cell's ``CellKind/gateCount``, H is `hiddenSize` and the input of layer
    /// l > 0 is the previous layer's output, `numDirections`·H wide:
    ///
    ///     Σ_l  numDirections · G·H · (input_l + H + (bias ? 2 : 0))
    ///
    /// Equal to `parameterCount` of a layer built with the same arguments. Counts too large
    /// for an `Int` saturate at `Int.max` (such a layer could never be allocated), so that
    /// size checks on untrusted configurations never trap.
    public static func parameterCount(_ cell: CellKind, inputSize: Int, hiddenSize: Int, numLayers: Int = 1,
                                      bidirectional: Bool = false, bias: Bool = true) -> Int {
        precondition(inputSize >= 0 && hiddenSize >= 0 && numLayers >= 0, "RecurrentLayer sizes must not be negative")
        let directions = bidirectional ? 2 : 1
        // Int arithmetic that gives nil instead of trapping on overflow.
        func sum(_ a: Int?, _ b: Int?) -> Int? {
            guard let a, let b else { return nil }
            let (r, overflow) = a.addingReportingOverflow(b)
            return overflow ? nil : r
        }
        func product(_ a: Int?, _ b: Int?) -> Int? {
            guard let a, let b else { return nil }
            let (r, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? nil : r
        }
        let gateRows = product(cell.gateCount, hiddenSize)
        var total: Int? = 0
        for l in 0..<numLayers {
            let input = l == 0 ? inputSize : product(directions, hiddenSize)
            let width = sum(sum(input, hiddenSize), bias ? 2 : 0)
            total = sum(total, product(directions, product(gateRows, width)))
            if total == nil { break }
        }
        return total ?? .max
    }
}
