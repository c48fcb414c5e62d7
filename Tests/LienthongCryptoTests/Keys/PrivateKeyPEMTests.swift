import Testing
@testable import LienthongCrypto

@Suite("Private key PEM")
struct PrivateKeyPEMTests {
    @Test("PKCS#8 PEM round-trips", arguments: [KeyType.p256, .ed25519, .rsa(bits: 2048)])
    func plainRoundTrip(_ type: KeyType) throws {
        let key = try TestKeys.key(type)
        let pem = try key.pemEncoded()
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        let loaded = try PrivateKey(pemEncoded: pem)
        #expect(loaded.type == key.type)
        #expect(loaded.publicKey == key.publicKey)
    }

    @Test("encrypted PKCS#8 PEM round-trips with the passphrase", arguments: [KeyType.p256, .ed25519, .rsa(bits: 2048)])
    func encryptedRoundTrip(_ type: KeyType) throws {
        let key = try TestKeys.key(type)
        let pem = try key.pemEncoded(passphrase: "mật khẩu đúng")
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"))
        let loaded = try PrivateKey(pemEncoded: pem, passphrase: "mật khẩu đúng")
        #expect(loaded.publicKey == key.publicKey)
    }

    @Test("a plain key loads even when a passphrase is given")
    func passphraseIgnoredForPlainKey() throws {
        let key = try TestKeys.key(.p256)
        let loaded = try PrivateKey(pemEncoded: try key.pemEncoded(), passphrase: "unused")
        #expect(loaded.publicKey == key.publicKey)
    }

    @Test("an encrypted PKCS#8 key with the wrong passphrase is refused")
    func wrongPassphrase() throws {
        let pem = try TestKeys.key(.p256).pemEncoded(passphrase: "right")
        expectError(KeyError.self) { try PrivateKey(pemEncoded: pem, passphrase: "wrong") } matches: {
            $0 == .wrongPassphrase
        }
    }

    @Test("an encrypted PKCS#8 key without a passphrase asks for one")
    func missingPassphrase() throws {
        let pem = try TestKeys.key(.ed25519).pemEncoded(passphrase: "right")
        expectError(KeyError.self) { try PrivateKey(pemEncoded: pem) } matches: { $0 == .passphraseRequired }
    }

    @Test("an empty passphrase is refused for encryption")
    func emptyPassphrase() throws {
        let key = try TestKeys.key(.p256)
        expectError(KeyError.self) { try key.pemEncoded(passphrase: "") } matches: {
            $0 == .unusablePassphrase(reason: "the passphrase is empty")
        }
    }

    @Test("traditional EC and RSA keys load")
    func traditionalKeys() throws {
        let ec = try PrivateKey(pemEncoded: KeyFixtures.ecTraditional)
        #expect(ec.type == .p256)
        let rsa = try PrivateKey(pemEncoded: KeyFixtures.rsaTraditional)
        #expect(rsa.type == .rsa(bits: 2048))
    }

    @Test("traditional encrypted keys load with the passphrase and match the plain ones")
    func traditionalEncryptedKeys() throws {
        let ec = try PrivateKey(pemEncoded: KeyFixtures.ecTraditionalEncrypted, passphrase: KeyFixtures.passphrase)
        #expect(ec.type == .p256)
        let rsa = try PrivateKey(pemEncoded: KeyFixtures.rsaTraditionalEncrypted, passphrase: KeyFixtures.passphrase)
        #expect(rsa.type == .rsa(bits: 2048))
        // Re-exported as PKCS#8 they still load: the traditional form is only an input format.
        #expect(try PrivateKey(pemEncoded: rsa.pemEncoded()).publicKey == rsa.publicKey)
    }

