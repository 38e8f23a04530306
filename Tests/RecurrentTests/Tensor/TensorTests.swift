import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

@Suite struct TensorTests {
    @Test func copyOnWriteCopiesOnceOnFirstMutation() throws {
        let a = try Tensor<Float>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        var b = a
        #expect(a.storageID == b.storageID)  // shared until mutated
        b[0, 0] = 10
        #expect(a.storageID != b.storageID)
        #expect(a[0, 0] == 1 && b[0, 0] == 10)
        let id = b.storageID
        b[1, 2] = 7  // already unique: no second copy
        #expect(b.storageID == id)
    }

    @Test func reshapeSharesStorageAndInfersDimension() throws {
        let a = Tensor<Double>(shape: [2, 3, 4]) { Double($0) }
        let r = try a.reshaped([6, -1])
        #expect(r.shape == [6, 4])
        #expect(r.storageID == a.storageID)
        #expect(r[5, 3] == 23)
    }

    @Test func reshapeErrorsNameBothShapes() {
        let a = Tensor<Float>(zeros: [2, 3])
        #expect(throws: ShapeError.self) { try a.reshaped([4, 2]) }
        do { _ = try a.reshaped([4, 2]) } catch let e as ShapeError {
            #expect(e.message.contains("(2, 3)") && e.message.contains("(4, 2)"))
        } catch { Issue.record("unexpected error \(error)") }
    }

    @Test func slicesAndRows() throws {
        let a = Tensor<Float>(shape: [4, 2]) { Float($0) }
        let s = try a.slice(1..<3)
        #expect(s.shape == [2, 2] && s.scalars == [2, 3, 4, 5])
        #expect(a[row: 3].scalars == [6, 7] && a[row: 3].shape == [2])
        #expect(throws: ShapeError.self) { try a.slice(3..<5) }
    }

    @Test func scalarCountMismatchThrows() {
        #expect(throws: ShapeError.self) { try Tensor<Float>(shape: [2, 2], scalars: [1, 2, 3]) }
    }

    @Test func gemmChecksShapes() throws {
        let a = Tensor<Float>(shape: [2, 3], repeating: 1)
        let b = Tensor<Float>(shape: [4, 2], repeating: 1)
        var c = Tensor<Float>(zeros: [2, 2])
        #expect(throws: ShapeError.self) { try gemm(a, .none, b, .none, &c) }
        let bt = Tensor<Float>(shape: [4, 3], repeating: 1)
        var c2 = Tensor<Float>(zeros: [2, 4])
        try gemm(a, .none, bt, .transposed, &c2)
        #expect(c2.scalars.allSatisfy { $0 == 3 })
    }
}

@Suite struct RandomGeneratorTests {
    @Test func fixedSeedGivesGoldenSequence() {
        var rng = RandomGenerator(seed: 42)
        let got = (0..<4).map { _ in rng.next() }
        #expect(got == RandomGeneratorTests.golden42)
    }

    @Test func stateRoundTrips() {
        var a = RandomGenerator(seed: 7)
        _ = a.next()
        var b = RandomGenerator(state: a.stateWords)
        #expect(a.next() == b.next())
    }

    @Test func normalHasUnitMoments() {
        var rng = RandomGenerator(seed: 1)
        let xs = (0..<20000).map { _ in rng.normal() }
        let mean = xs.reduce(0, +) / Double(xs.count)
        let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count)
        #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.05)
    }

    @Test func orthogonalHasOrthonormalRows() {
        var rng = RandomGenerator(seed: 3)
        let q = Tensor<Double>.orthogonal([4, 6], using: &rng)
        for i in 0..<4 {
            for j in 0..<4 {
                var dot = 0.0
                for k in 0..<6 { dot += q[i, k] * q[j, k] }
                #expect(abs(dot - (i == j ? 1 : 0)) < 1e-12)
            }
        }
    }

    // xoshiro256** seeded by SplitMix64(42), checked against an independent implementation.
    static let golden42: [UInt64] = [1546998764402558742, 6990951692964543102, 12544586762248559009, 17057574109182124193]
}
