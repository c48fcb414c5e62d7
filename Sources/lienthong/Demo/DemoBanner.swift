import LienthongMocks

/// What the demo prints once everything listens: the lines scripts read (`local-api:`,
/// `api-key:`, `citizen:`, `enterprise:`) and curl commands to paste.
enum DemoBanner {
    static func text(layout: DemoLayout, apiKey: String, data: MockDataSet) -> String {
        let localAPI = "http://127.0.0.1:\(layout.provinceLocalPort)"
        var lines = [
            "Lienthong demo: province \(DemoLayout.province) -> ministry \(DemoLayout.ministry) -> mock national systems",
            "local-api: \(localAPI)",
            "api-key: \(apiKey)",
        ]
        // Citizen 0 and enterprise 0 of the mocks' seed exist, so the examples succeed.
        if let citizen = data.citizens.citizens.first {
            lines.append("citizen: \(citizen.soDinhDanh)")
            lines.append(curl(localAPI, apiKey, "population.citizen.lookup/v1", #"{"SoDinhDanh":"\#(citizen.soDinhDanh)"}"#))
        }
        if let enterprise = data.enterprises.first {
            lines.append("enterprise: \(enterprise.code)")
            lines.append(curl(localAPI, apiKey, "business.enterprise.lookup/v1", #"{"ENTERPRISE_GDT_CODE":"\#(enterprise.code)"}"#))
        }
        lines.append("Files in \(layout.directory.path); stop with Ctrl-C.")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func curl(_ localAPI: String, _ apiKey: String, _ service: String, _ body: String) -> String {
        "curl -i -X POST \(localAPI)/v1/services/\(service) -H 'Authorization: Bearer \(apiKey)' "
            + "-H 'Content-Type: application/json' -d '\(body)'"
    }
}
