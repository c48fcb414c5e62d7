import Testing
@testable import LienthongCrypto

@Suite("Signing and verifying bytes")
struct SigningTests {
    let message = Array("{\"SoDinhDanh\":\"001099012345\"}".utf8)

    @Test("a signature verifies and has the JOSE length", arguments: SignatureAlgorithm.allCases)
    func signAndVerify(_ algorithm: SignatureAlgorithm) throws {
        let key = try TestKeys.key(for: algorithm)
        let signature = try key.signature(for: message, algorithm: algorithm)
        #expect(signature.count == (algorithm == .es256 || algorithm == .edDSA ? 64 : 256))
        #expect(try key.publicKey.isValidSignature(signature, for: message, algorithm: algorithm))
    }

    @Test("a changed message byte or signature byte fails", arguments: SignatureAlgorithm.allCases)
    func tamperingFails(_ algorithm: SignatureAlgorithm) throws {
        let key = try TestKeys.key(for: algorithm)
        let signature = try key.signature(for: message, algorithm: algorithm)
        var changedMessage = message
        changedMessage[3] ^= 0x01
        #expect(try !key.publicKey.isValidSignature(signature, for: changedMessage, algorithm: algorithm))
        var changedSignature = signature
        changedSignature[changedSignature.count - 1] ^= 0x01
        #expect(try !key.publicKey.isValidSignature(changedSignature, for: message, algorithm: algorithm))
    }

    @Test("another key's signature fails", arguments: SignatureAlgorithm.allCases)
    func otherKeyFails(_ algorithm: SignatureAlgorithm) throws {
        let other = try PrivateKey.generate(algorithm == .es256 ? .p256 : algorithm == .edDSA ? .ed25519 : .rsa(bits: 2048))
        let signature = try other.signature(for: message, algorithm: algorithm)
        #expect(try !TestKeys.key(for: algorithm).publicKey.isValidSignature(signature, for: message, algorithm: algorithm))
    }

    @Test("the empty message can be signed", arguments: SignatureAlgorithm.allCases)
    func emptyMessage(_ algorithm: SignatureAlgorithm) throws {
        let key = try TestKeys.key(for: algorithm)
        let signature = try key.signature(for: [], algorithm: algorithm)
        #expect(try key.publicKey.isValidSignature(signature, for: [], algorithm: algorithm))
        #expect(try !key.publicKey.isValidSignature(signature, for: [0], algorithm: algorithm))
    }

    @Test("RS256 and PS256 signatures are not interchangeable")
    func rsaPaddingsDiffer() throws {
        let key = try TestKeys.key(.rsa(bits: 2048))
        let pkcs1 = try key.signature(for: message, algorithm: .rs256)
        #expect(try !key.publicKey.isValidSignature(pkcs1, for: message, algorithm: .ps256))
        let pss = try key.signature(for: message, algorithm: .ps256)
        #expect(try !key.publicKey.isValidSignature(pss, for: message, algorithm: .rs256))
        // PKCS#1 v1.5 is deterministic, PSS is salted.
        #expect(try key.signature(for: message, algorithm: .rs256) == pkcs1)
        #expect(try key.signature(for: message, algorithm: .ps256) != pss)
    }

    @Test("an algorithm of another key type is refused both ways")
    func algorithmConfusion() throws {
        let ec = try TestKeys.key(.p256)
        expectError(SignatureError.self) { try ec.signature(for: message, algorithm: .rs256) } matches: {
            $0 == .algorithmDoesNotMatchKey(algorithm: .rs256, keyType: .p256)
        }
        let signature = try ec.signature(for: message, algorithm: .es256)
        expectError(SignatureError.self) {
            try TestKeys.key(.ed25519).publicKey.isValidSignature(signature, for: message, algorithm: .es256)
        } matches: { $0 == .algorithmDoesNotMatchKey(algorithm: .es256, keyType: .ed25519) }
    }

    @Test("a signature of the wrong length is refused", arguments: SignatureAlgorithm.allCases)
    func wrongLength(_ algorithm: SignatureAlgorithm) throws {
        let key = try TestKeys.key(for: algorithm)
        let signature = try key.signature(for: message, algorithm: algorithm)
        for bad in [Array(signature.dropLast()), signature + [0], []] {
            expectError(SignatureError.self) {
                try key.publicKey.isValidSignature(bad, for: message, algorithm: algorithm)
            } matches: {
                $0 == .invalidSignatureLength(algorithm: algorithm, expected: signature.count, actual: bad.count)
            }
        }
    }

    @Test("an ES256 signature of zeros or of the curve order is invalid, not a crash")
    func degenerateECDSA() throws {
        let key = try TestKeys.key(.p256).publicKey
        #expect(try !key.isValidSignature([UInt8](repeating: 0, count: 64), for: message, algorithm: .es256))
        #expect(try !key.isValidSignature([UInt8](repeating: 0xFF, count: 64), for: message, algorithm: .es256))
    }

    @Test("ES256 signatures are raw R||S that round-trip through DER")
    func ecdsaEncoding() throws {
        let raw = try TestKeys.key(.p256).signature(for: message, algorithm: .es256)
        let der = try ECDSASignatureEncoding.der(fromRaw: raw)
        #expect(der.first == 0x30)
        #expect(try ECDSASignatureEncoding.raw(fromDER: der) == raw)
        expectError(SignatureError.self) { try ECDSASignatureEncoding.der(fromRaw: Array(raw.prefix(63))) } matches: {
            $0 == .invalidSignatureLength(algorithm: .es256, expected: 64, actual: 63)
        }
    }

    @Test("unknown algorithm names list the supported ones")
    func unknownAlgorithm() throws {
        #expect(try SignatureAlgorithm(name: "PS256") == .ps256)
        for name in ["HS256", "none", "es256", "ES384", ""] {
            expectError(SignatureError.self) { try SignatureAlgorithm(name: name) } matches: {
                $0 == .unknownAlgorithm(name: name)
                    && $0.description.contains("supported: ES256, EdDSA, RS256, PS256")
            }
        }
    }
}
