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

@Suite struct ForecastTaskTests {
    static func csv(_ values: [Double]) -> String {
        "date,value\n" + values.enumerated().map { "\($0),\($1)" }.joined(separator: "\n") + "\n"
    }

    /// The preprocessing is read off the training series.
    @Test func preprocessingIsChosenFromTheData() {
        // Trend × multiplicative seasonality of period 12: log, differences, period 12.
        let airline: [Double] = (0..<120).map { t in
            let level: Double = 100 + 2 * Double(t)
            return level * (1 + 0.2 * sin(2 * Double.pi * Double(t) / 12))
        }
        let a = ForecastTransform.analyse(airline)
        #expect(a.scale == .log && a.difference && a.period == 12)
        // A stationary cycle of period 11 around zero: none of them, period 11.
        var rng = RandomGenerator(seed: 1)
        let cycle: [Double] = (0..<200).map { t in 5 * sin(2 * Double.pi * Double(t) / 11) + 0.3 * rng.normal() }
        let c = ForecastTransform.analyse(cycle)
        #expect(c.scale == .identity && !c.difference && c.period == 11)
        // A random walk: differences, no period.
        var level = 0.0
        let walk = (0..<150).map { _ in level += rng.normal(); return level }
        let w = ForecastTransform.analyse(walk)
        #expect(w.difference && w.scale == .identity)
        // Round trip of the transform.
        #expect(abs(a.invert(a.series(airline)[50], previous: airline[50]) - airline[51]) < 1e-9)
    }

    /// A noisy sine: the forecasts beat persistence; save → eval gives the same metrics;
    /// predict continues a history.
    @Test func sineEndToEnd() throws {
        // Compares a run's test metrics with a later evaluation bit for bit: no test may
        // force another kernel path in between (KernelPathLock).
        try KernelPathLock.exclusive {
            var rng = RandomGenerator(seed: 2)
            let values: [Double] = (0..<140).map { t in 50 + 10 * sin(2 * Double.pi * Double(t) / 16) + 0.5 * rng.normal() }
            let train = try temporaryFile("csv", containing: Self.csv(Array(values[..<110])))
            let test = try temporaryFile("csv", containing: Self.csv(Array(values[110...])))
            let out = temporaryFile("safetensors")
            defer { for u in [train, test, out] { try? FileManager.default.removeItem(at: u) } }
            var o = quickOptions(train: train, test: test, out: out, epochs: 25)
            o.learningRate = 0.01
            let run = try ForecastTask.train(o, progress: nil)
            #expect(run.chosen["period"] == 16 && run.chosen["window"] == 16)
            #expect(run.test["rmse"]! < 0.5 * run.test["persistence_rmse"]!, "\(run.test)")
            #expect(run.test["rmse_recursive"]! < run.test["seasonal_naive_rmse"]! + 2, "\(run.test)")
            #expect(run.artifacts.actual.count == 30 && run.artifacts.forecast.count == 30)

            let model = try Checkpoint.read(from: out)
            let metrics = try ForecastTask.evaluate(model, test: test)
            for key in ["rmse", "rmse_recursive", "persistence_rmse", "seasonal_naive_rmse"] { #expect(metrics[key] == run.test[key], "\(key)") }
            let history = values[94..<110].map { "\($0)" }.joined(separator: ", ")
            let next = try ForecastTask.predict(model, inputs: [history])
            #expect(abs(Double(next[0])! - values[110]) < 3, "\(next) vs \(values[110])")
            #expect(thrownMessage { try ForecastTask.predict(model, inputs: ["1, 2, 3"]) }
                    == "<input>:1: 3 values given; the model needs at least 16")
            #expect(thrownMessage { try ForecastTask.predict(model, inputs: [history, history + ", x"]) } == "<input>:2: 'x' is not a number")
        }
    }

    /// The airline slice (log, differences, period 12 found) beats one-step persistence.
    @Test func airlineBeatsPersistence() throws {
        var o = quickOptions(train: taskFixture("forecast/airline_train.csv"), test: taskFixture("forecast/airline_test.csv"), epochs: 20)
        o.learningRate = 0.01
        let run = try ForecastTask.train(o, progress: nil)
        #expect(run.chosen["log"] == 1 && run.chosen["difference"] == 1 && run.chosen["period"] == 12)
        #expect(abs(run.test["persistence_rmse"]! - 51.78) < 0.01)
        #expect(run.test["rmse"]! < run.test["persistence_rmse"]!, "\(run.test)")
    }

    @Test func badInput() throws {
        let short = try temporaryFile("csv", containing: Self.csv([1, 2, 3]))
        let negative = try temporaryFile("csv", containing: "date,value\n1961-01,420\n1961-02,-5\n")
        defer { for u in [short, negative] { try? FileManager.default.removeItem(at: u) } }
        var o = TaskOptions(train: short)
        o.epochs = 1
        #expect(thrownMessage { try ForecastTask.train(o, progress: nil) }
                == "\(short.lastPathComponent): 3 values are too few to forecast from (at least 8)")
        o.train = taskFixture("classify/series_train.csv")
        #expect(thrownMessage { try ForecastTask.train(o, progress: nil) }
                == "series_train.csv:1: no column named 'value' among 7 columns; say which holds the values")
        o.train = taskFixture("classify/text_train.tsv")
        #expect(thrownMessage { try ForecastTask.train(o, progress: nil) } == "text_train.tsv: forecast reads a date,value .csv series, not a .tsv file")
        o = quickOptions(train: taskFixture("forecast/airline_train.csv"), test: negative, epochs: 1)
        #expect(thrownMessage { try ForecastTask.train(o, progress: nil) }
                == "\(negative.lastPathComponent):3: value -5.0 is not positive, but the training series was modelled on a log scale")
        (o.test, o.resume) = (nil, short)
        #expect(thrownMessage { try ForecastTask.train(o, progress: nil) }
                == "forecast runs take seconds and are not resumable: train again without resume")
    }
}
