import Foundation

extension Module {
    /// Writes every parameter under its PyTorch name (e.g. `weight_ih_l0`) to a safetensors
    /// file, atomically — the file loads in PyTorch with `safetensors.torch.load_file`.
    public func saveSafeTensors(to url: URL, metadata: [String: String] = [:]) throws {
        try SafeTensorsWriter.write(tensors: namedParameters.map { ($0.name, AnyTensorPayload($0.parameter.value)) },
                                    metadata: metadata, to: url)
    }

    /// Loads parameters by name from a safetensors file (e.g. a PyTorch `state_dict` saved
    /// with `safetensors.torch.save_file`); F16/BF16/F32/F64 are converted. Every parameter
    /// must be present with its exact shape; tensors the module does not have are an error
    /// unless `allowUnused`.
    public func loadSafeTensors(from url: URL, allowUnused: Bool = false) throws {
        let file = try SafeTensorsFile(contentsOf: url)
        var values: [String: Tensor<Scalar>] = [:]
        for (name, _) in namedParameters {
            guard file.contains(name) else {
                throw ModuleError.missingParameter("\(name)' in '\(url.lastPathComponent)")
            }
            let value = try file.tensor(name, as: Scalar.self)
            if let problem = value.nonFiniteDescription {
                throw ShapeError("\(url.lastPathComponent): parameter '\(name)' \(problem)")
            }
            values[name] = value
        }
        if !allowUnused {
            let known = Set(namedParameters.map(\.name))
            let unused = file.names.filter { !known.contains($0) }
            if !unused.isEmpty {
                throw ShapeError("\(url.lastPathComponent): tensors the model does not have: \(unused.joined(separator: ", "))")
            }
        }
        try load(stateDict: values)
    }
}
