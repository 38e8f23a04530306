/// The reference-counted, 64-byte-aligned buffer behind a ``Tensor``.
/// Copy-on-write: a tensor copies its storage only when it is shared and mutated.
@usableFromInline
package final class TensorStorage<Scalar: TensorScalar> {
    @usableFromInline package let pointer: UnsafeMutablePointer<Scalar>
    @usableFromInline let count: Int

    @usableFromInline init(count: Int) {
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: max(count, 1) * MemoryLayout<Scalar>.stride, alignment: 64)
        pointer = raw.bindMemory(to: Scalar.self, capacity: max(count, 1))
    }

    @usableFromInline convenience init(repeating value: Scalar, count: Int) {
        self.init(count: count)
        if value == 0 {  // all-zero bits for Float and Double: a memset, not a generic loop
            UnsafeMutableRawPointer(pointer).initializeMemory(as: UInt8.self, repeating: 0,
                                                              count: count * MemoryLayout<Scalar>.stride)
        } else {
            pointer.initialize(repeating: value, count: count)
        }
    }

    @usableFromInline func copy() -> TensorStorage {
        let c = TensorStorage(count: count)
        c.pointer.initialize(from: pointer, count: count)
        return c
    }

    deinit { UnsafeMutableRawPointer(pointer).deallocate() }
}
