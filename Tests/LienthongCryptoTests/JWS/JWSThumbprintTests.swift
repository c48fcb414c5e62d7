import Foundation
import LienthongCore
import Testing
@testable import LienthongCrypto

/// A JWS that names its signer certificate by `x5t#S256` verifies only against the certificate
/// presented with it (between gateways, the TLS client certificate), checked like an `x5c` chain.
@Suite("JWS with x5t#S256")
struct JWSThumbprintTests {
    private func verifier(cachedChains: Int = 256) throws -> JWSVerifier {
        JWSVerifier(trustStore: try TestPKI.shared.get().trustStore(), cachedChains: cachedChains)
    }

    private func provinceSigned(_ algorithm: SignatureAlgorithm = .es256, envelope: Envelope) throws -> (jws: String, chain: [Certificate]) {
        let (key, chain) = try TestPKI.shared.get().province(algorithm)
        let jws = try JWSSigner(key: key, algorithm: algorithm, certificateChain: chain).sign(envelope: envelope, certificate: .thumbprint)
        return (jws, chain)
    }

    private func presented(_ chain: [Certificate]) throws -> PresentedCertificate {
        try #require(PresentedCertificate(chain: chain))
    }

    private func expectJWSError(
        _ jws: String, envelope: Envelope, presented: PresentedCertificate?, at date: Date = Date(), verifier: JWSVerifier? = nil,
        sourceLocation: SourceLocation = #_sourceLocation, _ matches: (JWSError) -> Bool
    ) throws {
        let verifier = try verifier ?? self.verifier()
        expectError(JWSError.self, sourceLocation: sourceLocation, {
            try verifier.verify(jws, envelope: envelope, at: date, presented: presented)
        }, matches: matches)
    }

    @Test("the header carries the base64url SHA-256 of the leaf's DER instead of x5c", arguments: SignatureAlgorithm.allCases)
    func header(_ algorithm: SignatureAlgorithm) throws {
        let envelope = JWSFixtures.envelope()
        let (jws, chain) = try provinceSigned(algorithm, envelope: envelope)
        let header = try JWSFixtures.headerObject(of: jws)
        let thumbprint = try #require(header["x5t#S256"] as? String)
        #expect(try Base64URL.decode(thumbprint) == Digest.sha256(chain[0].derEncoded))
        #expect(thumbprint == chain[0].thumbprint)
        #expect(header["x5c"] == nil)
        #expect(header["kid"] == nil)
        // The point of it: a header of a few hundred bytes, not kilobytes.
        let withChain = try JWSSigner(key: try TestKeys.key(for: algorithm), algorithm: algorithm, certificateChain: chain).sign(envelope: envelope)
        #expect(jws.utf8.count + chain[0].derEncoded.count < withChain.utf8.count)
    }

    @Test("it verifies against the presented certificate, and the result names that certificate", arguments: SignatureAlgorithm.allCases)
    func verifies(_ algorithm: SignatureAlgorithm) throws {
        let envelope = JWSFixtures.envelope()
        let (jws, chain) = try provinceSigned(algorithm, envelope: envelope)
        let verified = try verifier().verify(jws, envelope: envelope, presented: try presented(chain))
        #expect(verified.signer == TestPKI.province)
        #expect(verified.certificate == chain[0])
        #expect(verified.header.certificateThumbprint == chain[0].thumbprint)
        #expect(verified.header.certificateChain.isEmpty)
        #expect(verified.header["x5t#S256"] == nil)
        #expect(verified.header["lienthong-message-id"] == envelope.id.rawValue)
    }

