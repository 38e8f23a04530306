import RecurrentCore
import RecurrentData
import RecurrentDiagnostics
import RecurrentDistributed
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

/// The recurrent-network settings that every task's model configuration has, so that
/// ``TaskOptions/setArchitecture(of:embedding:hidden:layers:dropout:)`` fills them from the
/// options, with the task's defaults, in one place.
protocol RecurrentArchitecture {
    /// Hidden units per recurrent layer.
    var hiddenSize: Int { get set }
    /// Stacked recurrent layers.
    var layers: Int { get set }
    /// The recurrent cell.
    var cell: CellKind { get set }
    /// Dropout between layers.
    var dropout: Double { get set }
}

/// A ``RecurrentArchitecture`` that reads tokens through an embedding.
protocol EmbeddedArchitecture: RecurrentArchitecture {
    /// Width of the token embedding.
    var embeddingSize: Int { get set }
}

extension LanguageModelConfiguration: EmbeddedArchitecture {}
extension ConditionedGeneratorConfiguration: EmbeddedArchitecture {}
extension Seq2SeqConfiguration: EmbeddedArchitecture {}
extension SequenceTaggerConfiguration: EmbeddedArchitecture {}
extension SequenceClassifierConfiguration: EmbeddedArchitecture {}
extension SequenceRegressorConfiguration: RecurrentArchitecture {}

extension TaskOptions {
    /// Sets the hidden size, layers, cell (default LSTM) and dropout of `c` from these
    /// options; those not given take the task's defaults given here.
    func setArchitecture<C: RecurrentArchitecture>(of c: inout C, hidden: Int, layers: Int = 1, dropout: Double = 0) {
        c.hiddenSize = self.hidden ?? hidden
        c.layers = self.layers ?? layers
        c.cell = cell ?? .lstm
        c.dropout = self.dropout ?? dropout
    }

    /// Also sets the embedding width (``embedding``, default `embedding`).
    func setArchitecture<C: EmbeddedArchitecture>(of c: inout C, embedding: Int, hidden: Int, layers: Int = 1,
                                                  dropout: Double = 0) {
        c.embeddingSize = self.embedding ?? embedding
        setArchitecture(of: &c, hidden: hidden, layers: layers, dropout: dropout)
    }
}
