@testable import LienthongCrypto

/// Keys generated once per test process: RSA generation is slow enough to be worth sharing.
enum TestKeys {
    private static let p256 = Result { try PrivateKey.generate(.p256) }
    private static let ed25519 = Result { try PrivateKey.generate(.ed25519) }
    private static let rsa2048 = Result { try PrivateKey.generate(.rsa(bits: 2048)) }

    /// A shared key of `type` (`.rsa` always gives the 2048-bit one).
    static func key(_ type: KeyType) throws -> PrivateKey {
        switch type {
        case .p256: try p256.get()
        case .ed25519: try ed25519.get()
        case .rsa: try rsa2048.get()
        }
    }

    /// A shared key that signs with `algorithm`.
    static func key(for algorithm: SignatureAlgorithm) throws -> PrivateKey {
        switch algorithm {
        case .es256: try key(.p256)
        case .edDSA: try key(.ed25519)
        case .rs256, .ps256: try key(.rsa(bits: 2048))
        }
    }
}
