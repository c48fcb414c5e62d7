import LienthongCore
import LienthongPluginAPI
import LienthongSchema

enum TestServices {
    static let lookup = service("population.citizen.lookup/v1")
    static let verify = service("population.citizen.verify/v1")

    static func service(_ text: String) -> ServiceID {
        guard let id = try? ServiceID(parsing: text) else { preconditionFailure("bad test service \(text)") }
        return id
    }

    static let validLookupRequest = #"{"SoDinhDanh":"040085012345","MaHoSo":"H41.22-261121-0042"}"#
    static let validVerifyRequest = #"{"SoDinhDanh":"040085012345","HoVaTen":"Nguyễn Văn An","NgayThangNamSinh":"1985-03-14"}"#

    /// A record that conforms to the citizen lookup response schema.
    static func citizen(number: String) -> JSONValue {
        .object(JSONObject([
            ("SoDinhDanh", .string(number)), ("SoCMND", "186512345"), ("HoVaTen", "Nguyễn Văn An"),
            ("NgayThangNamSinh", "1985-03-14"), ("GioiTinh", "1"), ("DanToc", "01"), ("QuocTich", "VN"),
            ("QueQuan", .object(JSONObject([("MaTinh", "40"), ("TenTinh", "Nghệ An"), ("MaXa", "17935"), ("TenXa", "Xã Kim Liên")]))),
            ("NoiThuongTru", .object(JSONObject([
                ("MaTinh", "40"), ("TenTinh", "Nghệ An"), ("MaXa", "16681"), ("TenXa", "Phường Trường Vinh"),
                ("ChiTiet", "Số 12, đường Lê Hồng Phong, khối 5"),
            ]))),
        ]))
    }
}

/// Answers citizen lookups with a schema-valid record for the requested number, or, when asked
/// to misbehave, with a record the response schema refuses.
struct CitizenLookupPlugin: LienthongPlugin {
    var answersOutsideSchema = false

    var descriptor: PluginDescriptor {
        PluginDescriptor(
            id: "fake-population", version: "1.0.0", summary: "test population adapter",
            services: [ServiceDescriptor(service: TestServices.lookup, requestSchema: "", responseSchema: "")],
            settingsSchema: .object(JSONObject()))
    }

    func handle(_ request: PluginRequest) async throws(PluginError) -> PluginResponse {
        guard case .string(let number)? = request.payload.asObject?["SoDinhDanh"] else {
            throw .rejected("no SoDinhDanh")
        }
        if answersOutsideSchema { return PluginResponse(payload: .object(JSONObject([("SoDinhDanh", .string(number))]))) }
        return PluginResponse(payload: TestServices.citizen(number: number))
    }
}

/// An adapter whose national system never answers in time.
struct TimingOutPlugin: LienthongPlugin {
    var descriptor: PluginDescriptor {
        PluginDescriptor(
            id: "fake-slow", version: "1.0.0", summary: "always times out",
            services: [ServiceDescriptor(service: TestServices.verify, requestSchema: "", responseSchema: "")],
            settingsSchema: .object(JSONObject()))
    }

    func handle(_ request: PluginRequest) async throws(PluginError) -> PluginResponse {
        throw .timeout("the national system did not answer")
    }
}

/// An adapter that ignores cancellation and never returns on its own within a test.
struct HangingPlugin: LienthongPlugin {
    var descriptor: PluginDescriptor {
        PluginDescriptor(
            id: "fake-hanging", version: "1.0.0", summary: "hangs", services: [], settingsSchema: .object(JSONObject()))
    }

    func handle(_ request: PluginRequest) async throws(PluginError) -> PluginResponse {
        // Sleeps without honouring cancellation: the gateway must answer on time anyway.
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: .seconds(10))
        while clock.now < end { try? await Task.sleep(for: .milliseconds(50)) }
        return PluginResponse(payload: .null)
    }
}

/// A factory for configuration tests: its settings need an `http(s)` `baseURL`.
struct FakePopulationFactory: LienthongPluginFactory {
    var descriptor: PluginDescriptor {
        PluginDescriptor(
            id: "population", version: "1.0.0", summary: "test factory",
            services: [
                ServiceDescriptor(service: TestServices.lookup, requestSchema: "", responseSchema: ""),
                ServiceDescriptor(service: TestServices.verify, requestSchema: "", responseSchema: ""),
            ],
            settingsSchema: .object(JSONObject([
                ("type", "object"),
                ("properties", .object(JSONObject([("baseURL", .object(JSONObject([("type", "string"), ("pattern", "^https?://")])))]))),
                ("required", .array(["baseURL"])),
                ("additionalProperties", false),
            ])))
    }

    func make(settings: JSONValue, environment: PluginEnvironment) throws(PluginConfigurationError) -> any LienthongPlugin {
        CitizenLookupPlugin()
    }
}
