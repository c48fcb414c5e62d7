import Foundation
import LienthongCore
import LienthongSchema
import LienthongStore

/// Hands one received message to whoever takes it locally: the service's adapter, or the webhook.
public struct InboxHandOver: Sendable {
    /// How a hand-over ended.
    public enum Outcome: Sendable, Equatable {
        case done
        /// `permanent` when trying again cannot help (the adapter refused the content, the
        /// webhook answered 4xx).
        case failed(reason: String, permanent: Bool)
    }

    public let adapter: AdapterCall
    public let parser: JSONBodyParser
    public let webhook: GatewayConfiguration.DeliverySettings.Webhook?
    public let transport: any PeerTransport
    public let certificates: SignerCertificates?

    public init(
        adapter: AdapterCall, parser: JSONBodyParser, webhook: GatewayConfiguration.DeliverySettings.Webhook?,
        transport: any PeerTransport, certificates: SignerCertificates? = nil
    ) {
        self.adapter = adapter
        self.parser = parser
        self.webhook = webhook
        self.transport = transport
        self.certificates = certificates
    }

    public func handOver(_ entry: InboxEntry) async -> Outcome {
        switch entry.route {
        case .adapter: await callAdapter(entry.message)
        case .webhook: await push(entry.message)
        case .client: .failed(reason: "messages for the client inbox are fetched, not handed over", permanent: true)
        }
    }

    /// Adapter refusals of the content (404 no such record, 422 rejected) are final; timeouts and
    /// upstream failures are retried.
    private func callAdapter(_ message: StoredMessage) async -> Outcome {
        do throws(Problem) {
            let payload = try parser.parse(message.payload)
            _ = try await adapter.call(DeliveryAttempt.envelope(of: message), payload: payload)
            return .done
        } catch {
            return .failed(reason: "\(error.name): \(error.detail)", permanent: error.status == 404 || error.status == 422)
        }
    }

    /// POSTs the payload as signed, with its `Lienthong-*` headers and signature (and the
    /// certificate, when the signature names it by thumbprint), so the local system can verify it
    /// too. 2xx takes it; 4xx other than 408 and 429 refuses it for good.
    private func push(_ message: StoredMessage) async -> Outcome {
        guard let webhook else { return .failed(reason: "no webhook is configured", permanent: false) }
        var headers = WireHeaders.fields(for: DeliveryAttempt.envelope(of: message), jws: message.jws)
        do {
            if let certificate = try await certificates?.base64Certificate(namedBy: message.jws) {
                headers.append((SignerCertificates.header, certificate))
            }
        } catch {
            return .failed(reason: "cannot read the signer certificate from the audit trail: \(error)", permanent: false)
        }
        let wire = HTTPMessage(headers: headers, body: message.payload)
        do {
            let answer = try await transport.post(wire, to: webhook.url, timeout: .seconds(webhook.timeoutSeconds))
            if (200...299).contains(answer.status) { return .done }
            let permanent = (400...499).contains(answer.status) && answer.status != 408 && answer.status != 429
            return .failed(reason: "the webhook answered HTTP \(answer.status)", permanent: permanent)
        } catch {
            return .failed(reason: "the webhook \(error)", permanent: false)
        }
    }
}
