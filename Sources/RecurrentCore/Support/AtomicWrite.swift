import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed file-system call during ``atomicWrite(_:to:)``: what was attempted, on which path,
/// and the system's reason.
public struct AtomicWriteError: Error, CustomStringConvertible, Equatable {
    /// What was attempted ("write", "rename the temporary file over", …).
    public let operation: String
    /// The path it was attempted on.
    public let path: String
    /// The `errno` value.
    public let code: Int32

    public var description: String {
        "\(path): cannot \(operation) (\(String(cString: strerror(code))))"
    }
}

/// Replaces the file at `url` with `data` so that a crash or failure at any point leaves
/// either the old file or the complete new one, never a mixture.
///
/// The data goes to a temporary file in the same directory, which is flushed to disk
/// (`fsync`) and renamed over the target; then the directory itself is flushed so that the
/// rename survives a power loss. On failure the temporary file is removed and the old file
/// is left untouched.
public func atomicWrite(_ data: Data, to url: URL) throws(AtomicWriteError) {
    try atomicWrite(data, to: url, beforeRename: {})
}

/// ``atomicWrite(_:to:)`` with a hook that runs just before the rename (tests use it to
/// fail at the last moment).
func atomicWrite(_ data: Data, to url: URL, beforeRename: () throws(AtomicWriteError) -> Void) throws(AtomicWriteError) {
    let target = url.path
    let directory = url.deletingLastPathComponent().path
    let temporary = directory + "/." + url.lastPathComponent + ".tmp-" + String(UInt64.random(in: .min ... .max), radix: 36)
    func failure(_ operation: String, _ path: String) -> AtomicWriteError {
        AtomicWriteError(operation: operation, path: path, code: errno)
    }

    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    // Named by the target and its folder: the temporary name means nothing to the user.
    guard fd >= 0 else { throw failure("create a file in \(directory)", target) }
    var isOpen = true
    var renamed = false
    defer {
        if isOpen { close(fd) }
        if !renamed { unlink(temporary) }
    }

    let complete = data.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
    guard complete else { throw failure("write", temporary) }
    guard fsync(fd) == 0 else { throw failure("flush (fsync)", temporary) }
    isOpen = false
    guard close(fd) == 0 else { throw failure("close", temporary) }

    try beforeRename()
    guard rename(temporary, target) == 0 else { throw failure("rename the temporary file over", target) }
    renamed = true

    let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard directoryFD >= 0 else { throw failure("open the directory", directory) }
    defer { close(directoryFD) }
    guard fsync(directoryFD) == 0 else { throw failure("flush (fsync) the directory", directory) }
}
