import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentTraining

/// Luong's score functions.
public enum AttentionKind: String, Codable, Sendable, CaseIterable {
    /// No attention: the decoder sees the source only through its initial state.
    case none
    /// score(h, e) = h · e (needs the key width to equal the query width).
    case dot
    /// score(h, e) = h · W_a e.
    case general

    /// Parses "none", "dot" or "general"; throws naming the choices.
    public init(option: String) throws {
        guard let k = AttentionKind(rawValue: option.lowercased()) else {
            throw TrainingError("unknown attention '\(option)' (none, dot, general)")
        }
        self = k
    }
}

/// Luong's global attention (Luong, Pham & Manning 2015), applied after the decoder RNN.
///
/// For each query h_t (a decoder output, width H) and the keys e_s (encoder outputs, width K)
/// of one sequence, with e_s for s ≥ length masked out:
///
///     score_ts = h_t · e_s  (dot)   or   h_t · W_a e_s  (general, W_a: (H, K))
///     α_t      = softmax_s(score_t·)                    (masked positions: α = 0)
///     c_t      = Σ_s α_ts e_s
///     h̃_t      = tanh(W_c [c_t ; h_t] + b_c)            (W_c: (H, K + H))
///
/// Backward, given dh̃ (g = dh̃ ⊙ (1 − h̃²), [dc ; dh_direct] = g W_c):
///
///     dα_ts = dc_t · e_s
///     dscore_ts = α_ts (dα_ts − Σ_u α_tu dα_tu)
///     dh_t = dh_direct_t + Σ_s dscore_ts P_s            (P_s = e_s or W_a e_s)
///     dP_s = Σ_t dscore_ts h_t,   de_s = Σ_t α_ts dc_t + (dP_s or W_aᵀ dP_s)
///     dW_a += Σ dP_s e_sᵀ,   dW_c, db_c as a Linear layer.
///
/// Layouts are time-major: queries (T, B, H), keys (S, B, K); the output is (T, B, H).
public final class LuongAttention<Scalar: TensorScalar>: Module {
    /// The score function (dot or general).
    public let kind: AttentionKind
    /// H, the size of the decoder states (queries).
    public let querySize: Int
    /// K, the size of the encoder outputs (keys).
    public let keySize: Int
    /// W_a (H, K), general only.
    public let scoreWeight: Parameter<Scalar>?
    /// W_c, b_c: [c ; h] (K + H) → H.
    public let combine: Linear<Scalar>
    public var isTraining = true {
        didSet { propagateTrainingMode() }
    }
    /// The attention weights α of the last forward, (T, B, S) (zero at masked positions).
    public private(set) var weights = Tensor<Scalar>(zeros: [0])

    private var query = Tensor<Scalar>(zeros: [0])
    private var keys = Tensor<Scalar>(zeros: [0])
    private var projected = Tensor<Scalar>(zeros: [0])  // P (S, B, H)
    private var attended = Tensor<Scalar>(zeros: [0])   // h̃ (T, B, H)
    private var keyLengths: [Int] = []

    /// Attention of `kind` (dot needs K = H) from queries of `querySize` over keys of `keySize`; throws for `.none`, a non-positive size, or dot attention with K ≠ H.
    public init(_ kind: AttentionKind, querySize: Int, keySize: Int, rng: inout RandomGenerator) throws {
        guard kind != .none else { throw TrainingError("LuongAttention needs a score function (dot or general)") }
        guard querySize > 0, keySize > 0 else { throw TrainingError("attention sizes must be positive") }
        guard kind != .dot || querySize == keySize else {
            throw TrainingError("dot attention needs encoder outputs of the decoder's width (\(keySize) ≠ \(querySize)); use general")
        }
        self.kind = kind
        self.querySize = querySize
        self.keySize = keySize
        let bound = 1 / Scalar(keySize).squareRoot()
        scoreWeight = kind == .general ? Parameter(.uniform([querySize, keySize], low: -bound, high: bound, using: &rng)) : nil
        combine = try Linear(inputSize: keySize + querySize, outputSize: querySize, rng: &rng)
    }

