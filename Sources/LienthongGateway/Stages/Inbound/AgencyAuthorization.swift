import LienthongCore

/// Decides whether the calling agency may use a provided service: 404 when the service is not
/// provided here, 403 when the agency is not among those allowed.
public struct AgencyAuthorization: Sendable {
    /// Allowed agencies per provided service; nil means every agency with a trusted certificate.
    public let allowed: [ServiceID: Set<AgencyCode>?]

    public init(allowed: [ServiceID: Set<AgencyCode>?]) { self.allowed = allowed }

    public func authorize(_ agency: AgencyCode, for service: ServiceID) throws(Problem) {
        guard let agencies = allowed[service] else { throw .unknownService("\(service) is not provided here") }
        if let agencies, !agencies.contains(agency) {
            throw .forbidden("\(agency) may not use \(service)")
        }
    }
}
