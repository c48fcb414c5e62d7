import ServiceLifecycle

/// Releases a gateway's HTTP client, adapters and store as a step of the group's shutdown.
///
/// Placed before the gateway's servers in the group, it runs right after they stopped (the group
/// stops services in reverse order) and before the servers listed earlier. Closing the province's
/// pooled TLS connections before the ministry's exchange server stops spares that server a wait
/// for close_notify answers from idle connections.
struct GatewayRelease: Service {
    let gateway: DemoGateway

    func run() async throws {
        // Cancellation (another service failed) also ends the wait: release in either case.
        try? await gracefulShutdown()
        await gateway.release()
    }
}