    /// `score.weight` (general) and `combine.weight`, `combine.bias`.
    /// combine.
    public var namedChildren: [(name: String, module: any Module<Scalar>)] { [("combine", combine)] }

    /// `score.weight` (general attention only), then the combine layer's.
    public var namedParameters: [(name: String, parameter: Parameter<Scalar>)] {
        (scoreWeight.map { [("score.weight", $0)] } ?? []) + prefixed("combine", combine)
    }

    /// h̃ (T, B, H) for queries (T, B, H) over keys (S, B, K); key s of sequence b takes part
    /// only when s < keyLengths[b].
    public func forward(query q: Tensor<Scalar>, keys e: Tensor<Scalar>, keyLengths: [Int]) throws -> Tensor<Scalar> {
        guard q.rank == 3, q.shape[2] == querySize else {
            throw ShapeError("attention: queries must be (T, B, \(querySize)), got \(q.shape)")
        }
        let (T, B, H, K) = (q.shape[0], q.shape[1], querySize, keySize)
        guard e.rank == 3, e.shape[1] == B, e.shape[2] == K, e.shape[0] > 0 else {
            throw ShapeError("attention: keys must be (S, \(B), \(K)), got \(e.shape)")
        }
        let S = e.shape[0]
        guard keyLengths.count == B, keyLengths.allSatisfy({ (1...S).contains($0) }) else {
            throw ShapeError("attention: \(keyLengths.count) key lengths for a batch of \(B), each must be in 1…\(S)")
        }
        query = q
        keys = e
        self.keyLengths = keyLengths
        if let w = scoreWeight {
            var p = Tensor<Scalar>(zeros: [S * B, H])
            try gemm(e.reshaped([S * B, K]), .none, w.value, .transposed, &p)  // P = E·W_aᵀ
            projected = try p.reshaped([S, B, H])
        } else {
            projected = e
        }
        var alpha = Tensor<Scalar>(zeros: [T, B, S])
        var context = Tensor<Scalar>(zeros: [T, B, K + H])  // [c ; h]
        q.withUnsafeBufferPointer { qb in
            e.withUnsafeBufferPointer { eb in
                projected.withUnsafeBufferPointer { pb in
                    alpha.withUnsafeMutableBufferPointer { ab in
                        context.withUnsafeMutableBufferPointer { cb in
                            let (qp, ep, pp, ap, cp) = (qb.baseAddress!, eb.baseAddress!, pb.baseAddress!, ab.baseAddress!, cb.baseAddress!)
                            let scores = UnsafeMutablePointer<Scalar>.allocate(capacity: T * S)
                            defer { scores.deallocate() }
                            for b in 0..<B {
                                let L = keyLengths[b]
                                // scores (T, L) = Q_b · P_bᵀ
                                Scalar.gemm(false, true, T, L, H, 1, qp + b * H, B * H, pp + b * H, B * H, 0, scores, S)
                                for t in 0..<T {
                                    let row = scores + t * S
                                    let out = ap + (t * B + b) * S
                                    var m = row[0]
                                    for s in 1..<L { m = max(m, row[s]) }
                                    var sum: Scalar = 0
                                    for s in 0..<L {
                                        out[s] = Scalar.exp(row[s] - m)
                                        sum += out[s]
                                    }
                                    let inv = 1 / sum
                                    for s in 0..<L { out[s] *= inv }
                                }
                                // c_b (T, K) = α_b (T, L) · E_b (L, K), into the first K columns of [c ; h]
                                Scalar.gemm(false, false, T, K, L, 1, ap + b * S, B * S, ep + b * K, B * K, 0,
                                             cp + b * (K + H), B * (K + H))
                                for t in 0..<T {
                                    (cp + (t * B + b) * (K + H) + K).update(from: qp + (t * B + b) * H, count: H)
                                }
                            }
                        }
                    }
                }
            }
        }
        weights = alpha
        var y = try combine.forward(context)
        y.withUnsafeMutableBufferPointer { Scalar.activate(.tanh, $0.count, $0.baseAddress!, $0.baseAddress!) }
        attended = y
        return y
    }

