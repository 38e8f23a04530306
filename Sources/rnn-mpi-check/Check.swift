// rnn-mpi-check: the data-parallel checks that Scripts/test-mpi.sh runs under mpirun.
//
//   rnn-mpi-check equivalence --model lm|tagger [--steps 20] [--batch B] [--optimizer adam|sgd] [--rtol 1e-5]
//       Every rank trains the model data-parallel over all ranks (its part of each global
//       batch) and, alone, the same model on the whole batches (the one-process reference);
//       fails unless the two agree within rtol and every rank holds bit-identical parameters.
//   rnn-mpi-check compare A.safetensors B.safetensors [--rtol R | --exact]
//       Compares the parameters of two model files (no MPI needed).
//   rnn-mpi-check inspect MODEL.safetensors
//       Reads a checkpoint (fails when it is damaged) and prints its trainer position.
//   rnn-mpi-check allreduce [--megabytes 1,2,4] [--iterations 50]
//       Times MPI_Allreduce (sum, in place) of float32 buffers.
import Foundation
import Recurrent

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Command-line arguments: a subcommand, positionals and `--name value` options.
struct Arguments {
    var command = ""
    var positional: [String] = []
    var options: [String: String] = [:]
    var flags: Set<String> = []

    init(_ args: [String]) {
        var i = 0
        while i < args.count {
            let a = args[i]
            if a.hasPrefix("--") {
                let name = String(a.dropFirst(2))
                if i + 1 < args.count, !args[i + 1].hasPrefix("--") {
                    options[name] = args[i + 1]
                    i += 1
                } else {
                    flags.insert(name)
                }
            } else if command.isEmpty {
                command = a
            } else {
                positional.append(a)
            }
            i += 1
        }
    }

    func int(_ name: String, _ fallback: Int) throws -> Int {
        guard let s = options[name] else { return fallback }
        guard let v = Int(s) else { throw Failure("--\(name) needs an integer, got '\(s)'") }
        return v
    }

    func double(_ name: String, _ fallback: Double) throws -> Double {
        guard let s = options[name] else { return fallback }
        guard let v = Double(s) else { throw Failure("--\(name) needs a number, got '\(s)'") }
        return v
    }
}

var world: ProcessGroup { Distributed.world }

/// Prints on rank 0 only (every rank with `all`).
func say(_ s: String, all: Bool = false) {
    if all || world.isRoot {
        print(world.isDistributed && all ? "[rank \(world.rank)] \(s)" : s)
        fflush(nil)
    }
}

@main
enum MPICheck {
    static func main() {
        _ = Distributed.world  // MPI_Init on the main thread
        run(Arguments(Array(CommandLine.arguments.dropFirst())))
    }
}

func run(_ arguments: Arguments) {
  do {
    switch arguments.command {
    case "equivalence": try equivalence(arguments)
    case "compare": try compare(arguments)
    case "inspect": try inspect(arguments)
    case "allreduce": try allReduceBenchmark(arguments)
    default:
        throw Failure("usage: rnn-mpi-check equivalence|compare|inspect|allreduce … (see the source's header)")
    }
} catch {
    if world.isDistributed { world.abort("FAIL: \(error)") }
    FileHandle.standardError.write(Data("FAIL: \(error)\n".utf8))
    exit(1)
  }
}

// MARK: equivalence

