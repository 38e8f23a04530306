#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
import RecurrentCore
import RecurrentLayers
import RecurrentTraining
#endif

/// Seconds from a monotonic clock (for the `seconds` of training records).
func monotonicClock() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}
