import _RecurrentKernels

// The fused cell passes and the fused recurrence of `_RecurrentKernels` (`rk_cells.h`,
// `rk_recurrence.h`) for any ``TensorScalar``, dispatched as in `TensorScalar+Kernels.swift`.
// The recurrent cells call them; users do not.
extension TensorScalar {
    @inlinable @inline(__always)
    package static func recurrenceForward(_ cell: Int32, _ steps: Int, _ b: Int, _ h: Int, _ reverse: Bool, _ lengths: UnsafePointer<Int32>?, _ whh: UnsafePointer<Self>, _ bhh: UnsafePointer<Self>?, _ bias: UnsafePointer<Self>?, _ xp: UnsafeMutablePointer<Self>, _ hp: UnsafeMutablePointer<Self>?, _ gates: UnsafeMutablePointer<Self>?, _ hs: UnsafeMutablePointer<Self>, _ cs: UnsafeMutablePointer<Self>?, _ out: UnsafeMutablePointer<Self>?, _ ldo: Int) {
        if Self.self == Float.self {
            rk_s_recurrence_forward(cell, steps, b, h, reverse ? 1 : 0, lengths, fp(whh), fpo(bhh), fpo(bias), fm(xp), fmo(hp), fmo(gates), fm(hs), fmo(cs), fmo(out), ldo)
        } else {
            rk_d_recurrence_forward(cell, steps, b, h, reverse ? 1 : 0, lengths, dp(whh), dpo(bhh), dpo(bias), dm(xp), dmo(hp), dmo(gates), dm(hs), dmo(cs), dmo(out), ldo)
        }
    }

    @inlinable @inline(__always)
    package static func recurrenceBackward(_ cell: Int32, _ steps: Int, _ b: Int, _ h: Int, _ reverse: Bool, _ lengths: UnsafePointer<Int32>?, _ whh: UnsafePointer<Self>, _ xp: UnsafePointer<Self>, _ hp: UnsafePointer<Self>?, _ gates: UnsafePointer<Self>?, _ hs: UnsafePointer<Self>, _ cs: UnsafePointer<Self>?, _ dy: UnsafePointer<Self>?, _ ldy: Int, _ truncation: Int, _ dh: UnsafeMutablePointer<Self>, _ dc: UnsafeMutablePointer<Self>?, _ dg: UnsafeMutablePointer<Self>, _ dgh: UnsafeMutablePointer<Self>?, _ dbias: UnsafeMutablePointer<Self>?, _ dbiasH: UnsafeMutablePointer<Self>?, _ wih: UnsafePointer<Self>?, _ inputSize: Int, _ dx: UnsafeMutablePointer<Self>?) -> Bool {
        if Self.self == Float.self {
            rk_s_recurrence_backward(cell, steps, b, h, reverse ? 1 : 0, lengths, fp(whh), fp(xp), fpo(hp), fpo(gates), fp(hs), fpo(cs), fpo(dy), ldy, truncation, fm(dh), fmo(dc), fm(dg), fmo(dgh), fmo(dbias), fmo(dbiasH), fpo(wih), inputSize, fmo(dx)) != 0
        } else {
            rk_d_recurrence_backward(cell, steps, b, h, reverse ? 1 : 0, lengths, dp(whh), dp(xp), dpo(hp), dpo(gates), dp(hs), dpo(cs), dpo(dy), ldy, truncation, dm(dh), dmo(dc), dm(dg), dmo(dgh), dmo(dbias), dmo(dbiasH), dpo(wih), inputSize, dmo(dx)) != 0
        }
    }

