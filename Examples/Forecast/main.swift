// Forecasting the airline passengers series (monthly, trend and seasonality): log, change over 12
// months (trend and season become a level), standardise, windows of 24 changes → the next change with a
// many-to-one SequenceRegressor, then a recursive
// forecast of the 24 held-out months (each prediction fed back), against the seasonal naive one.
//   swift run -c release example-forecast [date,value file, default Examples/Data/airline.csv]
import Foundation
import Recurrent

let url = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "Examples/Data/airline.csv")
let series = try DatedValue.read(url).map { log($0.value) }
let (history, future) = (Array(series.dropLast(24)), Array(series.suffix(24)))
let changes = zip(history.dropFirst(12), history).map { $0 - $1 }     // year-over-year
let scale = Standardizer(fitting: [changes], featureCount: 1)     // z-scores of the training changes
let z = scale.apply(changes).map(Float.init)

let window = 24
let starts = Array(0..<(z.count - window))
let inputs = starts.map { Array(z[$0..<($0 + window)]) }
let targets = starts.map { [z[$0 + window]] }
var config = SequenceRegressorConfiguration(featureCount: 1, outputs: 1)
config.hiddenSize = 32
let model = try SequenceRegressor(config, seed: 1)
var options = TrainingOptions()
(options.epochs, options.clipNorm) = (150, 1)
let trainer = Trainer(model: model, optimizer: try Adam(model.parameters, learningRate: 5e-3), options: options)
try trainer.fit(ExampleBatches(inputs: inputs, featureCount: 1, targets: targets, batchSize: 16, seed: 1))
let fit = try model.evaluate(RegressionBatch.sequential(inputs: inputs, featureCount: 1, targets: targets))
print(String(format: "%d windows, %d epochs: training MSE %.4f (standardised changes)", inputs.count, options.epochs!, fit["mse"]!))

// 24 months ahead, from the training series only.
let predictedChanges = scale.invert(try model.recursiveForecast(z, window: window, steps: 24).map(Double.init))
var levels = history
for change in predictedChanges { levels.append(levels[levels.count - 12] + change) }
let forecast = Array(levels.suffix(24))
let naive = Array(history.suffix(12) + history.suffix(12))      // the last year, twice
func rmse(_ a: [Double]) -> Double {
    (zip(a, future).map { exp($0) - exp($1) }.map { $0 * $0 }.reduce(0, +) / Double(future.count)).squareRoot()
}
print(String(format: "24-month RMSE (passengers): LSTM %.2f, seasonal naive %.2f", rmse(forecast), rmse(naive)))
for m in stride(from: 0, to: 24, by: 6) {
    print(String(format: "month %2d: forecast %5.0f  actual %5.0f", m + 1, exp(forecast[m]), exp(future[m])))
}