    /// Given dh̃ (T, B, H), accumulates the parameter gradients and returns (dQueries, dKeys).
    public func backward(_ dy: Tensor<Scalar>) throws -> (query: Tensor<Scalar>, keys: Tensor<Scalar>) {
        try dy.checkShape(attended.shape, "attention backward gradient")
        let (T, B, H, K, S) = (query.shape[0], query.shape[1], querySize, keySize, keys.shape[0])
        var g = dy
        attended.withUnsafeBufferPointer { y in
            g.withUnsafeMutableBufferPointer { Scalar.activationBackward(.tanh, $0.count, y.baseAddress!, $0.baseAddress!) }
        }
        let dContext = try combine.backward(g)  // (T, B, K + H)
        var dq = Tensor<Scalar>(zeros: [T, B, H])
        var de = Tensor<Scalar>(zeros: [S, B, K])
        var dp = Tensor<Scalar>(zeros: [S, B, H])
        query.withUnsafeBufferPointer { qb in
            keys.withUnsafeBufferPointer { eb in
                projected.withUnsafeBufferPointer { pb in
                    weights.withUnsafeBufferPointer { ab in
                        dContext.withUnsafeBufferPointer { dcb in
                            dq.withUnsafeMutableBufferPointer { dqb in
                                de.withUnsafeMutableBufferPointer { deb in
                                    dp.withUnsafeMutableBufferPointer { dpb in
                                        let (qp, ep, pp, ap, dcp) = (qb.baseAddress!, eb.baseAddress!, pb.baseAddress!, ab.baseAddress!, dcb.baseAddress!)
                                        let (dqp, dep, dpp) = (dqb.baseAddress!, deb.baseAddress!, dpb.baseAddress!)
                                        let ds = UnsafeMutablePointer<Scalar>.allocate(capacity: T * S)
                                        defer { ds.deallocate() }
                                        for b in 0..<B {
                                            let L = keyLengths[b]
                                            for t in 0..<T {  // direct path of h into [c ; h]
                                                Scalar.axpy(H, 1, dcp + (t * B + b) * (K + H) + K, dqp + (t * B + b) * H)
                                            }
                                            // dα (T, L) = dc_b (T, K) · E_bᵀ
                                            Scalar.gemm(false, true, T, L, K, 1, dcp + b * (K + H), B * (K + H),
                                                         ep + b * K, B * K, 0, ds, S)
                                            // de_b (L, K) += α_bᵀ · dc_b
                                            Scalar.gemm(true, false, L, K, T, 1, ap + b * S, B * S, dcp + b * (K + H), B * (K + H),
                                                         1, dep + b * K, B * K)
                                            // softmax backward, in place: dscore = α ⊙ (dα − Σ α dα)
                                            for t in 0..<T {
                                                let a = ap + (t * B + b) * S, d = ds + t * S
                                                var dot: Scalar = 0
                                                for s in 0..<L { dot += a[s] * d[s] }
                                                for s in 0..<L { d[s] = a[s] * (d[s] - dot) }
                                            }
                                            // dq_b (T, H) += dscore · P_b;  dP_b (L, H) = dscoreᵀ · Q_b
                                            Scalar.gemm(false, false, T, H, L, 1, ds, S, pp + b * H, B * H, 1, dqp + b * H, B * H)
                                            Scalar.gemm(true, false, L, H, T, 1, ds, S, qp + b * H, B * H, 0, dpp + b * H, B * H)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if let w = scoreWeight {
            let dp2 = try dp.reshaped([S * B, H])
            if w.requiresGradient { try gemm(dp2, .transposed, keys.reshaped([S * B, K]), .none, &w.gradient, beta: 1) }
            var de2 = try de.reshaped([S * B, K])
            try gemm(dp2, .none, w.value, .none, &de2, beta: 1)  // de += dP · W_a
            de = try de2.reshaped([S, B, K])
        } else {
            try de.add(dp)
        }
        return (dq, de)
    }
}
