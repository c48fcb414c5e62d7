import Hummingbird
import LienthongSchema

/// Applies the current faults before the system's routes; `/_mock/*` is never faulted, so a
/// test can always repair a mock it broke.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let injector: FaultInjector
    let stats: MockStats
    let internalErrorBody: JSONValue

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/_mock/") { return try await next(request, context) }
        switch injector.decide() {
        case .down:
            stats.count("fault.down")
            context.logger.debug("mock is down: answering 503")
            return Response(status: .serviceUnavailable)
        case .fail(let delayMs):
            try await sleep(milliseconds: delayMs)
            stats.count("fault.error")
            context.logger.debug("injected server error")
            return .json(internalErrorBody, status: .internalServerError)
        case .answer(let delayMs):
            try await sleep(milliseconds: delayMs)
            return try await next(request, context)
        }
    }

    private func sleep(milliseconds: Int) async throws {
        if milliseconds > 0 { try await Task.sleep(for: .milliseconds(milliseconds)) }
    }
}
