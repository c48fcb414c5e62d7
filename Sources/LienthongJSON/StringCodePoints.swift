// Swift's `String ==` uses Unicode canonical equivalence ("é" precomposed equals "e" + U+0301),
// while JSON compares strings and object keys code point by code point (RFC 8259 §8.3) and
// JSON Schema's `const`, `enum` and `properties` follow JSON. These helpers give JSON's rule.

extension String {
    /// True when both strings hold the same sequence of Unicode code points.
    func hasSameCodePoints(as other: String) -> Bool {
        let lhs = utf8, rhs = other.utf8
        guard lhs.count == rhs.count else { return false }
        let contiguous = lhs.withContiguousStorageIfAvailable { lhsBytes in
            rhs.withContiguousStorageIfAvailable { rhsBytes in lhsBytes.elementsEqual(rhsBytes) }
        }
        if let contiguous, let result = contiguous { return result }
        return lhs.elementsEqual(rhs)
    }

    /// Hashes the code points (as UTF-8), consistent with `hasSameCodePoints`.
    func hashCodePoints(into hasher: inout Hasher) {
        let bytes = utf8
        hasher.combine(bytes.count)
        let hashed: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            hasher.combine(bytes: UnsafeRawBufferPointer(buffer))
        }
        if hashed == nil {
            // Only bridged strings land here; hash the same bytes the same way.
            Array(bytes).withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}

/// An object key in a dictionary, compared by code points rather than canonical equivalence.
struct JSONObjectKey: Hashable, Sendable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (lhs: JSONObjectKey, rhs: JSONObjectKey) -> Bool {
        lhs.string.hasSameCodePoints(as: rhs.string)
    }

    func hash(into hasher: inout Hasher) { string.hashCodePoints(into: &hasher) }
}
