import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// The fused time loop (`rk_recurrence.h`): every thread runs the recurrence of its own batch
/// rows, or computes the gate columns and the cell pass of its own hidden units. Its results
/// must not depend on the thread count or the split, and must agree with the step-by-step
/// loop (the one that serves gradient recording).
@Suite(.serialized) struct FusedRecurrenceTests {
    /// Shapes whose per-step product is above the threshold for two threads, with hidden
    /// sizes that are not multiples of the register tile (a ragged last panel per thread),
    /// variable lengths, both directions and truncated BPTT.
    static let cases: [(CellKind, hidden: Int)] = [(.lstm, 50), (.gru, 50), (.rnnTanh, 100), (.rnnReLU, 100)]

    func run<S: TensorScalar>(_ cell: CellKind, hidden: Int, _: S.Type, threads: Int, truncation: Int?,
                              recording: Bool, split: KernelConfiguration.RecurrenceSplit = .automatic,
                              lengths: [Int] = [9, 3, 9, 1, 6, 9, 8], directA: Int? = nil) throws -> [String: Tensor<S>] {
        try KernelPathLock.exclusive {
            let saved = (KernelConfiguration.threads, KernelConfiguration.recurrenceSplit)
            (KernelConfiguration.threads, KernelConfiguration.recurrenceSplit) = (threads, split)
            KernelConfiguration.recurrenceDirectA = directA
            defer {
                (KernelConfiguration.threads, KernelConfiguration.recurrenceSplit) = saved
                KernelConfiguration.recurrenceDirectA = nil
            }
            return try runLayer(cell, hidden: hidden, S.self, truncation: truncation, recording: recording, lengths: lengths)
        }
    }

    private func runLayer<S: TensorScalar>(_ cell: CellKind, hidden: Int, _: S.Type, truncation: Int?,
                                           recording: Bool, lengths: [Int]) throws -> [String: Tensor<S>] {
        let layer = RecurrentLayer<S>(cell, inputSize: 5, hiddenSize: hidden, numLayers: 2, bidirectional: true, seed: 4)
        layer.truncation = truncation
        layer.recordsGradientsThroughTime = recording
        var rng = RandomGenerator(seed: 11)
        let (T, B) = (lengths.max()!, lengths.count)
        let x = Tensor<S>.normal([T, B, 5], using: &rng)
        let (out, final) = try layer.forward(x, lengths: lengths)
        layer.zeroGradients()
        let gradFinal = RecurrentState<S>(h: .normal(final.h.shape, using: &rng),
                                          c: final.c.map { .normal($0.shape, using: &rng) })
        let grads = try layer.backward(gradOutput: .normal(out.shape, using: &rng), gradFinalState: gradFinal)
        var all = ["output": out, "h_n": final.h, "grad_input": grads.input, "grad_h0": grads.initialState.h]
        if let c = final.c { all["c_n"] = c }
        if let dc = grads.initialState.c { all["grad_c0"] = dc }
        for (name, p) in layer.namedParameters { all["grad." + name] = p.gradient }
        return all
    }

    /// Each output element is computed by the same kernel calls in the same order whatever
    /// the thread count, so the results agree to the last bit, unless a test running in
    /// parallel forces another instruction set meanwhile (rounding-level differences).
    @Test(arguments: cases)
    func twoThreadsMatchOne(_ cell: CellKind, hidden: Int) throws {
        for truncation in [nil, 4] {
            let one = try run(cell, hidden: hidden, Float.self, threads: 1, truncation: truncation, recording: false)
            let oneD = try run(cell, hidden: hidden, Double.self, threads: 1, truncation: truncation, recording: false)
            for split in [KernelConfiguration.RecurrenceSplit.units, .rows] {
                let what = "\(cell) \(split), truncation \(truncation.map(String.init) ?? "none")"
                let two = try run(cell, hidden: hidden, Float.self, threads: 2, truncation: truncation, recording: false, split: split)
                expectClose(one, two, tolerance: 1e-4, what + ", float")
                let twoD = try run(cell, hidden: hidden, Double.self, threads: 2, truncation: truncation, recording: false, split: split)
                expectClose(oneD, twoD, tolerance: 1e-12, what + ", double")
            }
        }
    }

    /// Rows or units: every output and state gradient comes from the same kernel arithmetic
    /// (bit for bit); only the bias-gradient sums are added up in another grouping.
    @Test(arguments: cases)
    func rowAndUnitSharesAgree(_ cell: CellKind, hidden: Int) throws {
        let units = try run(cell, hidden: hidden, Float.self, threads: 2, truncation: 4, recording: false, split: .units)
        let rows = try run(cell, hidden: hidden, Float.self, threads: 2, truncation: 4, recording: false, split: .rows)
        for (name, u) in units where !name.hasPrefix("grad.bias") {
            #expect(rows[name] == u, "\(cell): \(name) differs between the row and the unit split")
        }
        expectClose(units, rows, tolerance: 1e-6, "\(cell) rows vs units")
    }

