/// Elementwise activation functions the kernels implement.
public enum ActivationKind: Int32, Sendable, CaseIterable {
    case identity = 0, tanh = 1, relu = 2, sigmoid = 3
}
