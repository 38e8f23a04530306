import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentTraining

/// How a many-to-one model turns a recurrent layer's outputs over a sequence into one vector.
public enum SequencePooling: String, Codable, Sendable, CaseIterable {
    /// The last layer's final state h_n: the state at each sequence's last valid step, and for
    /// a bidirectional layer [final forward ; final backward] (the backward direction's state
    /// after reading step 0) — PyTorch's `h_n` of a packed sequence.
    case last
    /// The mean of the outputs over each sequence's valid steps.
    case mean
    /// The elementwise maximum of the outputs over each sequence's valid steps.
    case max
}

/// Variable-length sequences padded into one time-major batch: token ids (T, B) or numeric
/// features (T, B, K), with each sequence's length. The input of ``SequenceClassifier`` and
/// ``SequenceRegressor``.
public struct SequenceInput: Sendable, Equatable {
    /// The padded values, time-major.
    public enum Values: Sendable, Equatable {
        /// Token ids, (T, B); padding is id 0.
        case tokens([Int32])
        /// Numeric features, (T, B, count); padding is 0.
        case features([Float], count: Int)
    }

    /// The padded values.
    public let values: Values
    /// T, the longest sequence's length.
    public let steps: Int
    /// B, the number of sequences.
    public let batchSize: Int
    /// Each sequence's number of valid steps (1…T).
    public let lengths: [Int]

    /// A batch of token-id sequences (each non-empty), padded with id 0; throws when there
    /// is no sequence or one is empty.
    public init(tokens sequences: [[Int32]]) throws {
        try Self.checkNonEmpty(sequences)
        let p = PaddedBatch(sequences, padding: Int32(0))
        values = .tokens(p.values)
        steps = p.steps
        batchSize = p.batchSize
        lengths = p.lengths.map(Int.init)
    }

    /// A batch of feature sequences, each `length × featureCount` values (step-major, at least
    /// one step), padded with zeros; throws when there is no sequence, one is empty, or a
    /// length is not a multiple of a positive `featureCount`.
    public init(features sequences: [[Float]], featureCount: Int) throws {
        try Self.checkNonEmpty(sequences)
        try ArgumentError.check(featureCount > 0, "the feature count must be positive, got \(featureCount)")
        if let i = sequences.firstIndex(where: { $0.count % featureCount != 0 }) {
            throw ArgumentError("sequence \(i) has \(sequences[i].count) values, not a multiple of \(featureCount) features per step")
        }
        let p = PaddedBatch(sequences, featuresPerStep: featureCount, padding: Float(0))
        values = .features(p.values, count: featureCount)
        steps = p.steps
        batchSize = p.batchSize
        lengths = p.lengths.map(Int.init)
    }

    private static func checkNonEmpty<T>(_ sequences: [[T]]) throws {
        try ArgumentError.check(!sequences.isEmpty, "a batch needs at least one sequence")
        if let i = sequences.firstIndex(where: \.isEmpty) { throw ArgumentError("sequence \(i) of the batch is empty") }
    }

    /// The lengths, or nil when every sequence fills all T steps (the layer's fast path).
    var variableLengths: [Int]? { lengths.allSatisfy { $0 == steps } ? nil : lengths }
}

/// The **many-to-one** read-out of a recurrent layer: `RecurrentLayer → pooling`, one vector
/// of width D·H per sequence (D = 2 when bidirectional), with its exact backward.
///
/// Forward, for outputs y_t (t < L_b, the sequence's length) and final state h_n:
///
///     last:  p_b = h_n[last layer] (bidirectional: [h_n fwd ; h_n bwd])
///     mean:  p_b = (1/L_b) Σ_{t<L_b} y_{t,b}
///     max:   p_{b,j} = max_{t<L_b} y_{t,b,j}      (the arg-max step is kept)
///
/// Backward, given dp: `last` sends dp into ∂L/∂h_n of the last layer; `mean` sends dp/L_b to
/// every valid step's output; `max` sends dp_{b,j} to the arg-max step only. Then BPTT.
public final class SequenceEncoder<S: TensorScalar>: Module {
    /// The scalar type of the module's parameters.
    public typealias Scalar = S
    /// The recurrent layer that reads the sequences.
    public let rnn: RecurrentLayer<S>
    /// How its outputs become one vector per sequence.
    public let pooling: SequencePooling
    public var isTraining: Bool {
        get { rnn.isTraining }
        set { rnn.isTraining = newValue }
    }

    /// The layer, under no name of its own: its parameters are the encoder's (`weight_ih_l0`, …).
    public var namedChildren: [(name: String, module: any Module<S>)] { [("", rnn)] }

