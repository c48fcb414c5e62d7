/// Facts about a parsed pattern that let a match skip work: a plain literal needs no automaton,
/// a literal every match contains rules inputs out with one scan, and a leading `^` stops the
/// search after the first position.
enum PatternAnalysis {
    /// A pattern that is only a literal, optionally anchored: answered by comparing bytes.
    enum LiteralPlan: Sendable, Equatable {
        case contains([UInt8])
        case prefix([UInt8])
        case suffix([UInt8])
        case equal([UInt8])

        func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            switch self {
            case .contains(let literal):
                return UTF8Input.firstOffset(of: literal, in: bytes) != nil
            case .prefix(let literal):
                return bytes.count >= literal.count && literal.indices.allSatisfy { bytes[$0] == literal[$0] }
            case .suffix(let literal):
                let offset = bytes.count - literal.count
                return offset >= 0 && literal.indices.allSatisfy { bytes[offset + $0] == literal[$0] }
            case .equal(let literal):
                return bytes.count == literal.count && literal.indices.allSatisfy { bytes[$0] == literal[$0] }
            }
        }
    }

    /// The plan for `^?literal$?`, or nil for any other pattern.
    static func literalPlan(_ node: RegexNode) -> LiteralPlan? {
        var parts: [RegexNode]
        switch node {
        case .concatenation(let nodes): parts = nodes
        case .scalar, .inputStart, .inputEnd: parts = [node]
        default: return nil
        }
        let anchoredStart = parts.first == .inputStart
        if anchoredStart { parts.removeFirst() }
        let anchoredEnd = parts.last == .inputEnd
        if anchoredEnd { parts.removeLast() }
        var values: [UInt32] = []
        for part in parts {
            guard case .scalar(let value) = part else { return nil }
            values.append(value)
        }
        guard let literal = UTF8Input.encode(values) else { return nil }
        switch (anchoredStart, anchoredEnd) {
        case (false, false): return .contains(literal)
        case (true, false): return .prefix(literal)
        case (false, true): return .suffix(literal)
        case (true, true): return .equal(literal)
        }
    }

    /// The UTF-8 of the longest literal that every match contains (empty when there is none).
    static func requiredLiteral(_ node: RegexNode) -> [UInt8] {
        UTF8Input.encode(requiredScalars(node)) ?? []
    }

    private static func requiredScalars(_ node: RegexNode) -> [UInt32] {
        switch node {
        case .scalar(let value):
            return [value]
        case .group(let body, _):
            return requiredScalars(body)
        case .repetition(let body, let min, _, _) where min >= 1:
            return requiredScalars(body)
        case .concatenation(let nodes):
            var best: [UInt32] = []
            var run: [UInt32] = []
            for child in nodes {
                if case .scalar(let value) = child {
                    run.append(value)
                    continue
                }
                // Assertions consume nothing, so the literals on either side stay adjacent.
                if child.isAssertion { continue }
                if run.count > best.count { best = run }
                run = []
                let inner = requiredScalars(child)
                if inner.count > best.count { best = inner }
            }
            return run.count > best.count ? run : best
        default:
            return []
        }
    }

    /// True when every match starts at offset 0 because each path begins with `^`.
    static func isAnchoredAtStart(_ node: RegexNode) -> Bool {
        switch node {
        case .inputStart: return true
        case .concatenation(let nodes): return nodes.first.map(isAnchoredAtStart) ?? false
        case .alternation(let nodes): return nodes.allSatisfy(isAnchoredAtStart)
        case .group(let body, _): return isAnchoredAtStart(body)
        case .repetition(let body, let min, _, _): return min >= 1 && isAnchoredAtStart(body)
        default: return false
        }
    }
}

extension RegexNode {
    /// True for nodes that test a position without consuming input.
    var isAssertion: Bool {
        switch self {
        case .inputStart, .inputEnd, .wordBoundary, .lookaround: return true
        default: return false
        }
    }
}
