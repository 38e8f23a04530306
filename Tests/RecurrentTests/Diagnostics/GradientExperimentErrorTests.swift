import Testing
import Recurrent

/// Errors of the gradient experiment name the configuration's settings, not a front end's flags.
@Suite struct GradientExperimentErrorTests {
    @Test func errorsNameTheSetting() throws {
        var c = GradientExperimentConfiguration()
        c.steps = 1
        let e = try #require(throws: GradientExperimentError.self) { try c.validate() }
        #expect(e.description == "steps must be at least 2, got 1")
        #expect(e.description(naming: { "--" + $0.rawValue.uppercased() }) == "--STEPS must be at least 2, got 1")
        c = GradientExperimentConfiguration()
        c.hiddenSize = 100_000_000
        let m = try #require(throws: GradientExperimentError.self) { try c.validate() }
        #expect(m.description.hasPrefix("hiddenSize 100000000 steps 50 batchSize 32 need at least"))
        #expect(m.description.contains("of memory"))
    }
}
