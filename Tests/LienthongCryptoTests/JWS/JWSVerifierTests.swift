import Foundation
import LienthongCore
import Testing
@testable import LienthongCrypto

@Suite("JWS verification")
struct JWSVerifierTests {
    private func verifier() throws -> JWSVerifier { JWSVerifier(trustStore: try TestPKI.shared.get().trustStore()) }

    private func signed(_ algorithm: SignatureAlgorithm = .es256, envelope: Envelope = JWSFixtures.envelope(),
                        extra: [String: String] = [:]) throws -> String {
        let (key, chain) = try TestPKI.shared.get().province(algorithm)
        return try JWSSigner(key: key, algorithm: algorithm, certificateChain: chain).sign(envelope: envelope, extraHeader: extra)
    }

    private func expectJWSError(_ jws: String, envelope: Envelope = JWSFixtures.envelope(), at date: Date = Date(),
                                verifier: JWSVerifier? = nil, sourceLocation: SourceLocation = #_sourceLocation,
                                _ matches: (JWSError) -> Bool) throws {
        let verifier = try verifier ?? self.verifier()
        expectError(JWSError.self, sourceLocation: sourceLocation, { try verifier.verify(jws, envelope: envelope, at: date) }, matches: matches)
    }

    // MARK: - Success

    @Test("a signed envelope verifies with x5c and yields header, signer and certificate", arguments: SignatureAlgorithm.allCases)
    func roundTrip(_ algorithm: SignatureAlgorithm) throws {
        let envelope = JWSFixtures.envelope()
        let verified = try verifier().verify(try signed(algorithm, envelope: envelope), envelope: envelope)
        #expect(verified.signer == TestPKI.province)
        #expect(verified.certificate == (try TestPKI.shared.get().province(algorithm).chain[0]))
        #expect(verified.header.algorithm == algorithm)
        #expect(verified.header.keyID == nil)
        #expect(verified.header.certificateChain.count == 1)
        #expect(verified.header["lienthong-message-id"] == envelope.id.rawValue)
        #expect(verified.header["lienthong-to"] == "000.00.00.G01")
        #expect(verified.header["b64"] == nil)
    }

    @Test("a chain with an intermediate verifies")
    func intermediateChain() throws {
        let pki = try TestPKI.shared.get()
        let envelope = JWSFixtures.envelope(from: TestPKI.ministry, to: TestPKI.province)
        let jws = try JWSSigner(key: pki.ministryKey, certificateChain: pki.ministryChain).sign(envelope: envelope)
        let verified = try verifier().verify(jws, envelope: envelope)
        #expect(verified.signer == TestPKI.ministry)
        #expect(verified.header.certificateChain == pki.ministryChain)
    }

