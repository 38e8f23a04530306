extension Module {
    /// The parameter listed under `name` in ``namedParameters`` (PyTorch's `state_dict` key,
    /// e.g. `"rnn.weight_hh_l0"`), or nil when the module has none of that name.
    ///
    /// ```swift
    /// let w = model.parameter(named: "rnn.weight_hh_l0")!
    /// print(w.gradient.norm, w.gradient.maxAbs)
    /// ```
    public func parameter(named name: String) -> Parameter<Scalar>? {
        namedParameters.first { $0.name == name }?.parameter
    }

    /// The names of ``namedParameters``, in order (what ``parameter(named:)`` accepts).
    public var parameterNames: [String] { namedParameters.map(\.name) }
}
