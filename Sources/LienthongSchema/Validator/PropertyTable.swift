/// A fixed map from property names to schema nodes, built once per `properties` keyword.
///
/// Compares names by Unicode code points, as JSON does (Swift's `Dictionary<String, _>` would
/// match canonically equivalent names, "é" precomposed and decomposed, which are different
/// JSON property names), and hashes with FNV-1a over the UTF-8 bytes, several times cheaper
/// than `Hasher` for the short names schemas use. The names' bytes sit in one buffer, so a
/// lookup touches no reference counts. The table is never written after compilation, so
/// instance keys cannot degrade it: a lookup probes at most the longest collision chain of the
/// schema's own names, kept short by a load factor of at most one half.
/// A class: reading it out of a keyword then costs one reference count, not one per array.
final class PropertyTable: Sendable {
    /// The UTF-8 bytes of all names, back to back; entry `i` spans `offsets[i] ..< offsets[i + 1]`.
    private let bytes: [UInt8]
    private let offsets: [Int]
    private let nodes: [NodeID]
    /// The names, for messages only.
    let names: [String]
    /// Open addressing: each slot holds an entry index + 1, or 0 when empty.
    private let slots: [Int32]
    private let mask: Int

    /// A table of `entries`; for a repeated name the first entry wins.
    init(_ entries: [(name: String, node: NodeID)]) {
        var capacity = 4
        while capacity < entries.count * 2 { capacity *= 2 }
        var table = PropertyTableBuilder(capacity: capacity)
        for entry in entries { table.insert(entry.name, entry.node) }
        bytes = table.bytes
        offsets = table.offsets
        nodes = table.nodes
        names = table.names
        slots = table.slots
        mask = capacity - 1
    }

    var count: Int { nodes.count }

    /// The entry index of property `name`, if the table has it.
    func entry(for name: String) -> Int? {
        CodePointBytes.with(name) { key in
            bytes.withUnsafeBufferPointer { stored in
                var slot = CodePointBytes.hash(key) & mask
                while true {
                    let entry = Int(slots[slot]) - 1
                    if entry < 0 { return nil }
                    let start = offsets[entry]
                    let name = UnsafeBufferPointer(rebasing: stored[start..<offsets[entry + 1]])
                    if CodePointBytes.equal(name, key) { return entry }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    func node(at entry: Int) -> NodeID { nodes[entry] }

    func contains(_ name: String) -> Bool { entry(for: name) != nil }
}

/// The mutable state of building a `PropertyTable`.
private struct PropertyTableBuilder {
    var bytes: [UInt8] = []
    var offsets: [Int] = [0]
    var nodes: [NodeID] = []
    var names: [String] = []
    var slots: [Int32]

    init(capacity: Int) {
        slots = [Int32](repeating: 0, count: capacity)
    }

    mutating func insert(_ name: String, _ node: NodeID) {
        let key = Array(name.utf8)
        let mask = slots.count - 1
        var slot = key.withUnsafeBufferPointer { CodePointBytes.hash($0) } & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if bytes[offsets[entry]..<offsets[entry + 1]].elementsEqual(key) { return }
            slot = (slot + 1) & mask
        }
        bytes += key
        offsets.append(bytes.count)
        nodes.append(node)
        names.append(name)
        slots[slot] = Int32(nodes.count)
    }
}

/// Byte-level helpers on UTF-8 text: code-point equality is byte equality.
enum CodePointBytes {
    /// Calls `body` with the string's UTF-8 bytes, without copying native strings.
    @inline(__always)
    static func with<Result>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(string.utf8).withUnsafeBufferPointer(body)
    }

    /// FNV-1a (64-bit), folded to an `Int`.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    /// Byte equality, eight bytes at a time.
    @inline(__always)
    static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = lhs.count
        guard count == rhs.count else { return false }
        guard count > 0, let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        let leftRaw = UnsafeRawPointer(left)
        let rightRaw = UnsafeRawPointer(right)
        var offset = 0
        while offset + 8 <= count {
            if leftRaw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != rightRaw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < count {
            if left[offset] != right[offset] { return false }
            offset += 1
        }
        return true
    }
}
