/// Recurrent: recurrent neural networks trained with backpropagation through time.
public enum RecurrentLibrary {
    /// The library's version.
    public static let version = "0.1.0"
}
