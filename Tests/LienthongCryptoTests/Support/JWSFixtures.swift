import Foundation
import LienthongCore
@testable import LienthongCrypto

/// Messages and hand-made JWS for the JWS tests.
enum JWSFixtures {
    static let service = serviceID("population.citizen.lookup/v1")
    static let payload = Array(#"{"SoDinhDanh":"001099012345","HoVaTen":"Nguyễn Văn An"}"#.utf8)

    /// A request from the province to the ministry.
    static func envelope(from: AgencyCode = TestPKI.province, to: AgencyCode = TestPKI.ministry,
                         correlationID: MessageID? = nil, payload: [UInt8] = payload) -> Envelope {
        Envelope(from: from, to: to, service: service, correlationID: correlationID, payload: payload)
    }

    /// A compact JWS over `payload` with exactly the header text given, correctly signed, so a
    /// test can exercise one header rule at a time.
    static func compact(header: String, payload: [UInt8], key: PrivateKey, algorithm: SignatureAlgorithm) throws -> String {
        let encodedHeader = Base64URL.encode(Array(header.utf8))
        let signature = try key.signature(for: Array((encodedHeader + ".").utf8) + payload, algorithm: algorithm)
        return encodedHeader + ".." + Base64URL.encode(signature)
    }

    /// The standard base64 `x5c` JSON array for a chain.
    static func x5c(_ chain: [Certificate]) -> String {
        "[" + chain.map { "\"\(Data($0.derEncoded).base64EncodedString())\"" }.joined(separator: ",") + "]"
    }

    /// The decoded protected header of a compact JWS as a JSON object.
    static func headerObject(of jws: String) throws -> [String: Any] {
        let part = String(jws.prefix { $0 != "." })
        let json = try Base64URL.decode(part)
        return try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] ?? [:]
    }

    /// Replaces the protected header of `jws` with `header`, keeping the signature.
    static func replacingHeader(of jws: String, with header: String) -> String {
        let signature = jws.split(separator: ".", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        return Base64URL.encode(Array(header.utf8)) + ".." + signature
    }

    private static func serviceID(_ text: String) -> ServiceID {
        do { return try ServiceID(parsing: text) } catch { preconditionFailure("fixture service id: \(error)") }
    }
}
