import Foundation
import Testing
import Recurrent

@Suite struct TaskOptionTests {
    /// The options only some tasks read are what the tasks declare, and each task refuses
    /// those it does not read, naming the tasks that do.
    @Test func tasksDeclareTheOptionsTheyRead() throws {
        #expect(Tasks.taskSpecificOptions == [.window, .horizon, .pooling, .attention, .beamWidth, .bptt, .anneal, .embedding])
        var o = TaskOptions(train: URL(fileURLWithPath: "t.txt"))
        o.window = 12
        try Tasks.checkOptions(o, for: ForecastTask.self)
        #expect(throws: TaskOptionError(.window, .notRead(task: "charlm", readers: ["forecast"]))) {
            try Tasks.checkOptions(o, for: CharLMTask.self)
        }
        o.window = nil
        o.embedding = 8
        #expect(throws: TaskOptionError(.embedding, .notRead(task: "forecast",
                                                             readers: ["charlm", "classify", "generate", "seq2seq", "tag"]))) {
            try Tasks.checkOptions(o, for: ForecastTask.self)
        }
        // Options every task reads are never refused.
        o.embedding = nil
        (o.hidden, o.bidirectional, o.resume) = (8, true, URL(fileURLWithPath: "m"))
        for task in Tasks.all { try Tasks.checkOptions(o, for: task) }
    }

    /// Messages name the option by its field name, or as a front end spells it.
    @Test func errorsNameTheOption() {
        let e = TaskOptionError(.pooling, .notRead(task: "charlm", readers: ["classify", "forecast"]))
        #expect(e.description == "pooling applies to classify and forecast, not charlm")
        #expect(e.description(naming: { "--" + $0.rawValue }) == "--pooling applies to classify and forecast, not charlm")
        #expect(TaskOptionError(.resume, .unsupported(explanation: "not resumable")).description
                    == "not resumable: train again without resume")
    }
}
