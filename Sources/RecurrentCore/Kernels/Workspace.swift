/// A growable, 64-byte-aligned scratch buffer. Grows only when a larger sequence shape
/// arrives, so the per-time-step loop never allocates.
package final class Workspace<S: TensorScalar> {
    package private(set) var pointer: UnsafeMutablePointer<S>
    private(set) var capacity: Int

    package init() {
        capacity = 0
        pointer = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 64).bindMemory(to: S.self, capacity: 1)
    }

    /// Makes room for `count` elements (contents are not preserved when it grows).
    @discardableResult
    package func reserve(_ count: Int) -> UnsafeMutablePointer<S> {
        if count > capacity {
            UnsafeMutableRawPointer(pointer).deallocate()
            pointer = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<S>.stride, alignment: 64)
                .bindMemory(to: S.self, capacity: count)
            capacity = count
        }
        return pointer
    }

    func zero(_ count: Int) { pointer.update(repeating: 0, count: count) }

    deinit { UnsafeMutableRawPointer(pointer).deallocate() }
}
