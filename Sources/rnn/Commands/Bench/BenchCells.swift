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
            counts 3× forward. Compare with `python Scripts/bench_torch.py` run back to back.
            Example: rnn bench cells --threads 2 --cells lstm --json
            """)

    @Option(help: "Kernel threads.") var threads = 1
    @Option(help: "Comma-separated cells: rnn,lstm,gru.") var cells = "rnn,lstm,gru"
    @Option(help: "Modes: train,infer.") var modes = "train,infer"
    @Option(help: "Seconds to time each row (after warm-up).") var seconds = 0.5
    @Flag(help: "One JSON object per line.") var json = false
    @Flag(help: "Also print the time split of a training step (input GEMM, recurrent GEMMs, elementwise, weight-gradient GEMMs).")
    var split = false

    static let grid: [(b: Int, t: Int, i: Int, h: Int)] = [
        (32, 64, 64, 128), (64, 100, 128, 256), (32, 50, 256, 512), (1, 200, 64, 128), (64, 35, 650, 650),
    ]

    func run() throws {
        KernelConfiguration.threads = threads
        let peak = KernelConfiguration.measuredPeakGFLOPS(threads: threads)
        if !json {
            print("rnn bench cells — \(KernelConfiguration.isaName), \(threads) thread(s), FMA peak \(String(format: "%.1f", peak)) GFLOP/s")
            print("cell  mode    B    T    I    H        ms   GFLOP/s  %peak")
        }
        for name in cells.split(separator: ",").map(String.init) {
            guard let kind = ["rnn": CellKind.rnnTanh, "lstm": .lstm, "gru": .gru][name] else {
                throw ValidationError("unknown cell '\(name)' (rnn, lstm, gru)")
            }
            for g in Self.grid {
                for mode in modes.split(separator: ",").map(String.init) {
                    let layer = RecurrentLayer<Float>(kind, inputSize: g.i, hiddenSize: g.h, seed: 1)
                    var rng = RandomGenerator(seed: 2)
                    let x = Tensor<Float>.normal([g.t, g.b, g.i], using: &rng)
                    let gy = Tensor<Float>.normal([g.t, g.b, g.h], using: &rng)
                    let forwardFlops = 2.0 * Double(kind.gateCount * g.h * (g.i + g.h) * g.b * g.t)
                    let s: Double
                    if mode == "train" {
                        s = try medianSeconds(minSeconds: seconds) {
                            _ = try layer.forward(x)
                            _ = try layer.backward(gradOutput: gy)
                        }
                    } else {
                        layer.isTraining = false
                        s = try medianSeconds(minSeconds: seconds) { _ = try layer.forward(x) }
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

    /// Times each part of a training step in isolation with the same kernels and sizes.
    private func printSplit(_ kind: CellKind, _ g: (b: Int, t: Int, i: Int, h: Int)) throws {
        let G = kind.gateCount * g.h, TB = g.t * g.b
        var rng = RandomGenerator(seed: 3)
        let x = Tensor<Float>.normal([TB, g.i], using: &rng)
        let w = Tensor<Float>.normal([G, g.i], using: &rng)
        let whh = Tensor<Float>.normal([G, g.h], using: &rng)
        let hs = Tensor<Float>.normal([TB, g.h], using: &rng)
        var xp = Tensor<Float>(zeros: [TB, G])
        var dw = Tensor<Float>(zeros: [G, g.i])
        var dwh = Tensor<Float>(zeros: [G, g.h])
        var dx = Tensor<Float>(zeros: [TB, g.i])
        let packedT = PackedMatrix<Float>(k: g.h, n: G)
        packedT.pack(whh, transpose: .transposed)
        let packed = PackedMatrix<Float>(k: G, n: g.h)
        packed.pack(whh, transpose: .none)
        var step = Tensor<Float>(zeros: [g.b, G])
        var dh = Tensor<Float>(zeros: [g.b, g.h])
        let inputGEMM = try medianSeconds(minSeconds: 0.2) { try gemm(x, .none, w, .transposed, &xp) }
        let recurrent = medianSeconds(minSeconds: 0.2) {
            hs.withUnsafeBufferPointer { h in
                step.withUnsafeMutableBufferPointer { s in
                    dh.withUnsafeMutableBufferPointer { d in
                        xp.withUnsafeBufferPointer { gates in
                            for t in 0..<g.t {
                                packedT.multiply(h.baseAddress! + t * g.b * g.h, lda: g.h, m: g.b, into: s.baseAddress!, ldc: G, beta: 1)
                                packed.multiply(gates.baseAddress! + t * g.b * G, lda: G, m: g.b, into: d.baseAddress!, ldc: g.h, beta: 1)
                            }
                        }
                    }
                }
            }
        }
        let weightGrads = try medianSeconds(minSeconds: 0.2) {
            try gemm(xp, .transposed, x, .none, &dw, beta: 1)
            try gemm(xp, .transposed, hs, .none, &dwh, beta: 1)
            try gemm(xp, .none, w, .none, &dx, beta: 1)
        }
        let layer = RecurrentLayer<Float>(kind, inputSize: g.i, hiddenSize: g.h, seed: 1)
        let xin = Tensor<Float>.normal([g.t, g.b, g.i], using: &rng)
        let gy = Tensor<Float>.normal([g.t, g.b, g.h], using: &rng)
        let total = try medianSeconds(minSeconds: 0.3) {
            _ = try layer.forward(xin)
            _ = try layer.backward(gradOutput: gy)
        }
        let rest = max(0, total - inputGEMM - recurrent - weightGrads)
        print(String(format: "      split: input GEMM %.2f ms, recurrent GEMMs (fwd+bwd) %.2f ms, weight-gradient GEMMs %.2f ms, elementwise+copies %.2f ms (of %.2f ms)",
                     inputGEMM * 1e3, recurrent * 1e3, weightGrads * 1e3, rest * 1e3, total * 1e3))
    }
}
