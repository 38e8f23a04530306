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

/// Prediction input is decoded like training files, one output line per input line.
@Suite struct InputLinesTests {
    @Test func lineEndsByteOrderMarkAndBlankLines() throws {
        #expect(try InputLines.decode(Data("a\r\nb c\r\n".utf8), source: "<stdin>") == ["a", "b c"])
        #expect(try InputLines.decode(Data("\u{FEFF}x\n\ny".utf8), source: "<stdin>") == ["x", "", "y"])
        #expect(try InputLines.decode(Data("\n".utf8), source: "<stdin>") == [""])
        #expect(try InputLines.decode(Data(), source: "<stdin>") == [])
    }

    @Test func invalidUTF8IsReportedWithItsLine() {
        #expect(thrownMessage { try InputLines.decode(Data([0x61, 0x0A, 0x62, 0xFF, 0x0A]), source: "<stdin>") }
            == "<stdin>:2: invalid UTF-8")
    }

    /// A carriage return or NUL quoted in a message is shown escaped, not sent to the terminal.
    @Test func controlCharactersInMessagesAreEscaped() {
        #expect(DataError(file: "f", line: 1, "'a\rb\u{0}' is not a number").description == "f:1: 'a\\rb\\u{0}' is not a number")
        #expect(DataError("two\nlines\tand a tab").description == "two\nlines\\tand a tab")
    }
}
