/// Millisecond arithmetic of the replay guard, shared by every store so that they prune alike.
package enum ReplayRetention {
    /// `duration` in whole milliseconds, saturating rather than trapping: a huge retention simply
    /// means "never prune".
    package static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        let (sum, sumOverflow) = product.addingReportingOverflow(attoseconds / 1_000_000_000_000_000)
        return sumOverflow ? .max : sum
    }

    /// The time before which sightings may be forgotten, `now - retention`, saturating at the
    /// earliest representable time.
    package static func cutoff(now: Int64, retention: Int64) -> Int64 {
        let (cutoff, overflow) = now.subtractingReportingOverflow(retention)
        return overflow ? .min : cutoff
    }
}
