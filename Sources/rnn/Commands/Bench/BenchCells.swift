import ArgumentParser
import Foundation
import Recurrent

/// `rnn bench cells`: one recurrent layer, training step (forward + backward incl. ∂L/∂input)
/// and inference, over the grid shared with `Scripts/bench_torch.py`.
struct BenchCells: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cells",
        abstract: "Throughput of RNN, LSTM and GRU layers (training step and inference).",
        discussion: """
            FLOPs: forward = 2·G·H·(I+H)·B·T (G = 1, 4, 3 for rnn, lstm, gru); a training step \
            counts 3× forward; inference runs with `inferenceMode` (nothing kept for backward). \
            Compare with `python Scripts/bench_torch.py` run back to back.
            Example: rnn bench cells --threads 2 --cells lstm --json
            """)

    @Option(help: "Kernel threads.") var threads = 1
    @Option(help: "Comma-separated cells: rnn,lstm,gru.") var cells = "rnn,lstm,gru"
    @Option(help: "Modes: train,infer.") var modes = "train,infer"
    @Option(help: "Seconds to time each row (after warm-up).") var seconds = 0.5
    @Flag(help: "One JSON object per line.") var json = false
    @Flag(help: "Report the fastest call instead of the median (steadier on a shared or virtual machine; Scripts/bench_torch.py has the same flag).")
    var fastest = false
    @Flag(help: "Also print the time split of a training step (input GEMM, recurrent loop, weight-gradient GEMMs, rest).")
    var split = false
    @Option(help: "Shapes instead of the default grid, as B:T:I:H,… (the syntax of Scripts/bench_torch.py --shapes).")
    var shapes: String?

    static let grid: [(b: Int, t: Int, i: Int, h: Int)] = [
        (32, 64, 64, 128), (64, 100, 128, 256), (32, 50, 256, 512), (1, 200, 64, 128), (64, 35, 650, 650),
    ]

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        guard seconds > 0, seconds.isFinite else { throw ValidationError("--seconds must be a positive number") }
        _ = try parsedCells()
        _ = try parsedModes()
        _ = try parsedShapes()
    }

    /// Parses `--cells` ("rnn,lstm,gru"; at least one, no unknown names).
    func parsedCells() throws -> [(name: String, kind: CellKind)] {
        let kinds: [String: CellKind] = ["rnn": .rnnTanh, "lstm": .lstm, "gru": .gru]
        let list = try cells.split(separator: ",").map { item in
            let name = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard let kind = kinds[name] else { throw ValidationError("--cells: unknown cell '\(item)' (rnn, lstm, gru)") }
            return (name, kind)
        }
        guard !list.isEmpty else { throw ValidationError("--cells: name at least one of rnn, lstm, gru") }
        return list
    }

    /// Parses `--modes` ("train,infer"; at least one, no unknown modes).
    func parsedModes() throws -> [String] {
        let list = try modes.split(separator: ",").map { item in
            let mode = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard mode == "train" || mode == "infer" else { throw ValidationError("--modes: unknown mode '\(item)' (train, infer)") }
            return mode
        }
        guard !list.isEmpty else { throw ValidationError("--modes: name at least one of train, infer") }
        return list
    }

    /// Parses `--shapes` ("B:T:I:H,…"), or the default grid.
    func parsedShapes() throws -> [(b: Int, t: Int, i: Int, h: Int)] {
        guard let shapes else { return Self.grid }
        let items = shapes.split(separator: ",")
        guard !items.isEmpty else { throw ValidationError("--shapes: give at least one B:T:I:H") }
        return try items.map { item in
            let parts = item.split(separator: ":", omittingEmptySubsequences: false)
            let v = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 4, v.count == 4, v.allSatisfy({ $0 > 0 }) else {
                throw ValidationError("--shapes: '\(item)' is not B:T:I:H with four positive integers")
            }
            return (v[0], v[1], v[2], v[3])
        }
    }

    func run() throws {
        let grid = try parsedShapes(), cellList = try parsedCells(), modeList = try parsedModes()
        KernelConfiguration.threads = threads
        let peak = KernelConfiguration.measuredPeakGFLOPS(threads: threads)
        if !json {
            print("rnn bench cells — \(KernelConfiguration.isaName), \(threads) thread(s), FMA peak \(String(format: "%.1f", peak)) GFLOP/s")
            print("cell  mode    B    T    I    H        ms   GFLOP/s  %peak")
        }
        for (name, kind) in cellList {
            for g in grid {
                for mode in modeList {
                    let layer = RecurrentLayer<Float>(kind, inputSize: g.i, hiddenSize: g.h, seed: 1)
                    var rng = RandomGenerator(seed: 2)
                    let x = Tensor<Float>.normal([g.t, g.b, g.i], using: &rng)
                    let gy = Tensor<Float>.normal([g.t, g.b, g.h], using: &rng)
                    let forwardFlops = 2.0 * Double(kind.gateCount * g.h * (g.i + g.h) * g.b * g.t)
                    let s: Double
                    if mode == "train" {
                        s = try medianSeconds(minSeconds: seconds, fastest: fastest) {
                            _ = try layer.forward(x)
                            _ = try layer.backward(gradOutput: gy)
                        }
                    } else {
                        // As bench_torch.py's torch.inference_mode(): nothing kept for backward.
                        layer.isTraining = false
                        layer.inferenceMode = true
                        s = try medianSeconds(minSeconds: seconds, fastest: fastest) { _ = try layer.forward(x) }
                    }
                    let flops = forwardFlops * (mode == "train" ? 3 : 1)
                    let gflops = flops / s / 1e9
                    if json {
                        print(jsonLine([("cell", name), ("mode", mode), ("batch", g.b), ("seq", g.t), ("input", g.i),
                                        ("hidden", g.h), ("threads", threads), ("ms", s * 1e3), ("gflops", gflops),
                                        ("peak_gflops", peak)]))
                    } else {
                        print(String(format: "%-5@ %-5@ %4d %4d %4d %4d %9.3f %9.1f %5.1f%%", name as NSString,
                                     mode as NSString, g.b, g.t, g.i, g.h, s * 1e3, gflops, 100 * gflops / peak))
                    }
                    flushStandardOutput()
                }
                if split && !json { try printSplit(kind, g) }
            }
        }
    }

    /// Times each part of a training step in isolation with the same kernels and sizes: the
    /// input GEMM, the recurrent loop (fused: per-step products and cell passes, forward and
    /// BPTT; the products alone are timed too, step by step), the weight-gradient and ∂L/∂x
    /// GEMMs, and the rest (biases, copies) as the difference to a whole step.
    private func printSplit(_ kind: CellKind, _ g: (b: Int, t: Int, i: Int, h: Int)) throws {
        let G = kind.gateCount * g.h, TB = g.t * g.b
        var rng = RandomGenerator(seed: 3)
        let x = Tensor<Float>.normal([TB, g.i], using: &rng)
        let w = Tensor<Float>.normal([G, g.i], using: &rng)
        let whh = Tensor<Float>.uniform([G, g.h], low: -0.1, high: 0.1, using: &rng)
        let bhh = Tensor<Float>(zeros: [G])
        let hs = Tensor<Float>.normal([TB + g.b, g.h], using: &rng)
        var xp = Tensor<Float>.normal([TB, G], using: &rng)
        var dh = Tensor<Float>(zeros: [g.b, g.h])
        var dw = Tensor<Float>(zeros: [G, g.i])
        var dwh = Tensor<Float>(zeros: [G, g.h])
        var dx = Tensor<Float>(zeros: [TB, g.i])
        let code: Int32 = kind == .lstm ? 2 : kind == .gru ? 3 : 0
        let inputGEMM = try medianSeconds(minSeconds: 0.2, fastest: fastest) { try gemm(x, .none, w, .transposed, &xp) }
        let (loop, dxInLoop) = timeRecurrentLoop(code, g, xp: xp, hs: hs, whh: whh, bhh: bhh, w: w, dx: &dx)
        let products = timeRecurrentProducts(g, gates: G, whh: whh, w: w, hs: hs, xp: xp, dh: &dh, dx: &dx, dxInLoop: dxInLoop)
        // ∂W_ih and ∂W_hh as the layer computes them, one product sharing the gate gradients'
        // packing (the GRU's n rows go apart there: the same flops); then ∂x, unless the loop
        // computed it.
        let weightGrads = try medianSeconds(minSeconds: 0.2, fastest: fastest) {
            xp.withUnsafeBufferPointer { a in
                x.withUnsafeBufferPointer { xb in
                    hs.withUnsafeBufferPointer { hb in
                        dw.withUnsafeMutableBufferPointer { c1 in
                            dwh.withUnsafeMutableBufferPointer { c2 in
                                Float.gemmSharedA(true, G, TB, 1, a.baseAddress!, G, g.i, xb.baseAddress!, g.i,
                                                   c1.baseAddress!, g.i, g.h, hb.baseAddress!, g.h, c2.baseAddress!, g.h, 1)
                            }
                        }
                    }
                }
            }
            if !dxInLoop { try gemm(xp, .none, w, .none, &dx, beta: 1) }
        }
        let layer = RecurrentLayer<Float>(kind, inputSize: g.i, hiddenSize: g.h, seed: 1)
        let xin = Tensor<Float>.normal([g.t, g.b, g.i], using: &rng)
        let gy = Tensor<Float>.normal([g.t, g.b, g.h], using: &rng)
        let total = try medianSeconds(minSeconds: 0.3, fastest: fastest) {
            _ = try layer.forward(xin)
            _ = try layer.backward(gradOutput: gy)
        }
        let rest = max(0, total - inputGEMM - loop - weightGrads)
        print(String(format: "      split: input GEMM %.2f ms, recurrent loop%@ %.2f ms (products alone, step by step: %.2f ms), weight-gradient%@ GEMMs %.2f ms, rest %.2f ms (of %.2f ms)",
                     inputGEMM * 1e3, dxInLoop ? " with ∂x" : "", loop * 1e3, products * 1e3, dxInLoop ? "" : " + ∂x", weightGrads * 1e3, rest * 1e3, total * 1e3))
    }

    /// The fused recurrent loop alone, forward and BPTT (cell kernel `code`), on its buffers in
    /// one block laid out as RecurrentDirection lays them out; and whether its backward
    /// computed ∂x (then in `dx`).
    private func timeRecurrentLoop(_ code: Int32, _ g: (b: Int, t: Int, i: Int, h: Int), xp: Tensor<Float>, hs: Tensor<Float>,
                                   whh: Tensor<Float>, bhh: Tensor<Float>, w: Tensor<Float>,
                                   dx: inout Tensor<Float>) -> (seconds: Double, dxInLoop: Bool) {
        let G = whh.shape[0], TB = g.t * g.b, BH = g.b * g.h
        // The loop's buffers in one block, laid out as RecurrentDirection lays them out.
        let counts = [TB * G, TB * G, TB * G, TB * G, TB * G, (TB + g.b) * g.h, (TB + g.b) * g.h, BH, BH]
        let block = UnsafeMutablePointer<Float>.allocate(capacity: counts.reduce(0, +))
        defer { block.deallocate() }
        block.initialize(repeating: 0, count: counts.reduce(0, +))
        var starts: [UnsafeMutablePointer<Float>] = []
        var next = block
        for n in counts { starts.append(next); next += n }
        let (xpL, hpL, gatesL, dgL, dghL, hsL, csL, dhL, dcL) =
            (starts[0], starts[1], starts[2], starts[3], starts[4], starts[5], starts[6], starts[7], starts[8])
        xp.withUnsafeBufferPointer { xpL.update(from: $0.baseAddress!, count: TB * G) }
        hs.withUnsafeBufferPointer { hsL.update(from: $0.baseAddress!, count: (TB + g.b) * g.h) }
        var dxInLoop = false
        let loop = whh.withUnsafeBufferPointer { wp in
            bhh.withUnsafeBufferPointer { bp in
                w.withUnsafeBufferPointer { wi in
                    dx.withUnsafeMutableBufferPointer { d in
                        medianSeconds(minSeconds: 0.2, fastest: fastest) {
                            Float.recurrenceForward(code, g.t, g.b, g.h, false, nil, wp.baseAddress!, bp.baseAddress!,
                                                     bp.baseAddress!, xpL, hpL, gatesL, hsL, csL, nil, 0)
                            dhL.update(repeating: 0, count: BH)
                            dcL.update(repeating: 0, count: BH)
                            dxInLoop = Float.recurrenceBackward(code, g.t, g.b, g.h, false, nil, wp.baseAddress!, xpL, hpL, gatesL,
                                                      hsL, csL, hsL, g.h, 0, dhL, dcL, dgL, dghL, nil, nil,
                                                      wi.baseAddress!, g.i, d.baseAddress!)
                        }
                    }
                }
            }
        }
        return (loop, dxInLoop)
    }

    /// The recurrent products alone, step by step, with the packed weights the layer uses:
    /// h·W_hhᵀ, the gate gradients times W_hh, and times W_ih when the loop computes ∂x.
    private func timeRecurrentProducts(_ g: (b: Int, t: Int, i: Int, h: Int), gates G: Int, whh: Tensor<Float>, w: Tensor<Float>,
                                       hs: Tensor<Float>, xp: Tensor<Float>, dh: inout Tensor<Float>, dx: inout Tensor<Float>,
                                       dxInLoop: Bool) -> Double {
        let packedT = PackedMatrix<Float>(k: g.h, n: G)
        packedT.pack(whh, transpose: .transposed)
        let packed = PackedMatrix<Float>(k: G, n: g.h)
        packed.pack(whh, transpose: .none)
        let packedIH = PackedMatrix<Float>(k: G, n: g.i)
        packedIH.pack(w, transpose: .none)
        var step = Tensor<Float>(zeros: [g.b, G])
        return medianSeconds(minSeconds: 0.2, fastest: fastest) {
            hs.withUnsafeBufferPointer { h in
                step.withUnsafeMutableBufferPointer { s in
                    dh.withUnsafeMutableBufferPointer { d in
                        dx.withUnsafeMutableBufferPointer { dxb in
                            xp.withUnsafeBufferPointer { gates in
                                for t in 0..<g.t {
                                    let dg = gates.baseAddress! + t * g.b * G
                                    packedT.multiply(h.baseAddress! + t * g.b * g.h, lda: g.h, m: g.b, into: s.baseAddress!, ldc: G, beta: 1)
                                    packed.multiply(dg, lda: G, m: g.b, into: d.baseAddress!, ldc: g.h, beta: 1)
                                    if dxInLoop {
                                        packedIH.multiply(dg, lda: G, m: g.b, into: dxb.baseAddress! + t * g.b * g.i,
                                                          ldc: g.i, beta: 1)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
