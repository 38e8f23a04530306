// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Recurrent",
    products: [
        .library(name: "Recurrent", targets: ["Recurrent"]),
        .executable(name: "rnn", targets: ["rnn"]),
    ],
    traits: [
        // Data-parallel training across processes (`mpirun -np N rnn train …`). Off by
        // default: `swift build -c release --traits MPI` links the system's Open MPI
        // (pkg-config `ompi-c`; Debian/Ubuntu: libopenmpi-dev openmpi-bin). Code sees `#if MPI`.
        .trait(name: "MPI", description: "Data-parallel training over MPI (links Open MPI)"),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    ],
    targets: [
        // Internal C kernels: GEMM (packed, register-blocked, ISA-dispatched) and
        // vectorised elementwise passes. Underscored: not part of the public API.
        .target(
            name: "_RecurrentKernels",
            cSettings: [.unsafeFlags(["-O3", "-fno-math-errno"])]
        ),
        // The system's MPI (C API), with getters for the handles that are macros in mpi.h.
        // Only built and linked with the MPI trait.
        .systemLibrary(
            name: "_CMPI",
            pkgConfig: "ompi-c",
            providers: [.apt(["libopenmpi-dev", "openmpi-bin"])]
        ),
        // The library, one target per layer of the design; each depends only on those above it,
        // so an import against the flow does not compile. What crosses targets internally is
        // `package`, never underscored-public.
        // Tensor, its scalar types, the kernels' Swift face (package), Module/Parameter,
        // safetensors files and small support (JSON, atomic writes, error text).
        .target(
            name: "RecurrentCore",
            dependencies: ["_RecurrentKernels", .product(name: "RealModule", package: "swift-numerics")]
        ),
        // The recurrent cells (one type each, its equations, step and BPTT step) and the layers
        // that unroll them: RecurrentLayer (RNN, LSTM, GRU), Linear, Embedding, Dropout, LayerNorm.
        .target(name: "RecurrentLayers", dependencies: ["RecurrentCore"]),
        // Losses, optimizers, clipping, schedules, the Trainer and its checkpoints.
        .target(name: "RecurrentTraining", dependencies: ["RecurrentLayers"]),
        // Readers (text, CSV, TSV, CoNLL), vocabularies, batching.
        .target(
            name: "RecurrentData",
            dependencies: ["RecurrentTraining", .product(name: "CSV", package: "CSV.swift")]
        ),
        // The built-in models: thin compositions of layers for the four shapes of sequence problems.
        .target(name: "RecurrentModels", dependencies: ["RecurrentData"]),
        // Gradient-through-time experiments, SVG charts, HTML reports, the unfolded graph.
        .target(name: "RecurrentDiagnostics", dependencies: ["RecurrentTraining"]),
        // Data-parallel training across processes (MPI with the trait; one process without).
        .target(
            name: "RecurrentDistributed",
            dependencies: ["RecurrentModels", .target(name: "_CMPI", condition: .when(traits: ["MPI"]))]
        ),
        // The `rnn train` tasks: a file in, a trained model, metrics and a report out.
        .target(
            name: "RecurrentTasks",
            dependencies: ["RecurrentModels", "RecurrentDiagnostics", "RecurrentDistributed"]
        ),
        // The umbrella: `import Recurrent` gives the whole public library.
        .target(
            name: "Recurrent",
            dependencies: [
                "RecurrentCore", "RecurrentLayers", "RecurrentTraining", "RecurrentData", "RecurrentModels",
                "RecurrentDiagnostics", "RecurrentDistributed", "RecurrentTasks",
            ]
        ),
        .executableTarget(
            name: "rnn",
            dependencies: [
                "Recurrent",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Support/DemoCorpus.txt")]
        ),
        // `mpirun -np 2 rnn-mpi-check …`: the data-parallel checks Scripts/test-mpi.sh runs
        // (a stub that says so without the MPI trait).
        .executableTarget(
            name: "rnn-mpi-check",
            dependencies: ["Recurrent"]
        ),
        .testTarget(
            name: "RecurrentTests",
            dependencies: [
                "Recurrent", "RecurrentCore", "RecurrentLayers", "RecurrentTraining", "RecurrentData",
                "RecurrentModels", "RecurrentDiagnostics", "RecurrentDistributed", "RecurrentTasks",
                "_RecurrentKernels", .product(name: "RealModule", package: "swift-numerics"),
            ],
            exclude: ["Fixtures"]
        ),
        // End-to-end tests of the `rnn` commands (in-process and through the built binary).
        .testTarget(
            name: "rnnTests",
            dependencies: ["rnn", "Recurrent"]
        ),
        // Examples/: small programs on the committed data in Examples/Data (Scripts/run-examples.sh
        // builds and runs them all; CI calls it).
        .executableTarget(name: "example-sentiment", dependencies: ["Recurrent"], path: "Examples/Sentiment"),
        .executableTarget(name: "example-charlm", dependencies: ["Recurrent"], path: "Examples/CharLM"),
        .executableTarget(name: "example-forecast", dependencies: ["Recurrent"], path: "Examples/Forecast"),
        .executableTarget(name: "example-tagger", dependencies: ["Recurrent"], path: "Examples/Tagger"),
        .executableTarget(name: "example-seq2seq", dependencies: ["Recurrent"], path: "Examples/Seq2Seq"),
        .executableTarget(name: "example-pytorch-import", dependencies: ["Recurrent"], path: "Examples/PyTorchImport"),
        .executableTarget(name: "example-manual-bptt", dependencies: ["Recurrent"], path: "Examples/ManualBPTT"),
    ]
)
