import Foundation
import Recurrent

/// Writes `{"task", "seconds", "epochs", "steps", "test": {...}}` atomically.
func writeMetrics(_ run: TaskRun, to path: String) throws {
    var fields: [String] = []
    fields.append("\"task\":\"\(run.task)\"")
    fields.append(String(format: "\"seconds\":%.3f", run.seconds))
    fields.append("\"epochs\":\(run.epochs)")
    fields.append("\"steps\":\(run.steps)")
    /// "\"a\":1,\"b\":null" — the members of a JSON object, keys sorted.
    func members(_ values: [String: Double]) -> String {
        values.keys.sorted().map { "\"\($0)\":\(jsonNumber(values[$0]!))" }.joined(separator: ",")
    }
    fields.append("\"test\":{\(members(run.test))}")
    if !run.chosen.isEmpty { fields.append("\"chosen\":{\(members(run.chosen))}") }
    let evals = run.history.evaluations.map { e in
        "{\"split\":\"\(e.split)\",\"step\":\(e.step),\"epoch\":\(e.epoch),\(members(e.metrics))}"
    }.joined(separator: ",")
    fields.append("\"validation\":[\(evals)]")
    try atomicWrite(Data(("{" + fields.joined(separator: ",") + "}\n").utf8), to: URL(fileURLWithPath: path))
}

func jsonNumber(_ v: Double) -> String { v.isFinite ? "\(v)" : "null" }
