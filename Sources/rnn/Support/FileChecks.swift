import ArgumentParser
import Foundation
import Recurrent

/// A user-facing failure: ArgumentParser prints its description as one line, exit status 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Checks an input file exists before any work, so the error names it plainly.
func requireFile(_ path: String) throws {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
        throw CLIError("\(path): no such file")
    }
    if isDir.boolValue { throw CLIError("\(path): is a directory, not a file") }
    guard FileManager.default.isReadableFile(atPath: path) else { throw CLIError("\(path): not readable") }
}

/// Checks, before any work, that a file can be written at `path` (given as `--option`): not a
/// folder, in a folder that exists and is writable. Otherwise a long training run would end
/// by failing to save what it learnt.
func requireWritableOutput(_ path: String?, option: String) throws {
    guard let path else { return }
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
        throw CLIError("--\(option) \(path): is a folder; give a file name")
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
        throw CLIError("--\(option) \(path): the folder \(folder) does not exist")
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
        throw CLIError("--\(option) \(path): the folder \(folder) is not writable")
    }
}

/// The bytes of an existing, readable file; errors name the path.
func readFileData(_ path: String) throws -> Data {
    try requireFile(path)
    do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
        throw CLIError("\(path): cannot read the file (\(error.localizedDescription))")
    }
}

/// The contents of the UTF-8 text file at `path`, with a clear error when it is missing, a
/// directory, unreadable or not UTF-8.
func readTextFile(_ path: String) throws -> String {
    let data = try readFileData(path)
    guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
        throw CLIError("\(path): not UTF-8 text")
    }
    return text
}
