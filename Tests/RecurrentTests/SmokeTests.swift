import Testing
@testable import Recurrent

@Test func libraryVersionIsSet() {
    #expect(!RecurrentLibrary.version.isEmpty)
}
