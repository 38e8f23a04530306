import Foundation

/// Forcing an instruction-set path (`rk_isa_force`, `rk_elementwise_force_isa`) is global
/// state, and suites run in parallel: a test that forces a path holds this lock while it
/// does, and a test that needs bit-identical results across two runs (the kernels' rounding
/// differs between paths) holds it for its whole body, so neither sees the other.
enum KernelPathLock {
    private static let lock = NSRecursiveLock()

    static func exclusive<R>(_ body: () throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
