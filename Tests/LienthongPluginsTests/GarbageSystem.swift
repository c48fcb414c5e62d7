import Hummingbird
import LienthongMocks

/// A tiny upstream that answers 200 with text that is not JSON to every request.
struct GarbageSystem: MockSystem {
    let name = "garbage"

    func addRoutes(to router: Router<BasicRequestContext>, stats: MockStats) {
        let garbage: @Sendable (Request, BasicRequestContext) async throws -> Response = { _, _ in
            stats.count("garbage")
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "<html>oops")))
        }
        router.get("**", use: garbage)
        router.post("**", use: garbage)
    }
}
