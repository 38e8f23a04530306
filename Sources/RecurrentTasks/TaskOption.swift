import RecurrentCore
import RecurrentData
import RecurrentDiagnostics
import RecurrentDistributed
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

/// A field of ``TaskOptions``, by name: what a task declares it reads
/// (``RNNTask/taskSpecificOptions``) and what a ``TaskOptionError`` is about. A front end
/// maps each to its own spelling (the `rnn` tool: `--hidden`, `--lr`, …).
///
/// The options every task reads come first; the task-specific ones last, in the order
/// ``Tasks/checkOptions(_:for:)`` checks them.
public enum TaskOption: String, CaseIterable, Sendable, Hashable {
    /// The files, and the architecture every task's model has: each the ``TaskOptions``
    /// property of the same name.
    case train, test, out, resume, cell, hidden, layers, bidirectional, dropout, optimizer, learningRate, clipNorm
    /// How long and how training runs, for every task: each the ``TaskOptions`` property of
    /// the same name.
    case batch, epochs, timeBudget, seed, patience, validationFraction, averageDecay
    /// The options only some tasks read (see ``RNNTask/taskSpecificOptions``): each the
    /// ``TaskOptions`` property of the same name.
    case window, horizon, pooling, attention, beamWidth, bptt, anneal, embedding
}

extension TaskOptions {
    /// Whether `option` was given (not left to the task's default). `train` and `seed`
    /// always are.
    public func isSet(_ option: TaskOption) -> Bool {
        switch option {
        case .train, .seed: true
        case .test: test != nil
        case .out: out != nil
        case .resume: resume != nil
        case .cell: cell != nil
        case .hidden: hidden != nil
        case .layers: layers != nil
        case .bidirectional: bidirectional != nil
        case .dropout: dropout != nil
        case .optimizer: optimizer != nil
        case .learningRate: learningRate != nil
        case .clipNorm: clipNorm != nil
        case .batch: batch != nil
        case .epochs: epochs != nil
        case .timeBudget: timeBudget != nil
        case .patience: patience != nil
        case .validationFraction: validationFraction != nil
        case .averageDecay: averageDecay != nil
        case .window: window != nil
        case .horizon: horizon != nil
        case .pooling: pooling != nil
        case .attention: attention != nil
        case .beamWidth: beamWidth != nil
        case .bptt: bptt != nil
        case .anneal: anneal != nil
        case .embedding: embedding != nil
        }
    }
}

/// An option a task cannot use: one it does not read (given to it, it would be ignored
/// without a word), or one it cannot honour. The message names the option by its
/// ``TaskOption`` name; ``description(naming:)`` lets a front end name it its own way.
public struct TaskOptionError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Why the option cannot be used.
    public enum Reason: Equatable, Sendable {
        /// `task` does not read the option; `readers` are the tasks that do (alphabetical).
        case notRead(task: String, readers: [String])
        /// The task cannot honour the option; `explanation` says why.
        case unsupported(explanation: String)
    }

    /// The option at fault.
    public let option: TaskOption
    /// Why it cannot be used.
    public let reason: Reason

    /// An error about `option`.
    public init(_ option: TaskOption, _ reason: Reason) {
        self.option = option
        self.reason = reason
    }

    /// The message with the option named by `name`.
    public func description(naming name: (TaskOption) -> String) -> String {
        switch reason {
        case let .notRead(task, readers): "\(name(option)) applies to \(readers.joined(separator: " and ")), not \(task)"
        case let .unsupported(explanation): "\(explanation): train again without \(name(option))"
        }
    }

    /// The message with the option named by its ``TaskOption`` name ("window applies to
    /// forecast, not charlm").
    public var description: String { description(naming: \.rawValue) }
}

extension Tasks {
    /// The options only some tasks read: every task's ``RNNTask/taskSpecificOptions``
    /// together, in ``TaskOption`` order.
    public static var taskSpecificOptions: [TaskOption] {
        let read = all.reduce(into: Set<TaskOption>()) { $0.formUnion($1.taskSpecificOptions) }
        return TaskOption.allCases.filter(read.contains)
    }

    /// Throws a ``TaskOptionError`` for the first task-specific option set in `options` that
    /// `task` does not read.
    public static func checkOptions(_ options: TaskOptions, for task: any RNNTask.Type) throws {
        for option in taskSpecificOptions where options.isSet(option) && !task.taskSpecificOptions.contains(option) {
            let readers = all.filter { $0.taskSpecificOptions.contains(option) }.map { $0.name }.sorted()
            throw TaskOptionError(option, .notRead(task: task.name, readers: readers))
        }
    }
}
