/// What the keywords applied to one instance have evaluated so far: the annotations that
/// `unevaluatedProperties` and `unevaluatedItems` depend on.
///
/// Properties are tracked by member position in the instance object and items by index, so
/// nothing is hashed or copied. Collection is off (`isActive == false`) unless a schema with
/// an `unevaluated*` keyword asked for it: then recording is a branch and nothing more.
struct EvaluatedLocations {
    private(set) var isActive: Bool
    private var properties = IndexBitSet()
    /// Items `0 ..< itemPrefix` are evaluated (by `prefixItems`, `items`, `unevaluatedItems`).
    private var itemPrefix = 0
    /// Further items evaluated one by one (by `contains`).
    private var items = IndexBitSet()

    static var inactive: EvaluatedLocations { EvaluatedLocations(isActive: false) }
    static var active: EvaluatedLocations { EvaluatedLocations(isActive: true) }

    private init(isActive: Bool) { self.isActive = isActive }

    mutating func markProperty(at position: Int) {
        if isActive { properties.insert(position) }
    }

    func isPropertyEvaluated(at position: Int) -> Bool { properties.contains(position) }

    mutating func markItems(below count: Int) {
        if isActive && count > itemPrefix { itemPrefix = count }
    }

    mutating func markItem(at index: Int) {
        if isActive && index >= itemPrefix { items.insert(index) }
    }

    func isItemEvaluated(at index: Int) -> Bool { index < itemPrefix || items.contains(index) }

    /// Adds what `other` (a successful subschema on the same instance) evaluated.
    mutating func merge(_ other: EvaluatedLocations) {
        guard isActive else { return }
        properties.formUnion(other.properties)
        itemPrefix = max(itemPrefix, other.itemPrefix)
        items.formUnion(other.items)
    }
}

/// A set of small non-negative integers: the first 64 inline, the rest in words allocated on demand.
struct IndexBitSet {
    private var low: UInt64 = 0
    private var high: [UInt64] = []

    mutating func insert(_ index: Int) {
        if index < 64 {
            low |= 1 << UInt64(index)
            return
        }
        let word = index / 64 - 1
        if word >= high.count { high.append(contentsOf: repeatElement(0, count: word - high.count + 1)) }
        high[word] |= 1 << UInt64(index % 64)
    }

    func contains(_ index: Int) -> Bool {
        if index < 64 { return low & (1 << UInt64(index)) != 0 }
        let word = index / 64 - 1
        return word < high.count && high[word] & (1 << UInt64(index % 64)) != 0
    }

    mutating func formUnion(_ other: IndexBitSet) {
        low |= other.low
        if other.high.count > high.count {
            high.append(contentsOf: repeatElement(0, count: other.high.count - high.count))
        }
        for (offset, word) in other.high.enumerated() { high[offset] |= word }
    }
}