func equivalence(_ a: Arguments) throws {
    guard Distributed.isAvailable else { throw Failure("built without the MPI trait (swift build --traits MPI)") }
    let model = a.options["model"] ?? "lm"
    let steps = try a.int("steps", 20)
    let rtol = try a.double("rtol", 1e-5)
    let optimizerName = a.options["optimizer"] ?? "adam"
    KernelConfiguration.threads = 1

    let distributed: [String: Tensor<Float>]
    let reference: [String: Tensor<Float>]
    let dp = DataParallel(group: world)
    switch model {
    case "lm":
        let batch = try a.int("batch", 8)
        let chunks = try batchify(syntheticText(count: 6000), batchSize: batch).chunks(bptt: 16)
        func run(_ sync: any GradientSynchronizer) throws -> [String: Tensor<Float>] {
            var c = LanguageModelConfiguration(vocabularySize: 20)
            c.embeddingSize = 16
            c.hiddenSize = 32
            c.layers = 2
            let lm = try LanguageModel(c, seed: 7)
            try train(lm, chunks, steps: steps, optimizer: optimizerName, sync: sync)
            return lm.stateDict
        }
        distributed = try run(dp)
        reference = try run(NoSynchronization())
    case "tagger":
        let batch = try a.int("batch", 7)
        let source = TaggingSource(batches: 5, batchSize: batch, seed: 3)
        func run(_ sync: any GradientSynchronizer) throws -> [String: Tensor<Float>] {
            let tagger = try BidirectionalTagger(vocabulary: 24, tags: 5, embedding: 12, hidden: 16, seed: 11)
            try train(tagger, source, steps: steps, optimizer: optimizerName, sync: sync)
            return tagger.stateDict
        }
        distributed = try run(dp)
        reference = try run(NoSynchronization())
    default:
        throw Failure("--model must be lm or tagger, got '\(model)'")
    }

    // Bit-identical on every rank (fit's endTraining checked it too; check again explicitly).
    var hashBytes: [UInt8] = []
    for k in distributed.keys.sorted() { distributed[k]!.withUnsafeBufferPointer { hashBytes += UnsafeRawBufferPointer($0) } }
    try hashBytes.withUnsafeBytes { try world.checkIdentical($0, what: "parameters after data-parallel training") }
    say("\(model): parameters bit-identical on all \(world.size) ranks (\(hashBytes.count) bytes hashed)")

    let d = relativeDifference(distributed, reference)
    say("\(model): \(world.size) ranks × their part of each batch vs 1 process × the whole batch, \(steps) \(optimizerName) steps: \(d.description); tolerance \(rtol) on ‖Δ‖₂/‖p‖₂")
    guard d.l2 <= rtol else { throw Failure("\(model): data-parallel parameters differ from one process's by \(d.l2) (\(d.l2Tensor)) > \(rtol)") }
    say("PASS \(model) equivalence")
}

/// Trains `steps` steps (Adam or SGD, clipping at 1 so the averaged gradient is clipped).
func train<M: TrainableModel, S: BatchSource>(_ model: M, _ source: S, steps: Int, optimizer: String,
                                               sync: any GradientSynchronizer) throws where S.Batch == M.Batch {
    let opt: any Optimizer<Float> = optimizer == "sgd"
        ? try SGD(model.parameters, learningRate: 0.1, momentum: 0.9)
        : try Adam(model.parameters, learningRate: 2e-3)
    var options = TrainingOptions()
    options.maxSteps = steps
    options.clipNorm = 1
    let trainer = Trainer(model: model, optimizer: opt, options: options)
    trainer.synchronizer = sync
    try trainer.fit(source)
}

/// The largest per-tensor relative difference, in two norms: ‖a − b‖₂ / ‖b‖₂ (`l2`, the
/// tolerance's measure) and ‖a − b‖∞ / ‖b‖∞ (`max`), with the tensors where they occur.
struct RelativeDifference {
    var l2 = 0.0, l2Tensor = "-"
    var max = 0.0, maxTensor = "-"
    var description: String { String(format: "‖Δ‖₂/‖p‖₂ %.3g (%@), ‖Δ‖∞/‖p‖∞ %.3g (%@)", l2, l2Tensor, max, maxTensor) }
}

func relativeDifference(_ a: [String: Tensor<Float>], _ b: [String: Tensor<Float>]) -> RelativeDifference {
    var r = RelativeDifference()
    for k in a.keys.sorted() {
        let x = a[k]!
        guard let y = b[k], y.shape == x.shape else { return RelativeDifference(l2: .infinity, l2Tensor: k, max: .infinity, maxTensor: k) }
        var d2 = 0.0, n2 = 0.0, dMax = 0.0, nMax = 0.0
        x.withUnsafeBufferPointer { xs in
            y.withUnsafeBufferPointer { ys in
                for i in xs.indices {
                    let d = abs(Double(xs[i]) - Double(ys[i])), v = abs(Double(ys[i]))
                    d2 += d * d
                    n2 += v * v
                    dMax = Swift.max(dMax, d)
                    nMax = Swift.max(nMax, v)
                }
            }
        }
        let l2 = d2 == 0 ? 0 : (d2 / Swift.max(n2, 1e-60)).squareRoot()
        let mx = dMax == 0 ? 0 : dMax / Swift.max(nMax, 1e-30)
        if l2 > r.l2 || r.l2Tensor == "-" { (r.l2, r.l2Tensor) = (l2, k) }
        if mx > r.max || r.maxTensor == "-" { (r.max, r.maxTensor) = (mx, k) }
    }
    return r
}

