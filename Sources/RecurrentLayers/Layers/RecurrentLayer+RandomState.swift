import RecurrentCore

extension RecurrentLayer {
    /// The generator of the dropout masks between stacked layers (``dropoutGenerator``),
    /// saved with resumable checkpoints.
    public var randomGenerator: RandomGenerator? {
        get { dropoutGenerator }
        set { if let newValue { dropoutGenerator = newValue } }
    }

    /// "dropout": a model's child "rnn" saves it as "rng.rnn_dropout".
    public var randomGeneratorName: String { "dropout" }
}
