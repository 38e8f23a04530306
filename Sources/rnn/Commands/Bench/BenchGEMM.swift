import ArgumentParser

struct BenchGEMM: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gemm", abstract: "GEMM throughput (placeholder).")
    func run() throws {}
}
