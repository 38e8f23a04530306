/// Recurrent: recurrent neural networks trained with backpropagation through time.
///
/// The library is layered (each layer depends only on those before it):
/// `Tensor` → `Kernels` → `Cells` → `Layers` → `Training` / `Data` / `IO` → `Models` → `Diagnostics`.
public enum RecurrentLibrary {
    /// The library's version.
    public static let version = "0.1.0"
}