    private var lastLengths: [Int] = []
    private var lastSteps = 0
    private var argmax: [Int32] = []

    /// Pools `rnn`'s outputs; throws unless the layer is time-major and concatenates its
    /// directions.
    public init(rnn: RecurrentLayer<S>, pooling: SequencePooling) throws {
        try ArgumentError.check(!rnn.batchFirst && rnn.merge == .concat,
                                "SequenceEncoder needs a time-major layer with concatenated directions")
        self.rnn = rnn
        self.pooling = pooling
    }


    /// D·H, the width of one pooled vector.
    public var outputSize: Int { rnn.numDirections * rnn.hiddenSize }

    /// The pooled vectors (B, D·H) of a (T, B, I) input with the given lengths (nil = all T).
    public func forward(_ x: Tensor<S>, lengths: [Int]?) throws -> Tensor<S> {
        let (out, state) = try rnn.forward(x, lengths: lengths)
        let T = x.shape[0], B = x.shape[1], W = outputSize, H = rnn.hiddenSize, D = rnn.numDirections
        let lens = lengths ?? Array(repeating: T, count: B)
        lastLengths = lens
        lastSteps = T
        var pooled = Tensor<S>(zeros: [B, W])
        switch pooling {
        case .last:
            let top = (rnn.numLayers - 1) * D
            state.h.withUnsafeBufferPointer { h in
                pooled.withUnsafeMutableBufferPointer { p in
                    for d in 0..<D {
                        for b in 0..<B {
                            (p.baseAddress! + b * W + d * H).update(from: h.baseAddress! + ((top + d) * B + b) * H, count: H)
                        }
                    }
                }
            }
        case .mean:
            out.withUnsafeBufferPointer { y in
                pooled.withUnsafeMutableBufferPointer { p in
                    for b in 0..<B {
                        let row = p.baseAddress! + b * W
                        for t in 0..<lens[b] {
                            let src = y.baseAddress! + (t * B + b) * W
                            for j in 0..<W { row[j] += src[j] }
                        }
                        let inv = 1 / S(lens[b])
                        for j in 0..<W { row[j] *= inv }
                    }
                }
            }
        case .max:
            argmax = [Int32](repeating: 0, count: B * W)
            out.withUnsafeBufferPointer { y in
                pooled.withUnsafeMutableBufferPointer { p in
                    for b in 0..<B {
                        let row = p.baseAddress! + b * W
                        row.update(from: y.baseAddress! + b * W, count: W)
                        for t in 1..<max(lens[b], 1) {
                            let src = y.baseAddress! + (t * B + b) * W
                            for j in 0..<W where src[j] > row[j] {
                                row[j] = src[j]
                                argmax[b * W + j] = Int32(t)
                            }
                        }
                    }
                }
            }
        }
        return pooled
    }

    /// Given ∂L/∂(pooled) (B, D·H), accumulates the layer's parameter gradients and returns
    /// ∂L/∂input (T, B, I).
    public func backward(_ gradPooled: Tensor<S>) throws -> Tensor<S> {
        let T = lastSteps, B = lastLengths.count, W = outputSize, H = rnn.hiddenSize, D = rnn.numDirections
        try gradPooled.checkShape([B, W], "SequenceEncoder gradient of the pooled output")
        switch pooling {
        case .last:
            var gh = Tensor<S>(zeros: rnn.stateShape(batch: B))
            let top = (rnn.numLayers - 1) * D
            gradPooled.withUnsafeBufferPointer { g in
                gh.withUnsafeMutableBufferPointer { dh in
                    for d in 0..<D {
                        for b in 0..<B {
                            (dh.baseAddress! + ((top + d) * B + b) * H).update(from: g.baseAddress! + b * W + d * H, count: H)
                        }
                    }
                }
            }
            return try rnn.backward(gradOutput: nil, gradFinalState: RecurrentState(h: gh)).input
        case .mean, .max:
            var gy = Tensor<S>(zeros: [T, B, W])
            gradPooled.withUnsafeBufferPointer { g in
                gy.withUnsafeMutableBufferPointer { dy in
                    for b in 0..<B {
                        let src = g.baseAddress! + b * W
                        if pooling == .mean {
                            let inv = 1 / S(lastLengths[b])
                            for t in 0..<lastLengths[b] {
                                let dst = dy.baseAddress! + (t * B + b) * W
                                for j in 0..<W { dst[j] = src[j] * inv }
                            }
                        } else {
                            for j in 0..<W { dy[(Int(argmax[b * W + j]) * B + b) * W + j] = src[j] }
                        }
                    }
                }
            }
            return try rnn.backward(gradOutput: gy).input
        }
    }
}