/// A deterministic text over 20 symbols with structure to learn (a noisy order-2 process).
func syntheticText(count: Int) -> [Int32] {
    var rng = RandomGenerator(seed: 42)
    var out: [Int32] = [0, 1]
    while out.count < count {
        let n = out.count
        let next = rng.nextUnit() < 0.8 ? (out[n - 1] * 3 + out[n - 2] + 1) % 20 : Int32(rng.nextUnit() * 20) % 20
        out.append(next)
    }
    return out
}

// MARK: A bidirectional tagger (many-to-many over variable-length sequences)

/// A batch of tagged sentences: token ids padded (T, B) and one tag per step (−100 on padding).
struct TagBatch: ShardableBatch {
    var tokens: PaddedBatch<Int32>
    var tags: PaddedBatch<Int32>
    var exampleCount: Int { tokens.batchSize }
    /// The loss is the mean over the tagged (non-padding) steps.
    var lossTermCount: Int { tokens.validStepCount }
    func examples(_ range: Range<Int>) -> TagBatch { TagBatch(tokens: tokens.examples(range), tags: tags.examples(range)) }
}

/// Sentences of 3…12 tokens (ids 1…V−1; 0 pads); a token's tag depends on it and its left
/// and right neighbours, so both directions matter.
struct TaggingSource: BatchSource {
    let batchList: [TagBatch]
    var batchesPerEpoch: Int { batchList.count }
    func batch(epoch: Int, index: Int) throws -> TagBatch { batchList[index] }

    init(batches: Int, batchSize: Int, seed: UInt64) {
        var rng = RandomGenerator(seed: seed)
        batchList = (0..<batches).map { _ in
            var sentences: [[Int32]] = [], tagged: [[Int32]] = []
            for _ in 0..<batchSize {
                let n = 3 + Int(rng.nextUnit() * 10)
                let s = (0..<n).map { _ in 1 + Int32(rng.nextUnit() * 23) }
                sentences.append(s)
                tagged.append((0..<n).map { i in
                    let left = i > 0 ? s[i - 1] : 0, right = i + 1 < n ? s[i + 1] : 0
                    return (s[i] + 2 * left + 3 * right) % 5
                })
            }
            return TagBatch(tokens: PaddedBatch(sentences, padding: 0), tags: PaddedBatch(tagged, padding: -100))
        }
    }
}

/// Embedding → bidirectional LSTM (2 layers, lengths masked) → Linear, softmax cross-entropy
/// per tagged step.
final class BidirectionalTagger: TrainableModel {
    typealias Scalar = Float
    typealias Batch = TagBatch
    let embedding: Embedding<Float>
    let rnn: RecurrentLayer<Float>
    let output: Linear<Float>
    var isTraining = true

    init(vocabulary: Int, tags: Int, embedding e: Int, hidden: Int, seed: UInt64) throws {
        var rng = RandomGenerator(seed: seed)
        embedding = try Embedding(vocabularySize: vocabulary, embeddingSize: e, paddingIndex: 0, rng: &rng)
        rnn = RecurrentLayer(.lstm, inputSize: e, hiddenSize: hidden, numLayers: 2, bidirectional: true, seed: rng.next())
        output = try Linear(inputSize: 2 * hidden, outputSize: tags, rng: &rng)
    }

    var namedParameters: [(name: String, parameter: Parameter<Float>)] {
        prefixed("embedding", embedding) + prefixed("rnn", rnn) + prefixed("output", output)
    }

    func logits(_ b: TagBatch) throws -> Tensor<Float> {
        let x = try embedding.forward(b.tokens.values, shape: [b.tokens.steps, b.tokens.batchSize])
        let (h, _) = try rnn.forward(x, lengths: b.tokens.lengths.map { Int($0) })
        return try output.forward(h)
    }

