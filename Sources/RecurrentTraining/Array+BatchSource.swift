/// An array of batches is a ``BatchSource``: every epoch the same batches, in order.
extension Array: BatchSource {
    /// The batches in the array, `count`.
    public var batchesPerEpoch: Int { count }
    /// Batch `index` (the same in every epoch).
    public func batch(epoch: Int, index: Int) throws -> Element { self[index] }
}
