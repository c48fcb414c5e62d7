import Foundation
import LienthongCore
import LienthongCrypto
import LienthongStore
import Testing
@testable import LienthongGateway

@Suite("Signature stages")
struct SigningStagesTests {
    let pki: TestPKI
    let verifier: JWSVerifier

    init() throws {
        pki = try TestPKI()
        verifier = JWSVerifier(trustStore: try TrustStore(certificates: [pki.ca.certificate]))
    }

    var request: Envelope {
        Envelope(
            from: TestPKI.provinceAgency, to: TestPKI.ministryAgency, service: TestServices.lookup,
            payload: Array(TestServices.validLookupRequest.utf8))
    }

    func signer(_ identity: GatewayIdentity) throws -> JWSSigner {
        try JWSSigner(key: identity.privateKey, certificateChain: identity.certificateChain)
    }

    @Test("a signed request verifies; the TLS peer must be its sender")
    func signatureCheck() throws {
        let request = self.request
        let jws = try MessageSigning(signer: try signer(pki.province)).sign(request)
        let message = HTTPMessage(headers: WireHeaders.fields(for: request, jws: jws), body: request.payload)
        let check = SignatureCheck(verifier: verifier)
        let read = try EnvelopeReader().read(message, payload: message.body)
        #expect(read == request)
        #expect(try check.verify(message, envelope: read, tlsPeer: TLSPeer(agency: TestPKI.provinceAgency)).signer == TestPKI.provinceAgency)
        do {
            _ = try check.verify(message, envelope: read, tlsPeer: TLSPeer(agency: TestPKI.otherProvinceAgency))
            Issue.record("another TLS peer was accepted")
        } catch { #expect(error.status == 401) }
    }

    @Test("a request naming its certificate by thumbprint verifies against the TLS client certificate only; the audit keeps it once")
    func thumbprintRequest() async throws {
        let request = self.request
        let leaf = pki.province.certificateChain[0]
        let jws = try MessageSigning(signer: try signer(pki.province), certificate: .thumbprint).sign(request)
        let header = String(decoding: try Base64URL.decode(jws.prefix { $0 != "." }), as: UTF8.self)
        #expect(header.contains("\"x5t#S256\":\"\(leaf.thumbprint)\""))
        #expect(!header.contains("x5c"))
        let message = HTTPMessage(headers: WireHeaders.fields(for: request, jws: jws), body: request.payload)
        let check = SignatureCheck(verifier: verifier)
        let read = try EnvelopeReader().read(message, payload: message.body)
        let verified = try check.verify(message, envelope: read, tlsPeer: try TLSPeer(certificate: leaf))
        #expect(verified.signer == TestPKI.provinceAgency)
        #expect(verified.certificate == leaf)

        // Another gateway relaying it, or the province on another certificate (renewed, say), does
        // not present the certificate the signature names.
        for other in [try pki.identity(for: TestPKI.otherProvinceAgency), try pki.identity(for: TestPKI.provinceAgency)] {
            let peer = try TLSPeer(certificate: other.certificateChain[0])
            do throws(Problem) {
                _ = try check.verify(message, envelope: read, tlsPeer: peer)
                Issue.record("a thumbprint was accepted against another TLS client certificate")
            } catch {
                #expect(error.status == 401)
                #expect(error.detail.contains("'x5t#S256' \(leaf.thumbprint), and no certificate with that thumbprint was presented"), "\(error.detail)")
            }
        }

        let log = InMemoryAuditLog()
        let audit = AuditRecorder(log: log, retention: .init())
        try await audit.keepSigner(of: verified)
        try await audit.keepSigner(of: verified)
        #expect(await log.certificates == [leaf.thumbprint: leaf.derEncoded])
        #expect(await log.certificateWrites == 1)
        // A JWS carrying its chain keeps nothing: it can be checked alone.
        let withChain = try MessageSigning(signer: try signer(pki.province)).sign(request)
        let chainMessage = HTTPMessage(headers: WireHeaders.fields(for: request, jws: withChain), body: request.payload)
        let otherLog = InMemoryAuditLog()
        try await AuditRecorder(log: otherLog, retention: .init())
            .keepSigner(of: try check.verify(chainMessage, envelope: read, tlsPeer: try TLSPeer(certificate: leaf)))
        #expect(await otherLog.certificateWrites == 0)

        // A store that cannot keep it refuses with 503, and tries again next time.
        let failing = AuditRecorder(log: FailingCertificateLog(), retention: .init())
        for _ in 0..<2 {
            do throws(Problem) {
                try await failing.keepSigner(of: verified)
                Issue.record("a certificate the store did not keep was taken as kept")
            } catch {
                #expect(error.status == 503 && error.name == "store-unavailable", "\(error)")
            }
        }
    }

    @Test("requests name the certificate by thumbprint only when the rest of the chain file is CAs the gateway trusts")
    func requestCertificateReference() throws {
        let leaf = pki.province.certificateChain[0]
        let root = pki.ca.certificate
        let intermediate = try pki.ca.issueIntermediate(key: try PrivateKey.generate(.p256), commonName: "Issuing CA")
        func reference(_ setting: GatewayConfiguration.SignerCertificate, _ chain: [Certificate]) -> JWSSigner.CertificateReference {
            GatewayRuntime.requestCertificateReference(setting, chain: chain, trustedCAs: [root])
        }
        #expect(reference(.thumbprint, [leaf]) == .thumbprint)
        // The root as `lienthong keys issue` appends it: one the gateway trusts itself.
        #expect(reference(.thumbprint, [leaf, root]) == .thumbprint)
        #expect(reference(.thumbprint, [leaf, intermediate.certificate]) == .chain)
        #expect(reference(.thumbprint, [leaf, intermediate.certificate, root]) == .chain)
        // A self-issued CA it does not trust (another root, or a key-rollover certificate).
        #expect(reference(.thumbprint, [leaf, pki.rogueCA.certificate]) == .chain)
        #expect(reference(.chain, [leaf]) == .chain)
    }

    @Test("a response is bound to its request: correlation id and request digest")
    func responseBinding() throws {
        let request = self.request
        let signing = ResponseSigning(signer: try signer(pki.ministry), agency: TestPKI.ministryAgency)
        let (response, jws) = try signing.sign(Array(#"{"ok":true}"#.utf8), answering: request)
        #expect(response.correlationID == request.id)
        let answer = HTTPAnswer(status: 200, headers: WireHeaders.fields(for: response, jws: jws), body: response.payload)
        let verification = ResponseVerification(verifier: verifier, decoding: BodyDecoding(maxDecompressedBytes: 1 << 20))
        let verified = try verification.verify(answer, request: request, provider: TestPKI.ministryAgency)
        #expect(verified.envelope.payload == response.payload)

        // The same answer presented for another request (another id and payload) is refused.
        let otherRequest = Envelope(
            from: TestPKI.provinceAgency, to: TestPKI.ministryAgency, service: TestServices.lookup,
            payload: Array(#"{"SoDinhDanh":"001192004567"}"#.utf8))
        do {
            _ = try verification.verify(answer, request: otherRequest, provider: TestPKI.ministryAgency)
            Issue.record("an answer to another request was accepted")
        } catch { #expect(error.status == 502) }

        // A request with the same id but other bytes: the digest no longer matches.
        var sameIDOtherBytes = request
        sameIDOtherBytes.payload = otherRequest.payload
        do {
            _ = try verification.verify(answer, request: sameIDOtherBytes, provider: TestPKI.ministryAgency)
            Issue.record("a digest mismatch was accepted")
        } catch { #expect(error.detail.contains("digest")) }

        // Signed by the ministry but expected from another provider.
        do {
            _ = try verification.verify(answer, request: request, provider: TestPKI.otherProvinceAgency)
            Issue.record("an answer from the wrong provider was accepted")
        } catch { #expect(error.status == 502) }
    }
}

/// An audit log whose certificate table cannot be written (a full disk, say).
private actor FailingCertificateLog: AuditLog {
    struct Failure: Error {}
    func append(_ entry: AuditEntry) async throws -> AuditRecord { throw Failure() }
    func records(for messageID: MessageID) async throws -> [AuditRecord] { [] }
    func records(after sequence: Int64, limit: Int) async throws -> [AuditRecord] { [] }
    func verify() async throws -> AuditVerification { .intact(records: 0) }
    func keepCertificate(_ der: [UInt8]) async throws { throw Failure() }
    func certificate(thumbprint: String) async throws -> [UInt8]? { nil }
}
