/// A schema compiled once into an immutable graph of keyword evaluators, ready to validate any
/// number of instances from any number of tasks at once.
///
/// Nodes refer to each other by index, so recursive schemas (`$ref` cycles through objects and
/// arrays) are plain data. Build one with `JSONSchemaValidator`.
public final class CompiledSchema: Sendable {
    let nodes: [SchemaNode]
    let root: NodeID
    /// False when no `$dynamicRef` / `$recursiveRef` is reachable, so evaluation skips the scope stack.
    let usesDynamicScope: Bool
    /// For each `$dynamicAnchor` name that a `$dynamicRef` uses (by index): schema resource →
    /// the node carrying the anchor.
    let dynamicAnchors: [[Int: NodeID]]
    /// Schema resources whose root has `"$recursiveAnchor": true` (2019-09) → that root.
    let recursiveAnchors: [Int: NodeID]
    /// Nesting of schema evaluations beyond which an instance is rejected instead of recursing
    /// further (keeps deeply nested instances from exhausting the stack).
    let maxDepth: Int

    init(
        nodes: [SchemaNode], root: NodeID, usesDynamicScope: Bool, dynamicAnchors: [[Int: NodeID]],
        recursiveAnchors: [Int: NodeID], maxDepth: Int
    ) {
        self.nodes = nodes
        self.root = root
        self.usesDynamicScope = usesDynamicScope
        self.dynamicAnchors = dynamicAnchors
        self.recursiveAnchors = recursiveAnchors
        self.maxDepth = maxDepth
    }

    /// The number of compiled schema nodes (each object or boolean schema reached, once).
    public var nodeCount: Int { nodes.count }
}
