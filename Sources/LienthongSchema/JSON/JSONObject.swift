/// A JSON object: members in document order, with lookup by key.
/// Duplicate keys: the parser refuses them (RFC 8259 leaves them undefined; refusing is safest).
/// Keys are compared by Unicode code points, like JSON strings.
public struct JSONObject: Sendable, Hashable, Sequence {
    public private(set) var members: [(key: String, value: JSONValue)]
    /// Key → position in `members`; only built once the object outgrows `linearSearchLimit`,
    /// because most objects are small and a scan beats hashing and allocating a dictionary.
    private var index: [JSONObjectKey: Int]
    private static let linearSearchLimit = 16

    /// Builds an object from members in order; a repeated key keeps its first position and
    /// its last value.
    public init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = []
        self.index = [:]
        self.members.reserveCapacity(members.count)
        for member in members { self[member.key] = member.value }
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            if let position = position(of: key) {
                if let newValue { members[position].value = newValue } else {
                    members.remove(at: position)
                    rebuildIndex()
                }
            } else if let newValue {
                _ = insertNew(key: key, value: newValue)
            }
        }
    }

    /// The position of a key that repeats an earlier one.
    struct DuplicateKey: Error {
        let position: Int
    }

    /// Builds an object from the parser's members in one allocation, refusing repeated keys.
    init(uniqueMembers: ArraySlice<(key: String, value: JSONValue)>) throws(DuplicateKey) {
        self.members = Array(uniqueMembers)
        self.index = [:]
        if members.count <= Self.linearSearchLimit {
            for later in members.indices.dropFirst() {
                for earlier in 0..<later where members[earlier].key.hasSameCodePoints(as: members[later].key) {
                    throw DuplicateKey(position: later)
                }
            }
        } else {
            index = Dictionary(minimumCapacity: members.count)
            for (position, member) in members.enumerated()
            where index.updateValue(position, forKey: JSONObjectKey(member.key)) != nil {
                throw DuplicateKey(position: position)
            }
        }
    }

    /// Appends a member unless the key is already present; returns false (and changes nothing)
    /// when it is.
    mutating func insertNew(key: String, value: JSONValue) -> Bool {
        if index.isEmpty {
            if position(of: key) != nil { return false }
            members.append((key, value))
            if members.count > Self.linearSearchLimit { rebuildIndex() }
            return true
        }
        let wrappedKey = JSONObjectKey(key)
        if let existing = index.updateValue(members.count, forKey: wrappedKey) {
            index[wrappedKey] = existing
            return false
        }
        members.append((key, value))
        return true
    }

    private func position(of key: String) -> Int? {
        if index.isEmpty {
            return members.firstIndex { $0.key.hasSameCodePoints(as: key) }
        }
        return index[JSONObjectKey(key)]
    }

    private mutating func rebuildIndex() {
        guard members.count > Self.linearSearchLimit else {
            index = [:]
            return
        }
        index = Dictionary(minimumCapacity: members.count)
        for (position, member) in members.enumerated() { index[JSONObjectKey(member.key)] = position }
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> { members.makeIterator() }

    /// Objects are equal when they hold the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.members where rhs[key] != value { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent, consistent with ==.
        hasher.combine(count)
        var combined = 0
        for (key, value) in members {
            var h = Hasher()
            key.hashCodePoints(into: &h)
            h.combine(value)
            combined ^= h.finalize()
        }
        hasher.combine(combined)
    }
}
