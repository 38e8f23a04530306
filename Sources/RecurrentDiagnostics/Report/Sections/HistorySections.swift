import RecurrentCore
import RecurrentLayers
import RecurrentTraining

extension ReportSection {
    /// The sections a ``TrainingHistory`` supports, in order: loss, other evaluation metrics,
    /// learning rate, gradient norm and clipping, gradient through time (each only when the
    /// history has its data).
    public static func history(_ h: TrainingHistory, clipNorm: Double? = nil) -> [ReportSection] {
        var sections: [ReportSection] = []
        if !h.steps.isEmpty || h.evaluations.contains(where: { $0.metrics["loss"] != nil }) { sections.append(loss(h)) }
        if let m = evaluationMetrics(h) { sections.append(m) }
        if !h.steps.isEmpty { sections.append(learningRate(h)) }
        if h.steps.contains(where: { $0.gradientNorm != nil }) { sections.append(gradientNorm(h, clipNorm: clipNorm)) }
        if !h.gradientSnapshots.isEmpty { sections.append(gradientThroughTime(h.gradientSnapshots)) }
        return sections
    }
}

/// The mean of the finite values in a window of `window` points ending at each point.
func movingAverage(_ values: [Double], window: Int) -> [Double] {
    var out: [Double] = []
    out.reserveCapacity(values.count)
    var sum = 0.0, count = 0
    for (i, v) in values.enumerated() {
        if v.isFinite { sum += v; count += 1 }
        if i >= window, values[i - window].isFinite { sum -= values[i - window]; count -= 1 }
        out.append(count > 0 ? sum / Double(count) : .nan)
    }
    return out
}

/// Log when the positive finite values span more than `ratio`; linear otherwise.
func scaleKind(for values: [Double], ratio: Double = 30) -> Scale.Kind {
    let v = values.filter { $0 > 0 && $0.isFinite }
    guard let lo = v.min(), let hi = v.max(), v.count == values.filter(\.isFinite).count else { return .linear }
    return hi / lo > ratio ? .log : .linear
}

/// The split names in a stable order: validation, test, then others alphabetically.
func orderedSplits(_ evaluations: [EvaluationRecord]) -> [String] {
    let names = Set(evaluations.map(\.split))
    let known = ["validation", "test"].filter(names.contains)
    return known + names.subtracting(known).sorted()
}
