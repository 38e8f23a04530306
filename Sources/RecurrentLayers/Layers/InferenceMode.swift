import RecurrentCore

/// A scope in which every ``RecurrentLayer`` runs inference only, as inside PyTorch's
/// `with torch.inference_mode():` — as if each layer's ``RecurrentLayer/inferenceMode``
/// were true (forward keeps nothing for backward; GRU inference 4–14 % faster measured).
/// A `backward` after a forward in the scope throws. Bound per task (or thread), so other
/// threads' training is unaffected.
///
/// ```swift
/// let (output, state) = try InferenceMode.run { try gru.forward(x) }
/// ```
public enum InferenceMode {
    /// Whether the current task runs inside ``run(_:)``.
    @TaskLocal public static var isActive = false

    /// Runs `body` in inference mode.
    public static func run<R>(_ body: () throws -> R) rethrows -> R {
        try $isActive.withValue(true, operation: body)
    }
}