    /// A step's product reads its left operand (the previous state, or the step's gate
    /// gradients) packed or in place: the same kernel arithmetic in the same order, so the
    /// same results to the last bit — on one thread and on two sharing units or rows.
    @Test(arguments: cases)
    func packedAndInPlaceOperandsAgree(_ cell: CellKind, hidden: Int) throws {
        for (threads, split) in [(1, KernelConfiguration.RecurrenceSplit.automatic), (2, .units), (2, .rows)] {
            for lengths in [[9, 3, 9, 1, 6, 9, 8], [9], [9, 3, 9, 1, 6, 9, 8, 9, 2, 9, 7, 9, 5]] {
                let what = "\(cell), \(threads) thread(s) \(split), batch \(lengths.count)"
                let packed = try run(cell, hidden: hidden, Float.self, threads: threads, truncation: 4, recording: false,
                                     split: split, lengths: lengths, directA: 0)
                let inPlace = try run(cell, hidden: hidden, Float.self, threads: threads, truncation: 4, recording: false,
                                      split: split, lengths: lengths, directA: Int.max)
                for (name, p) in packed { #expect(inPlace[name] == p, "\(what): \(name) differs packed / in place") }
                let packedD = try run(cell, hidden: hidden, Double.self, threads: threads, truncation: nil, recording: false,
                                      split: split, lengths: lengths, directA: 0)
                let inPlaceD = try run(cell, hidden: hidden, Double.self, threads: threads, truncation: nil, recording: false,
                                       split: split, lengths: lengths, directA: Int.max)
                for (name, p) in packedD { #expect(inPlaceD[name] == p, "\(what): \(name) differs packed / in place (double)") }
            }
        }
    }

    func expectClose<S: TensorScalar>(_ a: [String: Tensor<S>], _ b: [String: Tensor<S>], tolerance: Double, _ what: String) {
        #expect(a.keys.sorted() == b.keys.sorted())
        for (name, x) in a {
            guard let y = b[name], x.shape == y.shape else {
                Issue.record("\(what): \(name) missing or of another shape")
                continue
            }
            var worst = 0.0
            for i in 0..<x.count {
                let (u, v) = (Double(x[flat: i]), Double(y[flat: i]))
                worst = max(worst, abs(u - v) / (1 + abs(v)))
            }
            #expect(worst <= tolerance, "\(what): \(name) differs by \(worst)")
        }
    }

    @Test(arguments: cases)
    func fusedMatchesStepByStep(_ cell: CellKind, hidden: Int) throws {
        for truncation in [nil, 3] {
            let fused = try run(cell, hidden: hidden, Double.self, threads: 2, truncation: truncation, recording: false)
            let stepwise = try run(cell, hidden: hidden, Double.self, threads: 1, truncation: truncation, recording: true)
            expectClose(fused, stepwise, tolerance: 1e-12, "\(cell) fused vs step by step")
        }
    }

    /// With a batch of at least a register tile of rows (13 > 12, the widest tile), the LSTM's
    /// and the RNN's fused loop also computes ∂x step by step (its W_ih is small); it must
    /// agree with the product over all steps that the step-by-step loop uses, on one thread
    /// and on two sharing units (a share of ∂x's columns each) or rows.
    @Test(arguments: cases.filter { $0.0 != .gru })
    func inputGradientInTheLoopMatchesOneProduct(_ cell: CellKind, hidden: Int) throws {
        let lengths = [9, 3, 9, 1, 6, 9, 8, 9, 2, 9, 7, 9, 5]
        let stepwise = try run(cell, hidden: hidden, Double.self, threads: 1, truncation: 3, recording: true, lengths: lengths)
        let stepwiseF = try run(cell, hidden: hidden, Float.self, threads: 1, truncation: 3, recording: true, lengths: lengths)
        for (threads, split) in [(1, KernelConfiguration.RecurrenceSplit.automatic), (2, .units), (2, .rows)] {
            let what = "\(cell), \(threads) thread(s) \(split)"
            let fused = try run(cell, hidden: hidden, Double.self, threads: threads, truncation: 3, recording: false,
                                split: split, lengths: lengths)
            expectClose(fused, stepwise, tolerance: 1e-12, what + ", double")
            let fusedF = try run(cell, hidden: hidden, Float.self, threads: threads, truncation: 3, recording: false,
                                 split: split, lengths: lengths)
            expectClose(fusedF, stepwiseF, tolerance: 1e-5, what + ", float")
        }
    }
}