    @inlinable @inline(__always)
    package static func lstmForward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ gates: UnsafeMutablePointer<Self>, _ cprev: UnsafePointer<Self>, _ hprev: UnsafePointer<Self>, _ c: UnsafeMutablePointer<Self>, _ hout: UnsafeMutablePointer<Self>) {
        if Self.self == Float.self {
            rk_s_lstm_forward(b, h, t, lengths, fm(gates), fp(cprev), fp(hprev), fm(c), fm(hout))
        } else {
            rk_d_lstm_forward(b, h, t, lengths, dm(gates), dp(cprev), dp(hprev), dm(c), dm(hout))
        }
    }

    @inlinable @inline(__always)
    package static func lstmBackward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ gates: UnsafePointer<Self>, _ cprev: UnsafePointer<Self>, _ c: UnsafePointer<Self>, _ dy: UnsafePointer<Self>?, _ ldy: Int, _ dhc: UnsafeMutablePointer<Self>, _ dc: UnsafeMutablePointer<Self>, _ dgates: UnsafeMutablePointer<Self>) {
        if Self.self == Float.self {
            rk_s_lstm_backward(b, h, t, lengths, fp(gates), fp(cprev), fp(c), fpo(dy), ldy, fm(dhc), fm(dc), fm(dgates))
        } else {
            rk_d_lstm_backward(b, h, t, lengths, dp(gates), dp(cprev), dp(c), dpo(dy), ldy, dm(dhc), dm(dc), dm(dgates))
        }
    }

    @inlinable @inline(__always)
    package static func gruForward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ xp: UnsafePointer<Self>, _ ldxp: Int, _ hp: UnsafeMutablePointer<Self>, _ bhh: UnsafePointer<Self>, _ gates: UnsafeMutablePointer<Self>, _ hprev: UnsafePointer<Self>, _ hout: UnsafeMutablePointer<Self>) {
        if Self.self == Float.self {
            rk_s_gru_forward(b, h, t, lengths, fp(xp), ldxp, fm(hp), fp(bhh), fm(gates), fp(hprev), fm(hout))
        } else {
            rk_d_gru_forward(b, h, t, lengths, dp(xp), ldxp, dm(hp), dp(bhh), dm(gates), dp(hprev), dm(hout))
        }
    }

    @inlinable @inline(__always)
    package static func gruBackward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ gates: UnsafePointer<Self>, _ hp: UnsafePointer<Self>, _ hprev: UnsafePointer<Self>, _ dy: UnsafePointer<Self>?, _ ldy: Int, _ dhc: UnsafeMutablePointer<Self>, _ dgx: UnsafeMutablePointer<Self>, _ dgh: UnsafeMutablePointer<Self>) {
        if Self.self == Float.self {
            rk_s_gru_backward(b, h, t, lengths, fp(gates), fp(hp), fp(hprev), fpo(dy), ldy, fm(dhc), fm(dgx), fm(dgh))
        } else {
            rk_d_gru_backward(b, h, t, lengths, dp(gates), dp(hp), dp(hprev), dpo(dy), ldy, dm(dhc), dm(dgx), dm(dgh))
        }
    }

    @inlinable @inline(__always)
    package static func rnnForward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ act: Int32, _ pre: UnsafePointer<Self>, _ hprev: UnsafePointer<Self>, _ hout: UnsafeMutablePointer<Self>) {
        if Self.self == Float.self {
            rk_s_rnn_forward(b, h, t, lengths, act, fp(pre), fp(hprev), fm(hout))
        } else {
            rk_d_rnn_forward(b, h, t, lengths, act, dp(pre), dp(hprev), dm(hout))
        }
    }

    @inlinable @inline(__always)
    package static func rnnBackward(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ act: Int32, _ hcur: UnsafePointer<Self>, _ dy: UnsafePointer<Self>?, _ ldy: Int, _ dhc: UnsafeMutablePointer<Self>, _ dpre: UnsafeMutablePointer<Self>) {
        if Self.self == Float.self {
            rk_s_rnn_backward(b, h, t, lengths, act, fp(hcur), fpo(dy), ldy, fm(dhc), fm(dpre))
        } else {
            rk_d_rnn_backward(b, h, t, lengths, act, dp(hcur), dpo(dy), ldy, dm(dhc), dm(dpre))
        }
    }

    @inlinable @inline(__always)
    package static func gruResetBeforeForward(_ pass: Int, _ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ xp: UnsafePointer<Self>, _ hp: UnsafeMutablePointer<Self>, _ bhh: UnsafePointer<Self>, _ gates: UnsafeMutablePointer<Self>, _ hprev: UnsafePointer<Self>, _ out: UnsafeMutablePointer<Self>) {
        if Self.self == Float.self {
            if pass == 1 { rk_s_gru_rz_forward(b, h, t, lengths, fp(xp), fm(hp), fp(bhh), fm(gates), fp(hprev), fm(out)) } else { rk_s_gru_n_forward(b, h, t, lengths, fp(xp), fm(hp), fp(bhh), fm(gates), fp(hprev), fm(out)) }
        } else {
            if pass == 1 { rk_d_gru_rz_forward(b, h, t, lengths, dp(xp), dm(hp), dp(bhh), dm(gates), dp(hprev), dm(out)) } else { rk_d_gru_n_forward(b, h, t, lengths, dp(xp), dm(hp), dp(bhh), dm(gates), dp(hprev), dm(out)) }
        }
    }

    @inlinable @inline(__always)
    package static func gruResetBeforeBackwardN(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ gates: UnsafePointer<Self>, _ hprev: UnsafePointer<Self>, _ dy: UnsafePointer<Self>?, _ ldy: Int, _ dhc: UnsafeMutablePointer<Self>, _ dg: UnsafeMutablePointer<Self>) {
        if Self.self == Float.self {
            rk_s_gru_n_backward(b, h, t, lengths, fp(gates), fp(hprev), fpo(dy), ldy, fm(dhc), fm(dg))
        } else {
            rk_d_gru_n_backward(b, h, t, lengths, dp(gates), dp(hprev), dpo(dy), ldy, dm(dhc), dm(dg))
        }
    }

    @inlinable @inline(__always)
    package static func gruResetBeforeBackwardRZ(_ b: Int, _ h: Int, _ t: Int, _ lengths: UnsafePointer<Int32>?, _ gates: UnsafePointer<Self>, _ hprev: UnsafePointer<Self>, _ drh: UnsafePointer<Self>, _ dhc: UnsafeMutablePointer<Self>, _ dg: UnsafeMutablePointer<Self>) {
        if Self.self == Float.self {
            rk_s_gru_rz_backward(b, h, t, lengths, fp(gates), fp(hprev), fp(drh), fm(dhc), fm(dg))
        } else {
            rk_d_gru_rz_backward(b, h, t, lengths, dp(gates), dp(hprev), dp(drh), dm(dhc), dm(dg))
        }
    }
}