    @Test("with no certificate presented, or another one, it is refused")
    func notPresented() throws {
        let envelope = JWSFixtures.envelope()
        let (jws, chain) = try provinceSigned(envelope: envelope)
        let expected = JWSError.certificateNotPresented(thumbprint: chain[0].thumbprint)
        try expectJWSError(jws, envelope: envelope, presented: nil) { $0 == expected }
        try expectJWSError(jws, envelope: envelope, presented: try presented(TestPKI.shared.get().ministryChain)) { $0 == expected }
        // Having verified it once with its certificate does not make it verify without.
        let verifier = try verifier()
        _ = try verifier.verify(jws, envelope: envelope, presented: try presented(chain))
        try expectJWSError(jws, envelope: envelope, presented: nil, verifier: verifier) { $0 == expected }
        #expect(expected.description.contains("no certificate with that thumbprint was presented"))
    }

    @Test("the presented certificate must chain to the trust store, with its intermediates")
    func trust() throws {
        let pki = try TestPKI.shared.get()
        let key = try TestKeys.key(.p256)
        let rogue = try DevelopmentCA.create(key: try PrivateKey.generate(.p256), commonName: "Rogue CA")
        let forged = try rogue.issueCertificate(for: key.publicKey, agency: TestPKI.province, commonName: "Fake Nghệ An")
        let envelope = JWSFixtures.envelope()
        let jws = try JWSSigner(key: key, certificateChain: [forged]).sign(envelope: envelope, certificate: .thumbprint)
        try expectJWSError(jws, envelope: envelope, presented: try presented([forged])) {
            $0 == .untrustedCertificate(.untrustedIssuer(subject: "CN=Fake Nghệ An", issuer: "CN=Rogue CA"))
        }
        try expectJWSError(jws, envelope: envelope, presented: try presented([forged]), verifier: JWSVerifier(trustStore: nil)) {
            $0 == .certificatesNotAccepted
        }

        let ministryEnvelope = JWSFixtures.envelope(from: TestPKI.ministry, to: TestPKI.province)
        let fromMinistry = try JWSSigner(key: pki.ministryKey, certificateChain: pki.ministryChain)
            .sign(envelope: ministryEnvelope, certificate: .thumbprint)
        #expect(try verifier().verify(fromMinistry, envelope: ministryEnvelope, presented: try presented(pki.ministryChain)).signer == TestPKI.ministry)
        // The leaf alone does not reach the root: its intermediate was not presented.
        try expectJWSError(fromMinistry, envelope: ministryEnvelope, presented: try presented([pki.ministryCertificate])) {
            if case .untrustedCertificate = $0 { true } else { false }
        }
    }

    @Test("a remembered certificate is reused only while it is valid, and still binds the signature and From", arguments: [0, 1, 256])
    func cache(_ capacity: Int) throws {
        let verifier = try verifier(cachedChains: capacity)
        let envelope = JWSFixtures.envelope()
        let (jws, chain) = try provinceSigned(envelope: envelope)
        let leaf = chain[0]
        for _ in 0..<2 {
            #expect(try verifier.verify(jws, envelope: envelope, presented: try presented(chain)).signer == TestPKI.province)
            try expectJWSError(jws, envelope: envelope, presented: try presented(chain), at: leaf.notAfter.addingTimeInterval(1), verifier: verifier) {
                $0 == .untrustedCertificate(.expired(subject: leaf.subject.description, notAfter: leaf.notAfter))
            }
            var changed = envelope
            changed.payload[0] ^= 0x01
            try expectJWSError(jws, envelope: changed, presented: try presented(chain), verifier: verifier) { $0 == .signatureMismatch }
            var spoofed = envelope
            spoofed.from = TestPKI.ministry
            try expectJWSError(jws, envelope: spoofed, presented: try presented(chain), verifier: verifier) {
                $0 == .signerNotSender(signer: TestPKI.province, from: TestPKI.ministry)
            }
        }
    }

