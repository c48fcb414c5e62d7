import LienthongCore
import LienthongCrypto

/// Identifies the local client by its API key (`Authorization: Bearer <key>`, compared by SHA-256
/// so the configuration never holds keys) or, without one, by the agency of its TLS client
/// certificate when the local listener requires certificates (401 when neither identifies it).
public struct ClientAuthentication: Sendable {
    public let clients: [GatewayConfiguration.LocalClient]

    public init(clients: [GatewayConfiguration.LocalClient]) { self.clients = clients }

    /// - Parameter certificateAgency: the agency of the verified TLS client certificate, if any.
    public func authenticate(
        _ message: HTTPMessage, certificateAgency: AgencyCode? = nil
    ) throws(Problem) -> GatewayConfiguration.LocalClient {
        guard let authorization = message[header: "Authorization"] else {
            if let certificateAgency {
                guard let client = clients.first(where: { $0.certificateAgency == certificateAgency }) else {
                    throw .unknownClient("no client is configured for the certificate of \(certificateAgency)")
                }
                return client
            }
            throw .unknownClient("send the API key as Authorization: Bearer <key>")
        }
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw .unknownClient("the Authorization header must be Bearer <key>")
        }
        let digest: [UInt8]
        do { digest = try Digest.sha256(Array(parts[1].utf8)) } catch {
            throw .internalError("cannot digest the API key: \(error)")
        }
        // Compare every client's digest in full: no early exit that would time which bytes match.
        var found: GatewayConfiguration.LocalClient?
        for client in clients {
            if let expected = client.apiKeySHA256, Self.constantTimeEqual(expected, digest) { found = client }
        }
        guard let found else { throw .unknownClient("the API key is not known") }
        return found
    }

    private static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
