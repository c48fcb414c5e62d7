import Testing
@testable import LienthongCrypto

@Suite("Key generation")
struct KeyGenerationTests {
    @Test("generates each supported key type", arguments: [KeyType.p256, .ed25519, .rsa(bits: 2048), .rsa(bits: 3072)])
    func generatesKeyType(_ type: KeyType) throws {
        let key = try PrivateKey.generate(type)
        #expect(key.type == type)
        #expect(key.publicKey.type == type)
        #expect(key.supportedAlgorithms == type.signatureAlgorithms)
    }

    @Test("generates a 4096-bit RSA key")
    func generatesRSA4096() throws {
        let key = try PrivateKey.generate(.rsa(bits: 4096))
        #expect(key.type == .rsa(bits: 4096))
        #expect(key.publicKey.derEncoded.count > 500)
    }

    @Test("two generated keys differ")
    func keysAreRandom() throws {
        let first = try PrivateKey.generate(.p256)
        let second = try PrivateKey.generate(.p256)
        #expect(first.publicKey != second.publicKey)
    }

    @Test("refuses RSA sizes it does not offer", arguments: [1024, 2047, 2049, 8192])
    func refusesRSASize(_ bits: Int) {
        expectError(KeyError.self) { try PrivateKey.generate(.rsa(bits: bits)) } matches: {
            $0 == .unsupportedRSAKeySize(bits: bits)
        }
    }

    @Test("each key type lists the algorithms it can sign with")
    func algorithmsPerKeyType() {
        #expect(KeyType.p256.signatureAlgorithms == [.es256])
        #expect(KeyType.ed25519.signatureAlgorithms == [.edDSA])
        #expect(KeyType.rsa(bits: 2048).signatureAlgorithms == [.rs256, .ps256])
    }
}
