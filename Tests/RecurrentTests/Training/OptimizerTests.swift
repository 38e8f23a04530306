import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

@Suite struct OptimizerTests {
    /// The optimizer a fixture's metadata describes, over `parameters`.
    func makeOptimizer(_ f: Fixture, _ parameters: [Parameter<Float>]) throws -> any Optimizer<Float> {
        let lr = f.number("lr"), wd = f.number("weight_decay")
        switch f.metadata["optimizer"] {
        case "sgd":
            return try SGD(parameters, learningRate: lr, momentum: f.number("momentum"), dampening: f.number("dampening"),
                           weightDecay: wd, nesterov: f.flag("nesterov"))
        case "adam":
            return try Adam(parameters, learningRate: lr, beta1: f.number("beta1"), beta2: f.number("beta2"),
                            epsilon: f.number("eps"), weightDecay: wd, amsgrad: f.flag("amsgrad"))
        case "adamw":
            return try Adam.adamW(parameters, learningRate: lr, beta1: f.number("beta1"), beta2: f.number("beta2"),
                                  epsilon: f.number("eps"), weightDecay: wd, amsgrad: f.flag("amsgrad"))
        case "rmsprop":
            return try RMSprop(parameters, learningRate: lr, alpha: f.number("alpha"), epsilon: f.number("eps"),
                               weightDecay: wd, momentum: f.number("momentum"), centered: f.flag("centered"))
        case "adagrad":
            return try Adagrad(parameters, learningRate: lr, learningRateDecay: f.number("lr_decay"), weightDecay: wd,
                               initialAccumulatorValue: f.number("initial_accumulator_value"), epsilon: f.number("eps"))
        default:
            throw OptimizerError.invalidHyperparameter("\(f.name): unknown optimizer \(f.metadata["optimizer"] ?? "nil")")
        }
    }

    @Test func optimizerFixturesExist() { #expect(!fixtureNames("optim").isEmpty) }

    /// Every PyTorch fixture: the parameters after each of its steps agree within 1e-5 (relative).
    @Test(arguments: fixtureNames("optim"))
    func optimizerFixtureParity(_ file: String) throws {
        let f = try loadFixture("optim", file)
        let w = Parameter<Float>(f.tensor("param.w")), b = Parameter<Float>(f.tensor("param.b"))
        let optimizer = try makeOptimizer(f, [w, b])
        for s in 1...Int(f.number("steps")) {
            w.gradient = f.tensor("grad.\(s).w")
            b.gradient = f.tensor("grad.\(s).b")
            optimizer.step()
            for (name, p) in [("w", w), ("b", b)] {
                let difference = relativeDifference(p.value.scalars.map(Double.init), f.doubles("expected.\(s).\(name)"))
                #expect(difference <= 1e-5, "\(file): \(name) after step \(s) differs by \(difference) (relative)")
            }
        }
        #expect(optimizer.stepCount == Int(f.number("steps")))
    }

    /// Builds each kind of optimizer with every buffer in use.
    static let kinds: [String] = ["sgd", "adam", "adamw", "rmsprop", "adagrad"]

    func make(_ kind: String, _ parameters: [Parameter<Double>]) throws -> any Optimizer<Double> {
        switch kind {
        case "sgd": try SGD(parameters, learningRate: 0.1, momentum: 0.9, dampening: 0.1, weightDecay: 0.01)
        case "adam": try Adam(parameters, learningRate: 0.01, weightDecay: 0.1, amsgrad: true)
        case "adamw": try Adam.adamW(parameters, learningRate: 0.01)
        case "rmsprop": try RMSprop(parameters, weightDecay: 0.1, momentum: 0.5, centered: true)
        default: try Adagrad(parameters, learningRate: 0.1, learningRateDecay: 0.01, initialAccumulatorValue: 0.1)
        }
    }

    /// A fixed sequence of gradients, the same for every run.
    func gradients(_ step: Int, _ shapes: [Shape]) -> [Tensor<Double>] {
        var rng = RandomGenerator(seed: UInt64(100 + step))
        return shapes.map { .normal($0, using: &rng) }
    }

    /// Exporting the state after 3 steps and loading it into a fresh optimizer (over copies of
    /// the parameters) gives bit-identical parameters after 3 more steps.
    @Test(arguments: kinds)
    func resumingFromExportedStateIsBitExact(_ kind: String) throws {
        var rng = RandomGenerator(seed: 1)
        let shapes: [Shape] = [[3, 4], [4]]
        let params = shapes.map { Parameter<Double>(.normal($0, using: &rng)) }
        let optimizer = try make(kind, params)
        func run(_ o: any Optimizer<Double>, _ ps: [Parameter<Double>], _ steps: Range<Int>) {
            for s in steps {
                for (p, g) in zip(ps, gradients(s, shapes)) { p.gradient = g }
                o.step()
            }
        }
        run(optimizer, params, 0..<3)
        optimizer.learningRate *= 0.5
        let saved = optimizer.state
        let copies = params.map { Parameter($0.value) }
        let resumed = try make(kind, copies)
        try resumed.load(state: saved)
        #expect(resumed.state == saved && resumed.stepCount == 3 && resumed.learningRate == optimizer.learningRate)
        run(optimizer, params, 3..<6)
        run(resumed, copies, 3..<6)
        #expect(zip(params, copies).allSatisfy { $0.value == $1.value })
    }

    @Test func stateKeysFollowPyTorchBufferNames() throws {
        let p = [Parameter<Double>(Tensor(zeros: [2])), Parameter<Double>(Tensor(zeros: [3]))]
        #expect(try make("adam", p).state.tensors.keys.sorted() ==
            ["exp_avg.0", "exp_avg.1", "exp_avg_sq.0", "exp_avg_sq.1", "max_exp_avg_sq.0", "max_exp_avg_sq.1"])
        #expect(try SGD(p).state.tensors.isEmpty)
        #expect(try make("rmsprop", p).state.tensors.count == 6)
        #expect(try make("adagrad", p).state.tensors.keys.sorted() == ["sum.0", "sum.1"])
    }

