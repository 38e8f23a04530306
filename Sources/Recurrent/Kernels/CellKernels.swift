import _RecurrentKernels

/// Per-type entry points into the fused cell passes of `_RecurrentKernels`
/// (`rk_cells.h`). Underscored: the recurrent layers call them; users do not.
public protocol _CellKernelScalar {
    static func _lstmForward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?,
                             _ gates: UnsafeMutablePointer<Self>, _ cprev: UnsafePointer<Self>,
                             _ hprev: UnsafePointer<Self>, _ c: UnsafeMutablePointer<Self>,
                             _ hout: UnsafeMutablePointer<Self>)
    static func _lstmBackward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?,
                              _ gates: UnsafePointer<Self>, _ cprev: UnsafePointer<Self>,
                              _ c: UnsafePointer<Self>, _ dy: UnsafePointer<Self>?, _ ldy: Int,
                              _ dhc: UnsafeMutablePointer<Self>, _ dc: UnsafeMutablePointer<Self>,
                              _ dgates: UnsafeMutablePointer<Self>)
    static func _gruForward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?,
                            _ xp: UnsafePointer<Self>, _ ldxp: Int, _ hp: UnsafeMutablePointer<Self>,
                            _ bhh: UnsafePointer<Self>, _ gates: UnsafeMutablePointer<Self>,
                            _ hprev: UnsafePointer<Self>, _ hout: UnsafeMutablePointer<Self>)
    static func _gruBackward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?,
                             _ gates: UnsafePointer<Self>, _ hp: UnsafePointer<Self>,
                             _ hprev: UnsafePointer<Self>, _ dy: UnsafePointer<Self>?, _ ldy: Int,
                             _ dhc: UnsafeMutablePointer<Self>, _ dgx: UnsafeMutablePointer<Self>,
                             _ dgh: UnsafeMutablePointer<Self>)
    static func _rnnForward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?,
                            _ act: Int32, _ pre: UnsafePointer<Self>, _ hprev: UnsafePointer<Self>,
                            _ hout: UnsafeMutablePointer<Self>)
    static func _rnnBackward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?,
                             _ act: Int32, _ hcur: UnsafePointer<Self>, _ dy: UnsafePointer<Self>?,
                             _ ldy: Int, _ dhc: UnsafeMutablePointer<Self>,
                             _ dpre: UnsafeMutablePointer<Self>)
    static func _gruResetBeforeForward(_ pass: Int, _ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?,
                                       _ xp: UnsafePointer<Self>, _ hp: UnsafeMutablePointer<Self>,
                                       _ bhh: UnsafePointer<Self>, _ gates: UnsafeMutablePointer<Self>,
                                       _ hprev: UnsafePointer<Self>, _ out: UnsafeMutablePointer<Self>)
    static func _gruResetBeforeBackwardN(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?,
                                         _ gates: UnsafePointer<Self>, _ hprev: UnsafePointer<Self>,
                                         _ dy: UnsafePointer<Self>?, _ ldy: Int,
                                         _ dhc: UnsafeMutablePointer<Self>, _ dg: UnsafeMutablePointer<Self>)
    static func _gruResetBeforeBackwardRZ(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?,
                                          _ gates: UnsafePointer<Self>, _ hprev: UnsafePointer<Self>,
                                          _ drh: UnsafePointer<Self>, _ dhc: UnsafeMutablePointer<Self>,
                                          _ dg: UnsafeMutablePointer<Self>)
    /// The fused time loop of one direction (`rk_recurrence.h`).
    static func _recurrenceForward(_ cell: Int32, _ steps: Int, _ b: Int, _ h: Int, _ reverse: Bool,
                                   _ lengths: UnsafePointer<Int32>?, _ whh: UnsafePointer<Self>,
                                   _ bhh: UnsafePointer<Self>?, _ bias: UnsafePointer<Self>?,
                                   _ xp: UnsafeMutablePointer<Self>,
                                   _ hp: UnsafeMutablePointer<Self>?, _ gates: UnsafeMutablePointer<Self>?,
                                   _ hs: UnsafeMutablePointer<Self>, _ cs: UnsafeMutablePointer<Self>?,
                                   _ out: UnsafeMutablePointer<Self>?, _ ldo: Int)
    static func _recurrenceBackward(_ cell: Int32, _ steps: Int, _ b: Int, _ h: Int, _ reverse: Bool,
                                    _ lengths: UnsafePointer<Int32>?, _ whh: UnsafePointer<Self>,
                                    _ xp: UnsafePointer<Self>, _ hp: UnsafePointer<Self>?,
                                    _ gates: UnsafePointer<Self>?, _ hs: UnsafePointer<Self>,
                                    _ cs: UnsafePointer<Self>?, _ dy: UnsafePointer<Self>?, _ ldy: Int,
                                    _ truncation: Int, _ dh: UnsafeMutablePointer<Self>,
                                    _ dc: UnsafeMutablePointer<Self>?, _ dg: UnsafeMutablePointer<Self>,
                                    _ dgh: UnsafeMutablePointer<Self>?,
                                    _ dbias: UnsafeMutablePointer<Self>?, _ dbiasH: UnsafeMutablePointer<Self>?,
                                    _ wih: UnsafePointer<Self>?, _ inputSize: Int, _ dx: UnsafeMutablePointer<Self>?) -> Bool
}

