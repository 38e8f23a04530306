import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// The experiment behind `rnn gradients`: for each cell, how ‖∂L/∂h_k‖ and the per-step terms
/// of ∂L/∂W_hh depend on k at initialisation and after some training on a ``LongRangeTask``,
/// and what gradient clipping does to the updates.
///
/// Every cell sees the same probe batch and the same training batches (one seed).
public struct GradientExperiment {
    /// The settings, validated.
    public let configuration: GradientExperimentConfiguration

    /// Validates the configuration.
    public init(_ configuration: GradientExperimentConfiguration) throws {
        try configuration.validate()
        self.configuration = configuration
    }

    /// Runs every cell in turn; `progress` is called after each.
    public func run(progress: (CellGradientResult) -> Void = { _ in }) throws -> [CellGradientResult] {
        try configuration.cells.map { cell in
            let r = try run(cell)
            progress(r)
            return r
        }
    }

    /// Runs one cell.
    public func run(_ cell: CellKind) throws -> CellGradientResult {
        let c = configuration
        let model = try makeModel(cell, gateBias: c.memoryGateBias)
        let optimizer: any Optimizer<Double> = switch c.optimizer {
        case .sgd: try SGD(model.parameters, learningRate: c.learningRate)
        case .adam: try Adam(model.parameters, learningRate: c.learningRate)
        }
        var probeRNG = RandomGenerator(seed: c.seed &+ 1)
        let probe: LongRangeBatch<Double> = c.task.sample(steps: c.steps, batch: c.batchSize, using: &probeRNG)

        let initial = try profile(model, probe, "init")
        var withBias: GradientProfile?
        if let b = c.comparisonGateBias, c.memoryGateBias == 0, cell == .lstm || cell == .gru {
            withBias = try profile(makeModel(cell, gateBias: b), probe, "init, gate bias +" + plain(b))
        }
        let initialUpdate = try measureUpdate(optimizer, clipNorm: c.clipNorm, apply: false)

        var history = TrainingHistory()
        var updates: [UpdateNorms] = []
        var rng = RandomGenerator(seed: c.seed &+ 2)
        let snapshotEvery = c.snapshots > 0 ? max(1, c.trainSteps / c.snapshots) : Int.max
        let start = monotonicClock()
        for step in 0..<c.trainSteps {
            let batch: LongRangeBatch<Double> = c.task.sample(steps: c.steps, batch: c.batchSize, using: &rng)
            model.zeroGradients()
            let record = step % snapshotEvery == 0
            let (loss, flow) = try model.forwardBackward(batch, record: record)
            if let flow { history.gradientSnapshots.append(GradientSnapshot(step: step, hiddenGradientNorms: flow.record.hiddenGradientNorms)) }
            var update: UpdateNorms?
            let finite = loss.isFinite && model.parameters.allSatisfy(\.gradient.isFinite)
            if finite {
                update = try measureUpdate(optimizer, clipNorm: c.clipNorm, apply: true)
                updates.append(update!)
            }
            history.steps.append(StepRecord(
                step: step, epoch: 0, loss: loss, learningRate: c.learningRate,
                gradientNorm: update?.gradientNorm,
                clipped: c.clipNorm.map { (update?.gradientNorm ?? 0) > $0 } ?? false,
                skipped: !finite, seconds: monotonicClock() - start))
        }

        let trained = c.trainSteps > 0 ? try profile(model, probe, "trained") : nil
        return CellGradientResult(cell: cell, initial: initial, initialWithGateBias: withBias, trained: trained,
                                  initialUpdate: initialUpdate, history: history, updates: updates)
    }

    /// The model of a cell at initialisation: PyTorch's, W_hh scaled, memory-gate bias added.
    private func makeModel(_ cell: CellKind, gateBias: Double) throws -> ReadoutModel<Double> {
        let c = configuration
        let model = try ReadoutModel<Double>(cell: cell, inputSize: c.task.inputSize, hiddenSize: c.hiddenSize,
                                         outputSize: c.task.outputSize, seed: c.seed)
        if c.recurrentScale != 1 { model.scaleRecurrentWeights(by: c.recurrentScale) }
        if gateBias != 0 { model.addMemoryGateBias(gateBias) }
        return model
    }

    /// Measures the flow on the probe batch; leaves the gradients of that pass in place.
    private func profile(_ model: ReadoutModel<Double>, _ probe: LongRangeBatch<Double>, _ label: String) throws -> GradientProfile {
        model.zeroGradients()
        let (loss, flow) = try model.forwardBackward(probe, record: true)
        return GradientProfile(label: label, flow: flow!, loss: loss,
                               spectralRadius: model.layer.recurrentSpectralRadii().max() ?? .nan)
    }
}