    @Test func loadingAStateThatDoesNotFitThrows() throws {
        let p = [Parameter<Double>(Tensor(zeros: [2, 2]))]
        let adam = try Adam(p)
        #expect(throws: OptimizerError.self) { try adam.load(state: try SGD(p, momentum: 0.9).state) }
        var wrongShape = adam.state
        wrongShape.tensors["exp_avg.0"] = Tensor(zeros: [4])
        #expect(throws: ShapeError.self) { try adam.load(state: wrongShape) }
        var extra = adam.state
        extra.tensors["max_exp_avg_sq.0"] = Tensor(zeros: [2, 2])
        #expect(throws: OptimizerError.self) { try adam.load(state: extra) }
    }

    @Test func invalidHyperparametersThrow() {
        let p = [Parameter<Float>(Tensor(zeros: [1]))]
        #expect(throws: OptimizerError.self) { try SGD(p, learningRate: -1) }
        #expect(throws: OptimizerError.self) { try SGD(p, nesterov: true) }
        #expect(throws: OptimizerError.self) { try Adam(p, beta1: 1) }
        #expect(throws: OptimizerError.self) { try RMSprop(p, alpha: -0.1) }
        #expect(throws: OptimizerError.self) { try Adagrad(p, learningRateDecay: -1) }
    }

    @Test(arguments: kinds)
    func frozenParametersAreNotUpdated(_ kind: String) throws {
        let frozen = Parameter<Double>(Tensor(shape: [3], repeating: 1))
        frozen.requiresGradient = false
        frozen.gradient.fill(5)
        let trained = Parameter<Double>(Tensor(shape: [3], repeating: 1))
        trained.gradient.fill(5)
        let optimizer = try make(kind, [frozen, trained])
        optimizer.step()
        #expect(frozen.value.scalars == [1, 1, 1] && trained.value.scalars != [1, 1, 1])
        optimizer.zeroGradients()
        #expect(trained.gradient.maxAbs == 0)
    }

    @Test func defaultsFollowPyTorch() throws {
        let p = [Parameter<Float>(Tensor(zeros: [1]))]
        #expect(try SGD(p).learningRate == 1e-3)
        let adam = try Adam(p)
        #expect(adam.learningRate == 1e-3 && adam.beta1 == 0.9 && adam.beta2 == 0.999 && adam.epsilon == 1e-8 && adam.weightDecay == 0)
        #expect(try Adam.adamW(p).weightDecay == 1e-2)
        let rms = try RMSprop(p)
        #expect(rms.learningRate == 1e-2 && rms.alpha == 0.99 && rms.epsilon == 1e-8)
        let ada = try Adagrad(p)
        #expect(ada.learningRate == 1e-2 && ada.epsilon == 1e-10)
    }
}