    @Test("header rules for x5t#S256", arguments: [
        (#""alg":"ES256","b64":false,"crit":["b64"],"x5t#S256":OTHER,"x5c":X5C"#,
         JWSError.invalidHeaderMember(name: "x5t#S256", reason: "is not the SHA-256 of the first 'x5c' certificate")),
        (#""alg":"ES256","b64":false,"crit":["b64"],"x5t#S256":THUMB,"kid":"k""#, .ambiguousKeyReference),
        (#""alg":"ES256","b64":false,"crit":["b64"],"x5t#S256":THUMB,"x5c":X5C,"kid":"k""#, .ambiguousKeyReference),
        (#""alg":"ES256","b64":false,"crit":["b64"],"x5t#S256":7"#, .invalidHeaderMember(name: "x5t#S256", reason: "must be a string")),
        (#""alg":"ES256","b64":false,"crit":["b64"],"x5t#S256":"abc""#,
         .invalidHeaderMember(name: "x5t#S256", reason: "must be the base64url SHA-256 of a certificate (43 characters)")),
        (#""alg":"ES256","b64":false,"crit":["b64"],"x5t#S256":"+++++++++++++++++++++++++++++++++++++++++++""#,
         .invalidHeaderMember(name: "x5t#S256", reason: "must be the base64url SHA-256 of a certificate (43 characters)")),
        (#""alg":"RS256","b64":false,"crit":["b64"],"x5t#S256":THUMB"#, .algorithmDoesNotMatchKey(algorithm: .rs256, keyType: .p256)),
    ])
    func headerRules(_ members: String, _ expected: JWSError) throws {
        let (key, chain) = try TestPKI.shared.get().province(.es256)
        let envelope = JWSFixtures.envelope()
        let header = "{" + members
            .replacingOccurrences(of: "X5C", with: JWSFixtures.x5c(chain))
            .replacingOccurrences(of: "THUMB", with: "\"\(chain[0].thumbprint)\"")
            .replacingOccurrences(of: "OTHER", with: "\"\(try TestPKI.shared.get().ministryCertificate.thumbprint)\"") + "}"
        let jws = try JWSFixtures.compact(header: header, payload: envelope.payload, key: key, algorithm: .es256)
        try expectJWSError(jws, envelope: envelope, presented: try presented(chain)) { $0 == expected }
    }

    @Test("x5c with the x5t#S256 of its first certificate verifies by the chain, as JOSE libraries write it")
    func chainWithItsThumbprint() throws {
        let (key, chain) = try TestPKI.shared.get().province(.es256)
        let envelope = JWSFixtures.envelope()
        var members = [
            "\"alg\":\"ES256\"", "\"b64\":false", "\"crit\":[\"b64\"]", "\"x5c\":\(JWSFixtures.x5c(chain))",
            "\"x5t#S256\":\"\(chain[0].thumbprint)\"",
        ]
        for (name, value) in envelope.headerFields { members.append("\"\(name.lowercased())\":\"\(value)\"") }
        let header = "{" + members.joined(separator: ",") + "}"
        let jws = try JWSFixtures.compact(header: header, payload: envelope.payload, key: key, algorithm: .es256)
        // No certificate presented: the chain in the header is enough.
        let verified = try verifier().verify(jws, envelope: envelope)
        #expect(verified.certificate == chain[0])
        #expect(verified.header.certificateChain == chain)
        #expect(verified.header.certificateThumbprint == nil)
    }

    @Test("receipts and answers are still signed with x5c by default, so they can be checked alone")
    func defaultIsChain() throws {
        let (key, chain) = try TestPKI.shared.get().province(.es256)
        let signer = try JWSSigner(key: key, certificateChain: chain)
        let receipt = try signer.sign(header: ["lienthong-correlation-id": "x"], payload: Array("{}".utf8))
        #expect(try JWSFixtures.headerObject(of: receipt)["x5c"] != nil)
        #expect(try verifier().verify(receipt, payload: Array("{}".utf8)).certificate == chain[0])
        // A kid signer has no certificate to name: the reference is ignored.
        let kidSigner = try JWSSigner(key: key, keyID: "province-2026")
        let jws = try kidSigner.sign(envelope: JWSFixtures.envelope(), certificate: .thumbprint)
        #expect(try JWSFixtures.headerObject(of: jws)["kid"] as? String == "province-2026")
    }
}
