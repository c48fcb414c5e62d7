import Foundation
import LienthongCore

/// Remembers chains that verified, so a peer's certificates are parsed and path-validated once
/// rather than on every message. `Key` is what names the chain in a JWS: the `x5c` strings, or the
/// `x5t#S256` thumbprint of a presented certificate.
///
/// An entry is only reused at times inside the validity of every certificate in its chain, so a
/// cached chain expires exactly when a fresh verification would fail. The trust store of a
/// verifier never changes, so nothing else can invalidate an entry. The cache is bounded: when
/// full it starts over.
///
/// `@unchecked Sendable` is safe because every access to `entries` holds `lock`.
final class VerifiedChainCache<Key: Hashable & Sendable>: @unchecked Sendable {
    struct Entry {
        let chain: [Certificate]
        let key: PublicKey
        let agency: AgencyCode
        let validity: ClosedRange<Date>
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The entry for exactly this key, if it is valid at `date`.
    func entry(for key: Key, at date: Date) -> Entry? {
        guard capacity > 0 else { return nil }
        let entry = lock.withLock { entries[key] }
        guard let entry, entry.validity.contains(date) else { return nil }
        return entry
    }

    /// Remembers a verified chain; `anchoredChain` is the chain up to and including the trust anchor.
    func store(_ key: Key, chain: [Certificate], anchoredChain: [Certificate], publicKey: PublicKey, agency: AgencyCode) {
        guard capacity > 0,
              let start = anchoredChain.map(\.notBefore).max(), let end = anchoredChain.map(\.notAfter).min(), start <= end
        else { return }
        let entry = Entry(chain: chain, key: publicKey, agency: agency, validity: start...end)
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }
}
