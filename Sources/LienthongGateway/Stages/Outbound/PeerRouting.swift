import Foundation
import LienthongCore

/// Chooses the providing agency of a service (from the routes, or the one the client names in
/// `Lienthong-To`) and the peer URLs to try, in order.
public struct PeerRouting: Sendable {
    public let routes: [ServiceID: AgencyCode]
    public let peers: [AgencyCode: [URL]]

    public init(routes: [ServiceID: AgencyCode], peers: [AgencyCode: [URL]]) {
        self.routes = routes
        self.peers = peers
    }

    /// The provider and its URLs: 400 for a malformed `Lienthong-To`, 404 when there is no route
    /// or no peer for the agency.
    public func route(_ service: ServiceID, requestedProvider: String?) throws(Problem) -> (agency: AgencyCode, urls: [URL]) {
        let agency: AgencyCode
        if let requestedProvider {
            do { agency = try AgencyCode(parsing: requestedProvider) } catch {
                throw .badHeader("\(HeaderName.to): \(error)")
            }
        } else {
            guard let routed = routes[service] else { throw .unknownService("no route for \(service)") }
            agency = routed
        }
        guard let urls = peers[agency], !urls.isEmpty else {
            throw .unknownService("no peer gateway is configured for \(agency)")
        }
        return (agency, urls)
    }
}
