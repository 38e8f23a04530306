import Foundation
import Testing
@testable import rnn

/// The demo corpus is the `rnn` target's resource, read through `Bundle.module`.
@Suite struct DemoCorpusTests {
    @Test func corpusIsTheBundledShakespeare() {
        let text = DemoCorpus.text
        #expect(text.utf8.count == 79_735)
        #expect(text.hasPrefix("ROMEO:\nIs the day so young?\n"))
        #expect(text.hasSuffix("Believe me, love, it was the nightingale."))
    }
}
