/// The measurements of one cell in a ``GradientExperiment``.
public struct CellGradientResult: Sendable {
    public var cell: CellKind
    /// ρ(W_hh) at initialisation, after any scaling: the largest over the gate blocks.
    public var spectralRadius: Double
    /// The flow on the probe batch at initialisation (after any recurrent scaling), and its loss.
    public var initial: GradientFlow
    public var initialLoss: Double
    /// The first update on the probe batch, with and without clipping (not applied).
    public var initialUpdate: UpdateNorms
    /// The flow on the same probe batch after training (nil when there was no training).
    public var trained: GradientFlow?
    public var trainedLoss: Double?
    /// One record per training step (loss, gradient norm, clipping) and gradient snapshots.
    public var history: TrainingHistory
    /// The update norms of the training steps that were not skipped.
    public var updates: [UpdateNorms]
}

/// The experiment behind `rnn gradients`: for each cell, how ‖∂L/∂h_k‖ and the per-step terms
/// of ∂L/∂W_hh depend on k at initialisation and after some training on a ``LongRangeTask``,
/// and what gradient clipping does to the updates.
///
/// Every cell sees the same probe batch and the same training batches (one seed).
public struct GradientExperiment {
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
        let model = ReadoutModel<Double>(cell: cell, inputSize: c.task.inputSize, hiddenSize: c.hiddenSize,
                                         outputSize: c.task.outputSize, seed: c.seed)
        if c.recurrentScale != 1 { model.scaleRecurrentWeights(by: c.recurrentScale) }
        if c.memoryGateBias != 0 { model.addMemoryGateBias(c.memoryGateBias) }
        let optimizer: any Optimizer<Double> = switch c.optimizer {
        case .sgd: try SGD(model.parameters, learningRate: c.learningRate)
        case .adam: try Adam(model.parameters, learningRate: c.learningRate)
        }
        let radius = model.layer.recurrentSpectralRadii().max() ?? .nan
        var probeRNG = RandomGenerator(seed: c.seed &+ 1)
        let probe: LongRangeBatch<Double> = c.task.sample(steps: c.steps, batch: c.batchSize, using: &probeRNG)

        model.zeroGradients()
        let (initialLoss, initial) = try model.forwardBackward(probe, record: true)
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

        var trained: GradientFlow?
        var trainedLoss: Double?
        if c.trainSteps > 0 {
            model.zeroGradients()
            (trainedLoss, trained) = try model.forwardBackward(probe, record: true)
        }
        return CellGradientResult(cell: cell, spectralRadius: radius, initial: initial!, initialLoss: initialLoss, initialUpdate: initialUpdate,
                                  trained: trained, trainedLoss: trainedLoss, history: history, updates: updates)
    }
}
