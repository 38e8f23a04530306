import Foundation
import Testing
@testable import RecurrentCore
@testable import RecurrentLayers

/// Two host threads running layers at once, each asking the kernels for two threads: one
/// caller gets the thread pool and the other runs its share alone, each thread with its own
/// packing scratch, each layer's packed weights shared by the threads that work on it. The
/// results must be those of the same work done one caller after the other (to rounding: a
/// caller that finds the pool taken sums some gradients in another grouping). Under
/// ThreadSanitizer (Scripts/sanitize.sh thread) this is the test of the pool's hand-over.
@Suite struct ConcurrentKernelCallersTests {
    /// Batch 16: two threads share rows; batch 7: they share hidden units.
    static let cases: [(CellKind, batch: Int)] = [(.lstm, 16), (.gru, 7), (.rnnTanh, 16)]

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int: [String: Tensor<Float>]] = [:]
        subscript(i: Int) -> [String: Tensor<Float>]? {
            get { lock.lock(); defer { lock.unlock() }; return values[i] }
            set { lock.lock(); defer { lock.unlock() }; values[i] = newValue }
        }
    }

    /// A forward and backward pass of a two-layer bidirectional layer (hidden 50: the steps'
    /// products are large enough for two threads, and ∂W's products for the pool).
    static func work(_ cell: CellKind, batch: Int, seed: UInt64) throws -> [String: Tensor<Float>] {
        let layer = RecurrentLayer<Float>(cell, inputSize: 5, hiddenSize: 50, numLayers: 2, bidirectional: true, seed: seed)
        var rng = RandomGenerator(seed: seed + 100)
        let lengths = (0..<batch).map { 9 - $0 % 5 }
        let x = Tensor<Float>.normal([9, batch, 5], using: &rng)
        let (out, final) = try layer.forward(x, lengths: lengths)
        layer.zeroGradients()
        let gradFinal = RecurrentState<Float>(h: .normal(final.h.shape, using: &rng),
                                              c: final.c.map { .normal($0.shape, using: &rng) })
        let grads = try layer.backward(gradOutput: .normal(out.shape, using: &rng), gradFinalState: gradFinal)
        var all = ["output": out, "h_n": final.h, "grad_input": grads.input]
        for (name, p) in layer.namedParameters { all["grad." + name] = p.gradient }
        return all
    }

    @Test(arguments: cases)
    func twoCallersAtOnceMatchOneAfterTheOther(_ cell: CellKind, batch: Int) throws {
        try KernelPathLock.exclusive {
            let saved = KernelConfiguration.threads
            KernelConfiguration.threads = 2
            defer { KernelConfiguration.threads = saved }
            let sequential = try [1, 2].map { try Self.work(cell, batch: batch, seed: $0) }
            let concurrent = Results()
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                concurrent[i] = try? Self.work(cell, batch: batch, seed: UInt64(i + 1))
            }
            for i in 0..<2 {
                guard let got = concurrent[i] else {
                    Issue.record("\(cell): caller \(i) threw")
                    continue
                }
                #expect(got.keys.sorted() == sequential[i].keys.sorted())
                for (name, expected) in sequential[i] {
                    guard let x = got[name], x.shape == expected.shape else {
                        Issue.record("\(cell): \(name) missing or of another shape")
                        continue
                    }
                    var worst: Float = 0
                    for k in 0..<x.count { worst = max(worst, abs(x[flat: k] - expected[flat: k]) / (1 + abs(expected[flat: k]))) }
                    #expect(worst <= 1e-5, "\(cell), batch \(batch), caller \(i): \(name) differs by \(worst)")
                }
            }
        }
    }
}