    func trainStep(_ b: TagBatch) throws -> Double {
        let (loss, dz) = try softmaxCrossEntropy(logits: logits(b), targets: b.tags.values)
        let g = try rnn.backward(gradOutput: output.backward(dz))
        try embedding.backward(g.input)
        return loss
    }

    func evaluate(_ batches: [TagBatch]) throws -> [String: Double] {
        var total = 0.0, count = 0
        for b in batches {
            total += try softmaxCrossEntropy(logits: logits(b), targets: b.tags.values, reduction: .sum).loss
            count += b.tokens.validStepCount
        }
        return ["loss": total / Double(max(count, 1))]
    }

    func resumableState() -> ResumableState { ResumableState() }
    func restore(_ state: ResumableState) throws {}
}

// MARK: compare, inspect

func compare(_ a: Arguments) throws {
    guard a.positional.count == 2 else { throw Failure("usage: rnn-mpi-check compare A.safetensors B.safetensors [--rtol R | --exact]") }
    let x = try Checkpoint.read(from: URL(fileURLWithPath: a.positional[0])).stateDict
    let y = try Checkpoint.read(from: URL(fileURLWithPath: a.positional[1])).stateDict
    guard Set(x.keys) == Set(y.keys) else { throw Failure("the files hold different parameters") }
    let d = relativeDifference(x, y)
    if a.flags.contains("exact") {
        guard d.max == 0 else { throw Failure("parameters differ (\(d.description)); expected bit-identical") }
        print("identical: \(x.count) parameter tensors bit for bit")
    } else {
        let rtol = try a.double("rtol", 1e-5)
        print("\(d.description); tolerance \(rtol) on ‖Δ‖₂/‖p‖₂")
        guard d.l2 <= rtol else { throw Failure("parameters differ by \(d.l2) (\(d.l2Tensor)) > \(rtol)") }
    }
}

func inspect(_ a: Arguments) throws {
    guard let path = a.positional.first else { throw Failure("usage: rnn-mpi-check inspect MODEL.safetensors") }
    let c = try Checkpoint.read(from: URL(fileURLWithPath: path))
    guard let t = c.trainer else { throw Failure("\(path): no trainer state") }
    var finite = true
    for (_, p) in c.parameters { finite = finite && p.scalars.allSatisfy(\.isFinite) }
    guard finite else { throw Failure("\(path): non-finite parameters") }
    let state = c.resumable.tensors.keys.sorted().filter { !$0.hasPrefix("best.") }.map { "\($0) \(c.resumable.tensors[$0]!.shape)" }
    print("\(path): intact checkpoint at step \(t.step), epoch \(t.epoch), \(c.parameters.count) parameters, optimizer step \(c.optimizer?.stepCount ?? -1)"
          + (state.isEmpty ? "" : ", state " + state.joined(separator: ", ")))
}

// MARK: all-reduce benchmark

func allReduceBenchmark(_ a: Arguments) throws {
    guard world.isDistributed else { throw Failure("run under mpirun with at least 2 ranks") }
    let sizes = (a.options["megabytes"] ?? "1,2,4").split(separator: ",").compactMap { Double($0) }
    let iterations = try a.int("iterations", 50)
    for mb in sizes {
        let count = Int(mb * 1_048_576) / 4
        var buffer = [Float](repeating: 1, count: count)
        var times: [Double] = []
        try buffer.withUnsafeMutableBufferPointer { p in
            for i in 0..<(iterations + 5) {
                try world.barrier()
                let t0 = ProcessInfo.processInfo.systemUptime
                try world.allReduceSum(p)
                let t = ProcessInfo.processInfo.systemUptime - t0
                if i >= 5 { times.append(t) }  // warm-up
            }
        }
        times.sort()
        let median = times[times.count / 2]
        say(String(format: "all-reduce %.2f MB float32 over %d ranks: median %.3f ms (min %.3f), %.1f GB/s", mb, world.size,
                   median * 1e3, times[0] * 1e3, Double(count * 4) / median / 1e9))
    }
}
