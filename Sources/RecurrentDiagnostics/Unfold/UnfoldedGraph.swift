import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// The computation graph of a recurrent cell unrolled over N steps — the "RNN unfolding"
/// figure — with the paths along which BPTT carries the gradient back:
///
/// - **forward** edges: x_t → h_t (W_ih), h_{t−1} → h_t (W_hh), h_t → y_t (W_hy), y_t → L_t;
///   for an LSTM the memory c_{t−1} → c_t (f_t ⊙) and c_t → h_t (o_t ⊙ tanh), with x_t and
///   h_{t−1} feeding c_t through the gates i, f, g.
/// - **explicit** gradient edges: L_t → y_t → h_t, the gradient each step's own loss sends
///   straight into h_t.
/// - **implicit** gradient edges: h_t → h_{t−1} (and for an LSTM c_t → c_{t−1}, c_t → h_{t−1},
///   h_t → c_t), the gradient carried back from later steps; the factors along these paths
///   are what vanish or explode.
///
/// The same weights serve every step; the graph names them on the edges.
public struct UnfoldedGraph: Sendable, Equatable {
    /// What a node stands for.
    public enum NodeKind: String, Sendable, CaseIterable {
        /// An input x_t, a hidden state h_t, a memory cell c_t, an output y_t, or a loss L_t.
        case input, hidden, memory, output, loss
    }

    /// One value of the unrolled graph at one time step.
    public struct Node: Sendable, Equatable {
        /// A DOT-safe identifier ("h3", "c0").
        public var id: String
        /// The symbol ("x", "h", "c", "y", "L").
        public var symbol: String
        /// What the node stands for.
        public var kind: NodeKind
        /// The time step (0 for the initial state).
        public var step: Int
    }

    /// What an edge carries.
    public enum EdgeKind: String, Sendable, CaseIterable {
        /// A value flowing forward in time or up to the output and loss.
        case forward
        /// The gradient from each step's loss into its own hidden state.
        case explicitGradient = "explicit"
        /// The gradient carried back through the recurrence from later steps.
        case implicitGradient = "implicit"
    }

    /// A dependency between two nodes.
    public struct Edge: Sendable, Equatable {
        /// The ``Node/id`` of the node it leaves.
        public var from: String
        /// The ``Node/id`` of the node it enters.
        public var to: String
        /// What the edge carries.
        public var kind: EdgeKind
        /// The weight or gradient written on the edge (nil: none).
        public var label: String?
    }

    /// The cell unrolled.
    public let cell: CellKind
    /// T, the steps unrolled.
    public let steps: Int
    /// The nodes, initial state first, then step by step.
    public private(set) var nodes: [Node] = []
    /// The forward and gradient edges.
    public private(set) var edges: [Edge] = []

    /// The graph of `cell` unrolled over `steps` (≥ 1) steps.
    public init(cell: CellKind, steps: Int) {
        precondition(steps >= 1, "UnfoldedGraph needs at least one step")
        self.cell = cell
        self.steps = steps
        let lstm = cell == .lstm
        nodes.append(Node(id: "h0", symbol: "h", kind: .hidden, step: 0))
        if lstm { nodes.append(Node(id: "c0", symbol: "c", kind: .memory, step: 0)) }
        for t in 1...steps {
            nodes.append(Node(id: "x\(t)", symbol: "x", kind: .input, step: t))
            if lstm { nodes.append(Node(id: "c\(t)", symbol: "c", kind: .memory, step: t)) }
            nodes += [Node(id: "h\(t)", symbol: "h", kind: .hidden, step: t),
                      Node(id: "y\(t)", symbol: "y", kind: .output, step: t),
                      Node(id: "L\(t)", symbol: "L", kind: .loss, step: t)]
            let p = t - 1
            func add(_ from: String, _ to: String, _ kind: EdgeKind, _ label: String?) {
                edges.append(Edge(from: from, to: to, kind: kind, label: label))
            }
            if lstm {
                add("x\(t)", "c\(t)", .forward, "W_ih (i, f, g)")
                add("h\(p)", "c\(t)", .forward, "W_hh (i, f, g)")
                add("c\(p)", "c\(t)", .forward, "f ⊙")
                add("c\(t)", "h\(t)", .forward, "o ⊙ tanh")
                add("x\(t)", "h\(t)", .forward, "o")
                add("h\(p)", "h\(t)", .forward, "o")
            } else {
                add("x\(t)", "h\(t)", .forward, "W_ih")
                add("h\(p)", "h\(t)", .forward, cell == .gru ? "W_hh (r, z, n)" : "W_hh")
            }
            add("h\(t)", "y\(t)", .forward, "W_hy")
            add("y\(t)", "L\(t)", .forward, nil)
            add("L\(t)", "y\(t)", .explicitGradient, "∂L_\(t)/∂y_\(t)")
            add("y\(t)", "h\(t)", .explicitGradient, "W_hyᵀ")
            if lstm {
                add("h\(t)", "c\(t)", .implicitGradient, "o ⊙ tanh′")
                add("c\(t)", "c\(p)", .implicitGradient, "f_\(t) ⊙")
                add("c\(t)", "h\(p)", .implicitGradient, "gates")
                add("h\(t)", "h\(p)", .implicitGradient, "via o")
            } else {
                add("h\(t)", "h\(p)", .implicitGradient, cell == .gru ? "z_\(t) ⊙ + …" : "W_hhᵀ·diag(f′)")
            }
        }
    }

    /// The node with an id.
    public func node(_ id: String) -> Node? { nodes.first { $0.id == id } }

    /// A one-line description of the colours and line styles, for captions.
    public static let legend: [(EdgeKind, String)] = [
        (.forward, "forward computation (weights shared by every step)"),
        (.explicitGradient, "explicit gradient: from each step's loss L_t through y_t into h_t"),
        (.implicitGradient, "implicit gradient: carried back from later steps through the recurrence h(t−1) → h(t) (and c for an LSTM)"),
    ]

    /// The colour of an edge kind.
    public static func color(_ kind: EdgeKind) -> String {
        switch kind {
        case .forward: return "#333333"
        case .explicitGradient: return "#d62728"
        case .implicitGradient: return "#1f77b4"
        }
    }

    /// The cell's display name.
    var cellName: String {
        switch cell {
        case .rnnTanh: return "RNN (tanh)"
        case .rnnReLU: return "RNN (ReLU)"
        case .lstm: return "LSTM"
        case .gru: return "GRU"
        }
    }
}
