// `import Recurrent` gives the whole public library, as swift-numerics' `Numerics` does for
// its modules. The layers, each a target that depends only on those before it:
//
//     RecurrentCore        Tensor, TensorScalar, gemm, Module/Parameter, safetensors
//     RecurrentLayers      cells (RNNCell, LSTMCell, GRUCell) and layers (RNN, LSTM, GRU, Linear, …)
//     RecurrentTraining    losses, optimizers, clipping, schedules, Trainer, checkpoints
//     RecurrentData        readers, vocabularies, batching
//     RecurrentModels      LanguageModel, SequenceClassifier, SequenceRegressor, SequenceTagger, Seq2Seq, …
//     RecurrentDiagnostics gradient-through-time experiments, charts, reports
//     RecurrentDistributed data-parallel training (MPI)
//     RecurrentTasks       the `rnn train` tasks
@_exported import RecurrentCore
@_exported import RecurrentLayers
@_exported import RecurrentTraining
@_exported import RecurrentData
@_exported import RecurrentModels
@_exported import RecurrentDiagnostics
@_exported import RecurrentDistributed
@_exported import RecurrentTasks
