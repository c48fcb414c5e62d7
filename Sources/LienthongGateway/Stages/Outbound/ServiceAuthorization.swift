import LienthongCore

/// Lets a local client use only the services configured for it (403 otherwise).
public struct ServiceAuthorization: Sendable {
    public init() {}

    public func authorize(_ client: GatewayConfiguration.LocalClient, for service: ServiceID) throws(Problem) {
        guard client.allowedServices.contains(service) else {
            throw .forbidden("client \(client.name) may not use \(service)")
        }
    }
}
