/// Operations on lists of scalar-value ranges, the building block of character classes.
///
/// Values are `UInt32` rather than `Unicode.Scalar` because a pattern may name lone surrogates
/// (`\uD800`), which are not scalars but are still members of a class range.
enum ScalarRanges {
    /// The largest code point.
    static let maxValue: UInt32 = 0x10_FFFF

    /// Sorts `ranges` and merges overlapping or adjacent ones.
    static func normalized(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var result: [ClosedRange<UInt32>] = []
        result.reserveCapacity(sorted.count)
        for range in sorted {
            if let last = result.last, range.lowerBound <= last.upperBound &+ 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// Every code point not in `ranges`.
    static func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        var exhausted = false
        for range in normalized(ranges) {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            if range.upperBound >= maxValue {
                exhausted = true
                break
            }
            next = range.upperBound + 1
        }
        if !exhausted { result.append(next...maxValue) }
        return result
    }

    /// The code points in `ranges` that are not in `removed`.
    static func subtracting(_ removed: [ClosedRange<UInt32>], from ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        intersection(ranges, complement(removed))
    }

    /// The code points in both lists.
    static func intersection(_ a: [ClosedRange<UInt32>], _ b: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let left = normalized(a)
        let right = normalized(b)
        var result: [ClosedRange<UInt32>] = []
        var i = 0
        var j = 0
        while i < left.count, j < right.count {
            let low = max(left[i].lowerBound, right[j].lowerBound)
            let high = min(left[i].upperBound, right[j].upperBound)
            if low <= high { result.append(low...high) }
            if left[i].upperBound < right[j].upperBound { i += 1 } else { j += 1 }
        }
        return result
    }

    /// Whether `value` lies in one of the sorted, disjoint `ranges` (binary search).
    @inline(__always)
    static func contains(_ value: UInt32, in ranges: UnsafeBufferPointer<ClosedRange<UInt32>>) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let mid = (low + high) >> 1
            let range = ranges[mid]
            if value < range.lowerBound {
                high = mid
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