extension Float: _CellKernelScalar {
    @inline(__always) public static func _recurrenceForward(_ cell: Int32, _ steps: Int, _ b: Int, _ h: Int, _ reverse: Bool, _ lengths: UnsafePointer<Int32>?, _ whh: UnsafePointer<Float>, _ bhh: UnsafePointer<Float>?, _ bias: UnsafePointer<Float>?, _ xp: UnsafeMutablePointer<Float>, _ hp: UnsafeMutablePointer<Float>?, _ gates: UnsafeMutablePointer<Float>?, _ hs: UnsafeMutablePointer<Float>, _ cs: UnsafeMutablePointer<Float>?, _ out: UnsafeMutablePointer<Float>?, _ ldo: Int) {
        rk_s_recurrence_forward(cell, steps, b, h, reverse ? 1 : 0, lengths, whh, bhh, bias, xp, hp, gates, hs, cs, out, ldo)
    }
    @inline(__always) public static func _recurrenceBackward(_ cell: Int32, _ steps: Int, _ b: Int, _ h: Int, _ reverse: Bool, _ lengths: UnsafePointer<Int32>?, _ whh: UnsafePointer<Float>, _ xp: UnsafePointer<Float>, _ hp: UnsafePointer<Float>?, _ gates: UnsafePointer<Float>?, _ hs: UnsafePointer<Float>, _ cs: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ ldy: Int, _ truncation: Int, _ dh: UnsafeMutablePointer<Float>, _ dc: UnsafeMutablePointer<Float>?, _ dg: UnsafeMutablePointer<Float>, _ dgh: UnsafeMutablePointer<Float>?, _ dbias: UnsafeMutablePointer<Float>?, _ dbiasH: UnsafeMutablePointer<Float>?, _ wih: UnsafePointer<Float>?, _ inputSize: Int, _ dx: UnsafeMutablePointer<Float>?) -> Bool {
        rk_s_recurrence_backward(cell, steps, b, h, reverse ? 1 : 0, lengths, whh, xp, hp, gates, hs, cs, dy, ldy, truncation, dh, dc, dg, dgh, dbias, dbiasH, wih, inputSize, dx) != 0
    }
    @inline(__always) public static func _lstmForward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ gates: UnsafeMutablePointer<Float>, _ cprev: UnsafePointer<Float>, _ hprev: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>, _ hout: UnsafeMutablePointer<Float>) {
        rk_s_lstm_forward(b, h, t, lengths, gates, cprev, hprev, c, hout)
    }
    @inline(__always) public static func _lstmBackward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ gates: UnsafePointer<Float>, _ cprev: UnsafePointer<Float>, _ c: UnsafePointer<Float>, _ dy: UnsafePointer<Float>?, _ ldy: Int, _ dhc: UnsafeMutablePointer<Float>, _ dc: UnsafeMutablePointer<Float>, _ dgates: UnsafeMutablePointer<Float>) {
        rk_s_lstm_backward(b, h, t, lengths, gates, cprev, c, dy, ldy, dhc, dc, dgates)
    }
    @inline(__always) public static func _gruForward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ xp: UnsafePointer<Float>, _ ldxp: Int, _ hp: UnsafeMutablePointer<Float>, _ bhh: UnsafePointer<Float>, _ gates: UnsafeMutablePointer<Float>, _ hprev: UnsafePointer<Float>, _ hout: UnsafeMutablePointer<Float>) {
        rk_s_gru_forward(b, h, t, lengths, xp, ldxp, hp, bhh, gates, hprev, hout)
    }
    @inline(__always) public static func _gruBackward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ gates: UnsafePointer<Float>, _ hp: UnsafePointer<Float>, _ hprev: UnsafePointer<Float>, _ dy: UnsafePointer<Float>?, _ ldy: Int, _ dhc: UnsafeMutablePointer<Float>, _ dgx: UnsafeMutablePointer<Float>, _ dgh: UnsafeMutablePointer<Float>) {
        rk_s_gru_backward(b, h, t, lengths, gates, hp, hprev, dy, ldy, dhc, dgx, dgh)
    }
    @inline(__always) public static func _rnnForward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ act: Int32, _ pre: UnsafePointer<Float>, _ hprev: UnsafePointer<Float>, _ hout: UnsafeMutablePointer<Float>) {
        rk_s_rnn_forward(b, h, t, lengths, act, pre, hprev, hout)
    }
    @inline(__always) public static func _rnnBackward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ act: Int32, _ hcur: UnsafePointer<Float>, _ dy: UnsafePointer<Float>?, _ ldy: Int, _ dhc: UnsafeMutablePointer<Float>, _ dpre: UnsafeMutablePointer<Float>) {
        rk_s_rnn_backward(b, h, t, lengths, act, hcur, dy, ldy, dhc, dpre)
    }
    @inline(__always) public static func _gruResetBeforeForward(_ pass: Int, _ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ xp: UnsafePointer<Float>, _ hp: UnsafeMutablePointer<Float>, _ bhh: UnsafePointer<Float>, _ gates: UnsafeMutablePointer<Float>, _ hprev: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
        if pass == 1 { rk_s_gru_rz_forward(b, h, t, lengths, xp, hp, bhh, gates, hprev, out) } else { rk_s_gru_n_forward(b, h, t, lengths, xp, hp, bhh, gates, hprev, out) }
    }
    @inline(__always) public static func _gruResetBeforeBackwardN(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ gates: UnsafePointer<Float>, _ hprev: UnsafePointer<Float>, _ dy: UnsafePointer<Float>?, _ ldy: Int, _ dhc: UnsafeMutablePointer<Float>, _ dg: UnsafeMutablePointer<Float>) {
        rk_s_gru_n_backward(b, h, t, lengths, gates, hprev, dy, ldy, dhc, dg)
    }
    @inline(__always) public static func _gruResetBeforeBackwardRZ(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ gates: UnsafePointer<Float>, _ hprev: UnsafePointer<Float>, _ drh: UnsafePointer<Float>, _ dhc: UnsafeMutablePointer<Float>, _ dg: UnsafeMutablePointer<Float>) {
        rk_s_gru_rz_backward(b, h, t, lengths, gates, hprev, drh, dhc, dg)
    }
}

