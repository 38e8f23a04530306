import Testing
import Recurrent
@testable import rnn

/// `rnn train` names the library's task options by its own flags.
@Suite struct TaskOptionFlagTests {
    /// Every field a task may declare is a flag of `rnn train`.
    @Test func everyTaskOptionIsAFlagOfTrain() {
        let help = Train.helpMessage(columns: 1000)
        for option in TaskOption.allCases {
            #expect(help.contains(TrainOptions.flag(option) + " ") || help.contains(TrainOptions.flag(option) + "/"),
                    "\(option) → \(TrainOptions.flag(option))")
        }
        #expect(TrainOptions.flag(.clipNorm) == "--clip-norm" && TrainOptions.flag(.learningRate) == "--lr")
    }

    /// Every setting a gradient-experiment error can name maps to a flag of `rnn gradients`
    /// (apart from the snapshot count, which it does not take).
    @Test func everyGradientSettingIsAFlagOfGradients() {
        let help = Gradients.helpMessage(columns: 1000)
        for setting in GradientExperimentError.Setting.allCases where setting != .snapshots {
            #expect(help.contains(Gradients.flag(setting) + " "), "\(setting) → \(Gradients.flag(setting))")
        }
    }
}
