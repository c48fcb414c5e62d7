import Foundation
import LienthongCore
import LienthongCrypto
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
        #expect(try check.verify(message, envelope: read, tlsPeer: TestPKI.provinceAgency).signer == TestPKI.provinceAgency)
        do {
            _ = try check.verify(message, envelope: read, tlsPeer: TestPKI.otherProvinceAgency)
            Issue.record("another TLS peer was accepted")
        } catch { #expect(error.status == 401) }
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
