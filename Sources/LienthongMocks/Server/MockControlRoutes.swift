import Hummingbird
import LienthongSchema

/// The `/_mock/*` control API every mock serves next to its system's own API.
enum MockControlRoutes {
    static func add(to router: Router<BasicRequestContext>, system: any MockSystem, stats: MockStats, injector: FaultInjector) {
        let control = router.group("_mock")
        control.get("stats") { _, _ in
            let counts = stats.snapshot().sorted { $0.key < $1.key }
                .map { (key: $0.key, value: JSONValue.number(JSONNumber($0.value))) }
            return Response.json(["system": .string(system.name), "requests": .object(JSONObject(counts))])
        }
        control.post("reset") { _, _ in
            stats.reset()
            return Response.json(["reset": true])
        }
        control.get("faults") { _, _ in
            Response.json(injector.faults.json)
        }
        control.post("faults") { request, context in
            var request = request
            do {
                let body = try parseJSONBody(try await request.bodyBytes())
                let faults = try injector.faults.updated(with: body)
                injector.set(faults)
                context.logger.info("faults changed", metadata: ["faults": "\(faults)"])
                return Response.json(faults.json)
            } catch let error as MockFaultsError {
                return Response.json(["error": .string(error.description)], status: .badRequest)
            } catch {
                return Response.json(["error": .string(String(describing: error))], status: .badRequest)
            }
        }
        control.get("samples") { _, _ in
            Response.json(system.samples())
        }
    }
}
