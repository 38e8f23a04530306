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
        .target(
            name: "Recurrent",
            dependencies: [
                "_RecurrentKernels",
                .target(name: "_CMPI", condition: .when(traits: ["MPI"])),
                .product(name: "RealModule", package: "swift-numerics"),
                .product(name: "CSV", package: "CSV.swift"),
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
                "Recurrent", "_RecurrentKernels",
                .product(name: "RealModule", package: "swift-numerics"),
            ],
            exclude: ["Fixtures"]
        ),
        // End-to-end tests of the `rnn` commands (in-process and through the built binary).
        .testTarget(
            name: "rnnTests",
            dependencies: ["rnn", "Recurrent"]
        ),
    ]
)