extension Double: _CellKernelScalar {
    @inline(__always) public static func _recurrenceForward(_ cell: Int32, _ steps: Int, _ b: Int, _ h: Int, _ reverse: Bool, _ lengths: UnsafePointer<Int32>?, _ whh: UnsafePointer<Double>, _ bhh: UnsafePointer<Double>?, _ bias: UnsafePointer<Double>?, _ xp: UnsafeMutablePointer<Double>, _ hp: UnsafeMutablePointer<Double>?, _ gates: UnsafeMutablePointer<Double>?, _ hs: UnsafeMutablePointer<Double>, _ cs: UnsafeMutablePointer<Double>?, _ out: UnsafeMutablePointer<Double>?, _ ldo: Int) {
        rk_d_recurrence_forward(cell, steps, b, h, reverse ? 1 : 0, lengths, whh, bhh, bias, xp, hp, gates, hs, cs, out, ldo)
    }
    @inline(__always) public static func _recurrenceBackward(_ cell: Int32, _ steps: Int, _ b: Int, _ h: Int, _ reverse: Bool, _ lengths: UnsafePointer<Int32>?, _ whh: UnsafePointer<Double>, _ xp: UnsafePointer<Double>, _ hp: UnsafePointer<Double>?, _ gates: UnsafePointer<Double>?, _ hs: UnsafePointer<Double>, _ cs: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ ldy: Int, _ truncation: Int, _ dh: UnsafeMutablePointer<Double>, _ dc: UnsafeMutablePointer<Double>?, _ dg: UnsafeMutablePointer<Double>, _ dgh: UnsafeMutablePointer<Double>?, _ dbias: UnsafeMutablePointer<Double>?, _ dbiasH: UnsafeMutablePointer<Double>?, _ wih: UnsafePointer<Double>?, _ inputSize: Int, _ dx: UnsafeMutablePointer<Double>?) -> Bool {
        rk_d_recurrence_backward(cell, steps, b, h, reverse ? 1 : 0, lengths, whh, xp, hp, gates, hs, cs, dy, ldy, truncation, dh, dc, dg, dgh, dbias, dbiasH, wih, inputSize, dx) != 0
    }
    @inline(__always) public static func _lstmForward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ gates: UnsafeMutablePointer<Double>, _ cprev: UnsafePointer<Double>, _ hprev: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>, _ hout: UnsafeMutablePointer<Double>) {
        rk_d_lstm_forward(b, h, t, lengths, gates, cprev, hprev, c, hout)
    }
    @inline(__always) public static func _lstmBackward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ gates: UnsafePointer<Double>, _ cprev: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ dy: UnsafePointer<Double>?, _ ldy: Int, _ dhc: UnsafeMutablePointer<Double>, _ dc: UnsafeMutablePointer<Double>, _ dgates: UnsafeMutablePointer<Double>) {
        rk_d_lstm_backward(b, h, t, lengths, gates, cprev, c, dy, ldy, dhc, dc, dgates)
    }
    @inline(__always) public static func _gruForward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ xp: UnsafePointer<Double>, _ ldxp: Int, _ hp: UnsafeMutablePointer<Double>, _ bhh: UnsafePointer<Double>, _ gates: UnsafeMutablePointer<Double>, _ hprev: UnsafePointer<Double>, _ hout: UnsafeMutablePointer<Double>) {
        rk_d_gru_forward(b, h, t, lengths, xp, ldxp, hp, bhh, gates, hprev, hout)
    }
    @inline(__always) public static func _gruBackward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ gates: UnsafePointer<Double>, _ hp: UnsafePointer<Double>, _ hprev: UnsafePointer<Double>, _ dy: UnsafePointer<Double>?, _ ldy: Int, _ dhc: UnsafeMutablePointer<Double>, _ dgx: UnsafeMutablePointer<Double>, _ dgh: UnsafeMutablePointer<Double>) {
        rk_d_gru_backward(b, h, t, lengths, gates, hp, hprev, dy, ldy, dhc, dgx, dgh)
    }
    @inline(__always) public static func _rnnForward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ act: Int32, _ pre: UnsafePointer<Double>, _ hprev: UnsafePointer<Double>, _ hout: UnsafeMutablePointer<Double>) {
        rk_d_rnn_forward(b, h, t, lengths, act, pre, hprev, hout)
    }
    @inline(__always) public static func _rnnBackward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ act: Int32, _ hcur: UnsafePointer<Double>, _ dy: UnsafePointer<Double>?, _ ldy: Int, _ dhc: UnsafeMutablePointer<Double>, _ dpre: UnsafeMutablePointer<Double>) {
        rk_d_rnn_backward(b, h, t, lengths, act, hcur, dy, ldy, dhc, dpre)
    }
    @inline(__always) public static func _gruResetBeforeForward(_ pass: Int, _ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ xp: UnsafePointer<Double>, _ hp: UnsafeMutablePointer<Double>, _ bhh: UnsafePointer<Double>, _ gates: UnsafeMutablePointer<Double>, _ hprev: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        if pass == 1 { rk_d_gru_rz_forward(b, h, t, lengths, xp, hp, bhh, gates, hprev, out) } else { rk_d_gru_n_forward(b, h, t, lengths, xp, hp, bhh, gates, hprev, out) }
    }
    @inline(__always) public static func _gruResetBeforeBackwardN(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ gates: UnsafePointer<Double>, _ hprev: UnsafePointer<Double>, _ dy: UnsafePointer<Double>?, _ ldy: Int, _ dhc: UnsafeMutablePointer<Double>, _ dg: UnsafeMutablePointer<Double>) {
        rk_d_gru_n_backward(b, h, t, lengths, gates, hprev, dy, ldy, dhc, dg)
    }
    @inline(__always) public static func _gruResetBeforeBackwardRZ(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ gates: UnsafePointer<Double>, _ hprev: UnsafePointer<Double>, _ drh: UnsafePointer<Double>, _ dhc: UnsafeMutablePointer<Double>, _ dg: UnsafeMutablePointer<Double>) {
        rk_d_gru_rz_backward(b, h, t, lengths, gates, hprev, drh, dhc, dg)
    }
}
