import ArgumentParser

/// `rnn bench …`: throughput benchmarks that print figures (never timed tests).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks: GEMM kernels, recurrent cells, training loop.",
        subcommands: [BenchGEMM.self, BenchCells.self, BenchTrain.self]
    )
}
