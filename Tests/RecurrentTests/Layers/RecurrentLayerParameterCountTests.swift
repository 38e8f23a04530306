import Testing
import Recurrent

@Suite struct RecurrentLayerParameterCountTests {
    /// The formula agrees with the parameters a layer of the same configuration has.
    @Test(arguments: [CellKind.rnnTanh, .rnnReLU, .lstm, .gru])
    func countMatchesABuiltLayer(cell: CellKind) {
        for (input, hidden, layers, bidirectional, bias) in [(3, 5, 1, false, true), (4, 6, 2, true, true),
                                                              (2, 3, 3, false, false), (7, 2, 2, true, false)] {
            let layer = RecurrentLayer<Float>(cell, inputSize: input, hiddenSize: hidden, numLayers: layers,
                                              bidirectional: bidirectional, bias: bias)
            #expect(RecurrentLayer<Float>.parameterCount(cell, inputSize: input, hiddenSize: hidden, numLayers: layers,
                                                         bidirectional: bidirectional, bias: bias) == layer.parameterCount)
        }
    }

    /// Sizes whose count does not fit in an Int saturate instead of trapping.
    @Test func hugeSizesSaturate() {
        #expect(RecurrentLayer<Float>.parameterCount(.lstm, inputSize: 1, hiddenSize: Int.max / 2) == Int.max)
        #expect(RecurrentLayer<Double>.parameterCount(.gru, inputSize: Int.max, hiddenSize: 2, numLayers: 3) == Int.max)
    }
}
