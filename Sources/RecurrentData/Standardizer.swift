import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Per-feature standardisation `(x − mean) / std`, fitted on the training split only and
/// then applied unchanged to validation and test data (and inverted on predictions).
public struct Standardizer: Equatable, Sendable {
    /// The per-feature means of the training split.
    public let mean: [Double]
    /// Population standard deviations, never below the floor given when fitting.
    public let std: [Double]

    /// The number of features.
    public var featureCount: Int { mean.count }

    /// Restores a fitted standardizer (e.g. from a checkpoint's arrays).
    public init(mean: [Double], std: [Double]) throws(DataError) {
        guard mean.count == std.count, !mean.isEmpty else {
            throw DataError("standardizer needs one mean and one std per feature (got \(mean.count) and \(std.count))")
        }
        guard mean.allSatisfy(\.isFinite), std.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw DataError("standardizer needs finite means and positive finite stds")
        }
        self.mean = mean
        self.std = std
    }

    /// Fits mean and std of each of `featureCount` features over all steps of `sequences`
    /// (each step-major, `featureCount` values per step); stds below `minimumStd` are raised to
    /// it so that constant features do not divide by zero.
    public init(fitting sequences: [[Double]], featureCount: Int, minimumStd: Double = 1e-8) {
        precondition(featureCount > 0 && minimumStd > 0, "featureCount and minimumStd must be positive")
        precondition(sequences.allSatisfy { $0.count % featureCount == 0 }, "sequence sizes must be multiples of featureCount")
        let steps = sequences.reduce(0) { $0 + $1.count } / featureCount
        precondition(steps > 0, "cannot fit a standardizer on no data")
        var mean = [Double](repeating: 0, count: featureCount)
        for s in sequences { for (i, x) in s.enumerated() { mean[i % featureCount] += x } }
        mean = mean.map { $0 / Double(steps) }
        var variance = [Double](repeating: 0, count: featureCount)
        for s in sequences {
            for (i, x) in s.enumerated() {
                let d = x - mean[i % featureCount]
                variance[i % featureCount] += d * d
            }
        }
        self.mean = mean
        std = variance.map { max(($0 / Double(steps)).squareRoot(), minimumStd) }
    }

    /// Standardises step-major values (`featureCount` per step).
    public func apply(_ values: [Double]) -> [Double] {
        precondition(values.count % featureCount == 0, "values must hold whole steps")
        return values.enumerated().map { i, x in (x - mean[i % featureCount]) / std[i % featureCount] }
    }

    /// Undoes ``apply(_:)``: back to the original units.
    public func invert(_ values: [Double]) -> [Double] {
        precondition(values.count % featureCount == 0, "values must hold whole steps")
        return values.enumerated().map { i, z in z * std[i % featureCount] + mean[i % featureCount] }
    }
}