    @Test("traditional encrypted keys: wrong or missing passphrase")
    func traditionalEncryptedErrors() {
        expectError(KeyError.self) {
            try PrivateKey(pemEncoded: KeyFixtures.ecTraditionalEncrypted, passphrase: "nope")
        } matches: { $0 == .wrongPassphrase }
        expectError(KeyError.self) {
            try PrivateKey(pemEncoded: KeyFixtures.rsaTraditionalEncrypted)
        } matches: { $0 == .passphraseRequired }
    }

    @Test("an EC PARAMETERS block before the key is ignored")
    func ecParametersBlockIgnored() throws {
        let parameters = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
        let key = try PrivateKey(pemEncoded: parameters + KeyFixtures.ecTraditional)
        #expect(key.type == .p256)
    }

    @Test("text without PEM is malformed")
    func notPEM() {
        expectError(KeyError.self) { try PrivateKey(pemEncoded: "just some text") } matches: {
            if case .malformedPEM(let reason) = $0 { reason.contains("no PEM block") } else { false }
        }
    }

    @Test("damaged base64 or a missing END line is malformed PEM")
    func damagedPEM() throws {
        let pem = try TestKeys.key(.p256).pemEncoded()
        let badBase64 = pem.replacingOccurrences(of: "-----\n", with: "-----\n!!!!", options: [], range: nil)
        expectError(KeyError.self) { try PrivateKey(pemEncoded: badBase64) } matches: {
            if case .malformedPEM = $0 { true } else { false }
        }
        let truncated = String(pem.prefix(pem.count - 30))
        expectError(KeyError.self) { try PrivateKey(pemEncoded: truncated) } matches: {
            if case .malformedPEM = $0 { true } else { false }
        }
    }

    @Test("valid base64 that is not a key is malformed DER")
    func notAKeyInside() {
        let pem = "-----BEGIN PRIVATE KEY-----\nAAECAwQFBgcICQ==\n-----END PRIVATE KEY-----\n"
        expectError(KeyError.self) { try PrivateKey(pemEncoded: pem) } matches: {
            if case .malformedDER = $0 { true } else { false }
        }
    }

    @Test("a public key or certificate block is not a private key")
    func wrongLabel() throws {
        let pem = try TestKeys.key(.p256).publicKey.pemEncoded
        expectError(KeyError.self) { try PrivateKey(pemEncoded: pem) } matches: {
            if case .unexpectedPEMLabel(let found, _) = $0 { found == "PUBLIC KEY" } else { false }
        }
    }

    @Test("two keys in one document are refused")
    func twoKeys() throws {
        let pem = try TestKeys.key(.p256).pemEncoded() + TestKeys.key(.ed25519).pemEncoded()
        expectError(KeyError.self) { try PrivateKey(pemEncoded: pem) } matches: {
            if case .malformedPEM(let reason) = $0 { reason.contains("found 2") } else { false }
        }
    }

    @Test("unsupported key types and small RSA keys are refused")
    func unsupportedKeys() {
        expectError(KeyError.self) { try PrivateKey(pemEncoded: KeyFixtures.p384) } matches: {
            if case .unsupportedKeyType(let type) = $0 { type.contains("secp384r1") } else { false }
        }
        expectError(KeyError.self) { try PrivateKey(pemEncoded: KeyFixtures.ed448) } matches: {
            if case .unsupportedKeyType(let type) = $0 { type.contains("ED448") } else { false }
        }
        expectError(KeyError.self) { try PrivateKey(pemEncoded: KeyFixtures.rsa1024) } matches: {
            $0 == .rsaKeyTooSmall(bits: 1024)
        }
    }

    @Test("errors read well")
    func errorDescriptions() {
        #expect(KeyError.passphraseRequired.description.contains("passphrase is required"))
        #expect(KeyError.rsaKeyTooSmall(bits: 1024).description.contains("at least 2048"))
        #expect(KeyError.unsupportedKeyType("ED448").description.contains("supported: P-256, Ed25519"))
    }

    @Test("a private key never prints its material")
    func descriptionHidesSecret() throws {
        #expect(try TestKeys.key(.p256).description == "PrivateKey(P-256)")
    }
}
