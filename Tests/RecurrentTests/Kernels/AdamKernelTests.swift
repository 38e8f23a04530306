import Testing
import _RecurrentKernels
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// The float Adam kernel (`rk_s_adam_update`) on every instruction-set path this machine
/// runs: bit for bit the operation-by-operation rounding of the documented formula (fused
/// only where it says so), for Adam, AdamW (shrink) and AMSGrad (running maximum).
@Suite(.serialized) struct AdamKernelTests {
    static let options: [(shrink: Float, l2: Float, amsgrad: Bool)] = [
        (1, 0, false), (1, 0.1, false), (0.999, 0, false), (1, 0.05, true),
    ]

    /// The formula of rk_optim.h, one rounding per operation (Swift does not contract).
    func reference(_ w: inout [Float], _ g: [Float], _ m: inout [Float], _ v: inout [Float], _ vmax: inout [Float]?,
                   _ h: rk_adam_hyper) {
        for j in w.indices {
            let wj = h.shrink != 1 ? w[j] * h.shrink : w[j]
            let d = h.l2 != 0 ? g[j].addingProduct(h.l2, wj) : g[j]
            m[j] = m[j].addingProduct(h.one_minus_beta1, d - m[j])
            v[j] = h.beta2 * v[j] + h.one_minus_beta2 * d * d
            var second = v[j]
            if vmax != nil {
                vmax![j] = Swift.max(vmax![j], v[j])
                second = vmax![j]
            }
            w[j] = wj - h.step_size * m[j] / (second.squareRoot() / h.bias_correction2_sqrt + h.epsilon)
        }
    }

    @Test(arguments: 0..<4)
    func everyPathMatchesTheFormulaBitForBit(_ option: Int) throws {
        let (shrink, l2, amsgrad) = Self.options[option]
        var rng = RandomGenerator(seed: UInt64(40 + option))
        let n = 1003  // not a multiple of any vector width
        let w0 = (0..<n).map { _ in Float(rng.normal()) }
        let m0 = (0..<n).map { _ in Float(rng.normal()) * 0.1 }
        let v0 = (0..<n).map { _ in Float(rng.nextUnit()) * 0.01 }
        let g = (0..<n).map { i in i % 97 == 0 ? 0 : Float(rng.normal()) }
        let vmax0: [Float]? = amsgrad ? v0.map { $0 * Float(1 + rng.nextUnit()) } : nil
        var h = rk_adam_hyper(one_minus_beta1: 0.1, beta2: 0.999, one_minus_beta2: 1e-3, epsilon: 1e-8, l2: l2,
                              shrink: shrink, step_size: 2e-3 / 0.19, bias_correction2_sqrt: 0.0632)
        var (we, me, ve, vmaxe) = (w0, m0, v0, vmax0)
        reference(&we, g, &me, &ve, &vmaxe, h)

        KernelPathLock.exclusive {
            for isa: Int32 in [0, 1, 2, 3] where rk_elementwise_isa_supported(isa) != 0 {
                _ = rk_elementwise_force_isa(isa)
                defer { _ = rk_elementwise_force_isa(-1) }
                var (w, m, v, vmax) = (w0, m0, v0, vmax0 ?? [])
                w.withUnsafeMutableBufferPointer { wp in
                    m.withUnsafeMutableBufferPointer { mp in
                        v.withUnsafeMutableBufferPointer { vp in
                            vmax.withUnsafeMutableBufferPointer { xp in
                                rk_s_adam_update(n, wp.baseAddress, g, mp.baseAddress, vp.baseAddress,
                                                 amsgrad ? xp.baseAddress : nil, &h)
                            }
                        }
                    }
                }
                #expect(w.map(\.bitPattern) == we.map(\.bitPattern), "ISA \(isa): parameters")
                #expect(m.map(\.bitPattern) == me.map(\.bitPattern), "ISA \(isa): first moment")
                #expect(v.map(\.bitPattern) == ve.map(\.bitPattern), "ISA \(isa): second moment")
                if let vmaxe { #expect(vmax.map(\.bitPattern) == vmaxe.map(\.bitPattern), "ISA \(isa): running maximum") }
            }
        }
    }
}
