import Testing
@testable import LienthongCrypto

@Suite("Public keys")
struct PublicKeyTests {
    @Test("SPKI PEM and DER round-trip", arguments: [KeyType.p256, .ed25519, .rsa(bits: 2048)])
    func roundTrip(_ type: KeyType) throws {
        let publicKey = try TestKeys.key(type).publicKey
        #expect(publicKey.pemEncoded.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        #expect(try PublicKey(pemEncoded: publicKey.pemEncoded) == publicKey)
        #expect(try PublicKey(derEncoded: publicKey.derEncoded) == publicKey)
        #expect(try PublicKey(derEncoded: publicKey.derEncoded).type == type)
    }

    @Test("DER with trailing bytes or garbage is refused")
    func malformedDER() throws {
        let der = try TestKeys.key(.p256).publicKey.derEncoded
        expectError(KeyError.self) { try PublicKey(derEncoded: der + [0]) } matches: {
            if case .malformedDER = $0 { true } else { false }
        }
        expectError(KeyError.self) { try PublicKey(derEncoded: [0x30, 0x03, 0x02, 0x01]) } matches: {
            if case .malformedDER = $0 { true } else { false }
        }
        expectError(KeyError.self) { try PublicKey(derEncoded: []) } matches: {
            if case .malformedDER = $0 { true } else { false }
        }
    }

    @Test("a private key PEM is not a public key")
    func wrongLabel() throws {
        let pem = try TestKeys.key(.ed25519).pemEncoded()
        expectError(KeyError.self) { try PublicKey(pemEncoded: pem) } matches: {
            $0 == .unexpectedPEMLabel(found: "PRIVATE KEY", expected: ["PUBLIC KEY"])
        }
    }
}
