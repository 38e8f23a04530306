import Foundation
import Testing

@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct SafeTensorsAtomicWriteTests {
    private func contents(of dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    @Test func createsAndReplacesFilesLeavingNoTemporaryFiles() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("ckpt.safetensors")
        try atomicWrite(Data("first".utf8), to: url)
        #expect(try Data(contentsOf: url) == Data("first".utf8))
        try atomicWrite(Data(), to: url)
        #expect(try Data(contentsOf: url).isEmpty)
        try atomicWrite(Data("third".utf8), to: url)
        #expect(try Data(contentsOf: url) == Data("third".utf8))
        #expect(try contents(of: dir) == ["ckpt.safetensors"])
    }

    @Test func aFailureBeforeTheRenameLeavesTheOldFileAndNoTemporaryFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("ckpt.safetensors")
        try atomicWrite(Data("old".utf8), to: url)
        let injected = AtomicWriteError(operation: "continue", path: url.path, code: EIO)
        #expect(throws: injected) {
            try atomicWrite(Data("new".utf8), to: url, beforeRename: { () throws(AtomicWriteError) in throw injected })
        }
        #expect(try Data(contentsOf: url) == Data("old".utf8))
        #expect(try contents(of: dir) == ["ckpt.safetensors"])
    }

    @Test func aFailedRenameLeavesTheTargetAndNoTemporaryFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The target is a non-empty directory: rename(2) refuses to replace it.
        let target = dir.appendingPathComponent("ckpt")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside"))
        do {
            try atomicWrite(Data("new".utf8), to: target)
            Issue.record("renaming over a directory should fail")
        } catch {
            #expect(error.description.hasPrefix(target.path + ": cannot rename"))
        }
        #expect(try Data(contentsOf: target.appendingPathComponent("inside")) == Data("keep".utf8))
        #expect(try contents(of: dir) == ["ckpt"])
    }

    @Test func aMissingDirectoryIsReportedWithItsPath() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("missing/ckpt.safetensors")
        #expect(throws: AtomicWriteError.self) { try atomicWrite(Data("x".utf8), to: url) }
        do { try atomicWrite(Data("x".utf8), to: url) } catch {
            // Named by the target and its folder, not by the temporary file.
            #expect(error.description.hasPrefix(url.path + ": cannot create a file in " + url.deletingLastPathComponent().path))
            #expect(!error.description.contains(".tmp-"))
            #expect(error.description.contains("No such file or directory"))
        }
    }

    /// Root ignores directory permissions, so this runs only for other users.
    @Test(.enabled(if: geteuid() != 0)) func aReadOnlyDirectoryLeavesTheOldFile() throws {
        let dir = try temporaryDirectory()
        defer {
            chmod(dir.path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        let url = dir.appendingPathComponent("ckpt.safetensors")
        try atomicWrite(Data("old".utf8), to: url)
        chmod(dir.path, 0o555)
        #expect(throws: AtomicWriteError.self) {
            try SafeTensorsWriter.write(tensors: [("a", .int64(shape: [], scalars: [1]))], to: url)
        }
        #expect(try Data(contentsOf: url) == Data("old".utf8))
        #expect(try contents(of: dir) == ["ckpt.safetensors"])
    }
}
