/// Finds loops among in-place applicators (`$ref`, `allOf`, `not`, `if`, …): schemas that apply
/// each other to the same instance. Such a loop never consumes any of the instance, so
/// evaluation could only end by exhausting the stack; the schema is rejected at compile time.
/// (Loops through `properties`, `items` and the like are fine: each step goes one level deeper
/// into a finite instance.)
struct ReferenceCycleDetector {
    private enum Mark { case unvisited, onPath, done }

    let edges: [[NodeID]]

    /// Calls `report` with the first loop found, as the nodes around it, starting and ending
    /// with the same node. Iterative depth-first search: no recursion along the schema.
    func check<Failure: Error>(report: ([NodeID]) throws(Failure) -> Void) throws(Failure) {
        var marks = [Mark](repeating: .unvisited, count: edges.count)
        for start in edges.indices where marks[start] == .unvisited {
            // Each frame: a node and the index of its next edge to follow.
            var path: [(node: NodeID, nextEdge: Int)] = [(start, 0)]
            marks[start] = .onPath
            while let top = path.last {
                let outgoing = edges[top.node]
                guard top.nextEdge < outgoing.count else {
                    marks[top.node] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].nextEdge += 1
                let next = outgoing[top.nextEdge]
                switch marks[next] {
                case .unvisited:
                    marks[next] = .onPath
                    path.append((next, 0))
                case .onPath:
                    let loopStart = path.firstIndex { $0.node == next } ?? 0
                    try report(path[loopStart...].map(\.node) + [next])
                    return
                case .done:
                    continue
                }
            }
        }
    }
}
