// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Recurrent",
    products: [
        .library(name: "Recurrent", targets: ["Recurrent"]),
        .executable(name: "rnn", targets: ["rnn"]),
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
        .target(
            name: "Recurrent",
            dependencies: [
                "_RecurrentKernels",
                .product(name: "RealModule", package: "swift-numerics"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(
            name: "rnn",
            dependencies: [
                "Recurrent",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
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