    @Test("a response carrying a correlation id and request digest verifies")
    func response() throws {
        let request = JWSFixtures.envelope()
        let response = JWSFixtures.envelope(correlationID: request.id, payload: Array(#"{"TonTai":true}"#.utf8))
        let digest = try JWSSigner.requestDigest(of: request.payload)
        let jws = try signed(.ps256, envelope: response, extra: [JWSHeaderMember.requestDigest: digest])
        let verified = try verifier().verify(jws, envelope: response)
        #expect(verified.header[JWSHeaderMember.requestDigest] == digest)
        #expect(verified.header["lienthong-correlation-id"] == request.id.rawValue)
    }

    @Test("a kid names a trusted key and its agency")
    func keyID() throws {
        let key = try TestKeys.key(.ed25519)
        let envelope = JWSFixtures.envelope()
        let jws = try JWSSigner(key: key, keyID: "nghean-1").sign(envelope: envelope)
        let verifier = JWSVerifier(trustStore: nil, trustedKeys: ["nghean-1": TrustedKey(publicKey: key.publicKey, agency: TestPKI.province)])
        let verified = try verifier.verify(jws, envelope: envelope)
        #expect(verified.signer == TestPKI.province)
        #expect(verified.certificate == nil)
        #expect(verified.header.keyID == "nghean-1")
        try expectJWSError(jws, verifier: JWSVerifier(trustStore: nil)) { $0 == .unknownKeyID("nghean-1") }
        // A kid key of another agency is not the sender.
        let ministryKeys = JWSVerifier(trustStore: nil, trustedKeys: ["nghean-1": TrustedKey(publicKey: key.publicKey, agency: TestPKI.ministry)])
        try expectJWSError(jws, verifier: ministryKeys) { $0 == .signerNotSender(signer: TestPKI.ministry, from: TestPKI.province) }
    }

    @Test("a receipt verifies over its own payload without envelope checks")
    func receipt() throws {
        let (key, chain) = try TestPKI.shared.get().province(.edDSA)
        let receipt = Array(#"{"received":"0192"}"#.utf8)
        let jws = try JWSSigner(key: key, certificateChain: chain).sign(header: ["lienthong-message-id": "0192"], payload: receipt)
        let verified = try verifier().verify(jws, payload: receipt)
        #expect(verified.signer == TestPKI.province)
        #expect(verified.header["lienthong-message-id"] == "0192")
    }

    @Test("signed values in another notation still match the envelope")
    func canonicalComparison() throws {
        let (key, chain) = try TestPKI.shared.get().province(.es256)
        let envelope = JWSFixtures.envelope()
        let created = Timestamp.format(envelope.created.addingTimeInterval(7 * 3600)).replacingOccurrences(of: "Z", with: "+07:00")
        let header = #"{"alg":"ES256","b64":false,"crit":["b64"],"x5c":\#(JWSFixtures.x5c(chain)),"#
            + #""lienthong-message-id":"\#(envelope.id.rawValue.uppercased())","lienthong-service":"population.citizen.lookup/v1","#
            + #""lienthong-from":"000.00.00.H41","lienthong-to":"000.00.00.G01","lienthong-created":"\#(created)"}"#
        let jws = try JWSFixtures.compact(header: header, payload: envelope.payload, key: key, algorithm: .es256)
        #expect(try verifier().verify(jws, envelope: envelope).signer == TestPKI.province)
    }

    // MARK: - Malformed input

    @Test("truncated or malformed compact serializations are refused")
    func malformed() throws {
        let jws = try signed()
        let parts = jws.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        try expectJWSError("") { $0 == .malformedCompactSerialization(reason: "expected 3 dot-separated parts, found 1") }
        try expectJWSError(parts[0]) { if case .malformedCompactSerialization = $0 { true } else { false } }
        try expectJWSError(parts[0] + ".") { if case .malformedCompactSerialization = $0 { true } else { false } }
        try expectJWSError(jws + ".x") { $0 == .malformedCompactSerialization(reason: "expected 3 dot-separated parts, found 4") }
        try expectJWSError(parts[0] + ".eyJ9." + parts[2]) { $0 == .attachedPayload }
        try expectJWSError(".." + parts[2]) { $0 == .missingProtectedHeader }
        try expectJWSError(parts[0] + "..") { $0 == .missingSignature }
        try expectJWSError(parts[0] + "==.." + parts[2]) { if case .invalidBase64URL("protected header", _) = $0 { true } else { false } }
        try expectJWSError(parts[0] + ".." + parts[2] + "=") { if case .invalidBase64URL("signature", _) = $0 { true } else { false } }
        // 86 characters carry 64 bytes and 80 carry 60; 81 is no base64url length at all.
        try expectJWSError(String(jws.dropLast(6))) { $0 == .invalidSignatureLength(algorithm: .es256, expected: 64, actual: 60) }
        try expectJWSError(String(jws.dropLast(5))) { if case .invalidBase64URL("signature", _) = $0 { true } else { false } }
        try expectJWSError(String(repeating: "a", count: 70_000) + "..x") { $0 == .tooLarge(length: 70_003, limit: 65_536) }
    }

    @Test("a header that is not a JSON object is refused")
    func notJSON() throws {
        let signature = try signed().split(separator: ".", omittingEmptySubsequences: false)[2]
        for text in ["not json", "[1,2]", "\"alg\"", "{\"alg\":"] {
            try expectJWSError(Base64URL.encode(Array(text.utf8)) + ".." + signature) {
                if case .headerNotJSONObject = $0 { true } else { false }
            }
        }
    }

    @Test("header rules: alg, b64, crit and the key reference", arguments: [
        (#""b64":false,"crit":["b64"],"x5c":X5C"#, JWSError.missingAlgorithm),
        (#""alg":"none","b64":false,"crit":["b64"],"x5c":X5C"#, .algorithmNone),
        (#""alg":"HS256","b64":false,"crit":["b64"],"x5c":X5C"#, .unsupportedAlgorithm("HS256")),
        (#""alg":7,"b64":false,"crit":["b64"],"x5c":X5C"#, .invalidHeaderMember(name: "alg", reason: "must be a string")),
        (#""alg":"ES256","crit":["b64"],"x5c":X5C"#, .b64NotFalse(found: "no b64 member")),
        (#""alg":"ES256","b64":true,"crit":["b64"],"x5c":X5C"#, .b64NotFalse(found: "true")),
        (#""alg":"ES256","b64":0,"crit":["b64"],"x5c":X5C"#, .b64NotFalse(found: "a non-boolean value")),
        (#""alg":"ES256","b64":false,"x5c":X5C"#, .critMissingB64),
        (#""alg":"ES256","b64":false,"crit":["b64","exp"],"x5c":X5C"#, .unknownCriticalExtension("exp")),
        (#""alg":"ES256","b64":false,"crit":"b64","x5c":X5C"#, .invalidHeaderMember(name: "crit", reason: "must be a non-empty array of strings")),
        (#""alg":"ES256","b64":false,"crit":["b64"]"#, .missingKeyReference),
        (#""alg":"ES256","b64":false,"crit":["b64"],"x5c":X5C,"kid":"k""#, .ambiguousKeyReference),
        (#""alg":"ES256","b64":false,"crit":["b64"],"x5c":[]"#, .invalidCertificateChain(reason: "'x5c' is empty")),
        (#""alg":"ES256","b64":false,"crit":["b64"],"x5c":"abc""#, .invalidHeaderMember(name: "x5c", reason: "must be an array of base64 strings")),
        (#""alg":"ES256","b64":false,"crit":["b64"],"x5c":["%%%"]"#, .invalidCertificateChain(reason: "entry 0 is not standard base64")),
        (#""alg":"ES256","b64":false,"crit":["b64"],"kid":5"#, .invalidHeaderMember(name: "kid", reason: "must be a string")),
        (#""alg":"RS256","b64":false,"crit":["b64"],"x5c":X5C"#, .algorithmDoesNotMatchKey(algorithm: .rs256, keyType: .p256)),
        (#""alg":"EdDSA","b64":false,"crit":["b64"],"x5c":X5C"#, .algorithmDoesNotMatchKey(algorithm: .edDSA, keyType: .p256)),
    ])
    func headerRules(_ members: String, _ expected: JWSError) throws {
        let (key, chain) = try TestPKI.shared.get().province(.es256)
        let envelope = JWSFixtures.envelope()
        let header = "{" + members.replacingOccurrences(of: "X5C", with: JWSFixtures.x5c(chain)) + "}"
        let jws = try JWSFixtures.compact(header: header, payload: envelope.payload, key: key, algorithm: .es256)
        try expectJWSError(jws, envelope: envelope) { $0 == expected }
    }

    @Test("an x5c entry that is not a certificate is refused")
    func x5cNotCertificate() throws {
        let (key, _) = try TestPKI.shared.get().province(.es256)
        let header = #"{"alg":"ES256","b64":false,"crit":["b64"],"x5c":["AAEC"]}"#
        let jws = try JWSFixtures.compact(header: header, payload: JWSFixtures.payload, key: key, algorithm: .es256)
        try expectJWSError(jws) { if case .invalidCertificateChain(let reason) = $0 { reason.hasPrefix("entry 0:") } else { false } }
    }

    // MARK: - Tampering

    @Test("a changed payload byte fails the signature", arguments: SignatureAlgorithm.allCases)
    func changedPayload(_ algorithm: SignatureAlgorithm) throws {
        let envelope = JWSFixtures.envelope()
        let jws = try signed(algorithm, envelope: envelope)
        var changed = envelope
        changed.payload[10] ^= 0x20
        try expectJWSError(jws, envelope: changed) { $0 == .signatureMismatch }
    }

    @Test("a changed protected field fails the signature", arguments: SignatureAlgorithm.allCases)
    func changedProtectedField(_ algorithm: SignatureAlgorithm) throws {
        let envelope = JWSFixtures.envelope()
        let jws = try signed(algorithm, envelope: envelope)
        let original = String(decoding: try Base64URL.decode(jws.prefix { $0 != "." }), as: UTF8.self)
        let forged = original.replacingOccurrences(of: "\"000.00.00.G01\"", with: "\"000.00.00.G22\"")
        #expect(forged != original)
        var redirected = envelope
        redirected.to = try AgencyCode(parsing: "000.00.00.G22")
        try expectJWSError(JWSFixtures.replacingHeader(of: jws, with: forged), envelope: redirected) { $0 == .signatureMismatch }
    }

    @Test("another key's signature over the same input fails")
    func otherKeySignature() throws {
        let (key, chain) = try TestPKI.shared.get().province(.es256)
        let jws = try JWSSigner(key: key, certificateChain: chain).sign(envelope: JWSFixtures.envelope())
        let header = jws.prefix { $0 != "." }
        let foreign = try PrivateKey.generate(.p256).signature(for: Array((header + ".").utf8) + JWSFixtures.payload, algorithm: .es256)
        try expectJWSError(header + ".." + Base64URL.encode(foreign)) { $0 == .signatureMismatch }
    }

    // MARK: - Trust

    @Test("an x5c certificate from another CA is untrusted")
    func untrusted() throws {
        let key = try TestKeys.key(.p256)
        let rogue = try DevelopmentCA.create(key: try PrivateKey.generate(.p256), commonName: "Rogue CA")
        let certificate = try rogue.issueCertificate(for: key.publicKey, agency: TestPKI.province, commonName: "Fake Nghệ An")
        let jws = try JWSSigner(key: key, certificateChain: [certificate]).sign(envelope: JWSFixtures.envelope())
        try expectJWSError(jws) { $0 == .untrustedCertificate(.untrustedIssuer(subject: "CN=Fake Nghệ An", issuer: "CN=Rogue CA")) }
        try expectJWSError(jws, verifier: JWSVerifier(trustStore: nil)) { $0 == .certificatesNotAccepted }
    }

    @Test("the certificate must be valid at the verification time")
    func validityTime() throws {
        let jws = try signed()
        let chain = try TestPKI.shared.get().province(.es256).chain
        try expectJWSError(jws, at: chain[0].notAfter.addingTimeInterval(1)) {
            $0 == .untrustedCertificate(.expired(subject: chain[0].subject.description, notAfter: chain[0].notAfter))
        }
        try expectJWSError(jws, at: chain[0].notBefore.addingTimeInterval(-1)) {
            if case .untrustedCertificate(.notYetValid) = $0 { true } else { false }
        }
    }

    @Test("a remembered chain is reused only while every certificate in it is valid", arguments: [0, 1, 256])
    func chainCache(_ capacity: Int) throws {
        let pki = try TestPKI.shared.get()
        let verifier = JWSVerifier(trustStore: try pki.trustStore(), cachedChains: capacity)
        let envelope = JWSFixtures.envelope()
        let fromProvince = try signed(envelope: envelope)
        let ministryEnvelope = JWSFixtures.envelope(from: TestPKI.ministry, to: TestPKI.province)
        let fromMinistry = try JWSSigner(key: pki.ministryKey, certificateChain: pki.ministryChain).sign(envelope: ministryEnvelope)
        let leaf = try pki.province(.es256).chain[0]
        for _ in 0..<2 {
            #expect(try verifier.verify(fromProvince, envelope: envelope).signer == TestPKI.province)
            #expect(try verifier.verify(fromMinistry, envelope: ministryEnvelope).signer == TestPKI.ministry)
            try expectJWSError(fromProvince, envelope: envelope, at: leaf.notAfter.addingTimeInterval(1), verifier: verifier) {
                $0 == .untrustedCertificate(.expired(subject: leaf.subject.description, notAfter: leaf.notAfter))
            }
            try expectJWSError(fromProvince, envelope: envelope, at: leaf.notBefore.addingTimeInterval(-1), verifier: verifier) {
                if case .untrustedCertificate(.notYetValid) = $0 { true } else { false }
            }
            // A cached chain still binds to the signature: a changed payload fails.
            var changed = envelope
            changed.payload[0] ^= 0x01
            try expectJWSError(fromProvince, envelope: changed, verifier: verifier) { $0 == .signatureMismatch }
        }
    }

    // MARK: - Envelope binding

    @Test("the signer must be the envelope's From")
    func signerIsSender() throws {
        let envelope = JWSFixtures.envelope()
        let jws = try signed(envelope: envelope)
        var spoofed = envelope
        spoofed.from = TestPKI.ministry
        try expectJWSError(jws, envelope: spoofed) { $0 == .signerNotSender(signer: TestPKI.province, from: TestPKI.ministry) }
    }

    @Test("every Lienthong header must equal its signed value, and the mismatch names the field")
    func envelopeMismatch() throws {
        let envelope = JWSFixtures.envelope()
        let jws = try signed(envelope: envelope)
        var changedTo = envelope
        changedTo.to = try AgencyCode(parsing: "000.00.00.G22")
        try expectJWSError(jws, envelope: changedTo) {
            $0 == .envelopeFieldMismatch(field: "Lienthong-To", signed: "000.00.00.G01", received: "000.00.00.G22")
        }
        var changedService = envelope
        changedService.service = try ServiceID(parsing: "land.parcel.lookup/v1")
        try expectJWSError(jws, envelope: changedService) {
            $0 == .envelopeFieldMismatch(field: "Lienthong-Service", signed: "population.citizen.lookup/v1", received: "land.parcel.lookup/v1")
        }
        var changedTime = envelope
        changedTime.created = envelope.created.addingTimeInterval(60)
        try expectJWSError(jws, envelope: changedTime) {
            if case .envelopeFieldMismatch("Lienthong-Created", _, _) = $0 { true } else { false }
        }
        var replayed = envelope
        replayed.id = MessageID()
        try expectJWSError(jws, envelope: replayed) {
            if case .envelopeFieldMismatch("Lienthong-Message-Id", envelope.id.rawValue, _) = $0 { true } else { false }
        }
    }

    @Test("a correlation id must be signed when present and present when signed")
    func correlationBinding() throws {
        let request = JWSFixtures.envelope()
        let unsignedCorrelation = try signed(envelope: request)
        var withCorrelation = request
        withCorrelation.correlationID = MessageID()
        try expectJWSError(unsignedCorrelation, envelope: withCorrelation) { $0 == .envelopeFieldNotSigned(field: "Lienthong-Correlation-Id") }
        let signedCorrelation = try signed(envelope: withCorrelation)
        try expectJWSError(signedCorrelation, envelope: request) {
            $0 == .envelopeFieldMissing(field: "Lienthong-Correlation-Id", signed: withCorrelation.correlationID?.rawValue ?? "")
        }
    }

    @Test("a JWS signed without envelope fields does not authenticate an envelope")
    func headerWithoutEnvelope() throws {
        let (key, chain) = try TestPKI.shared.get().province(.es256)
        let envelope = JWSFixtures.envelope()
        let jws = try JWSSigner(key: key, certificateChain: chain).sign(header: [:], payload: envelope.payload)
        try expectJWSError(jws, envelope: envelope) { $0 == .envelopeFieldNotSigned(field: "Lienthong-Message-Id") }
    }

    @Test("errors read well")
    func descriptions() {
        #expect(JWSError.envelopeFieldMismatch(field: "Lienthong-To", signed: "A", received: "B").description
            == "header Lienthong-To is 'B' but the signed value is 'A'")
        #expect(JWSError.unsupportedAlgorithm("HS256").description.contains("supported: ES256, EdDSA, RS256, PS256"))
        #expect(JWSError.untrustedCertificate(.agencyMismatch(certificate: TestPKI.province, expected: TestPKI.ministry)).description
            .contains("certificate belongs to 000.00.00.H41, not 000.00.00.G01"))
    }

    @Test("100 concurrent signs and verifies with one signer and verifier")
    func concurrent() async throws {
        let (key, chain) = try TestPKI.shared.get().province(.es256)
        let signer = try JWSSigner(key: key, certificateChain: chain)
        let verifier = try verifier()
        let signers = try await withThrowingTaskGroup(of: AgencyCode.self) { group in
            for index in 0..<100 {
                group.addTask {
                    let envelope = JWSFixtures.envelope(payload: Array("{\"n\":\(index)}".utf8))
                    return try verifier.verify(signer.sign(envelope: envelope), envelope: envelope).signer
                }
            }
            var signers: [AgencyCode] = []
            for try await signer in group { signers.append(signer) }
            return signers
        }
        #expect(signers.count == 100)
        #expect(signers.allSatisfy { $0 == TestPKI.province })
    }
}
