import Hummingbird
import LienthongSchema

/// The mock national business registration system (NGSP): enterprise lookup by
/// ENTERPRISE_GDT_CODE with NGSP field names, authorised by a bearer token.
/// See docs/NATIONAL-SYSTEMS.md.
public struct BusinessRegistrySystem: MockSystem {
    public static let enterprisePathPrefix = "/ngsp/api/v1/enterprises"
    public static let developmentTokens: Set<String> = ["ngsp-dev-token"]

    public let name = "business"
    public let data: MockDataSet
    public let tokens: Set<String>

    public init(data: MockDataSet, tokens: Set<String> = BusinessRegistrySystem.developmentTokens) {
        self.data = data
        self.tokens = tokens
    }

    public func addRoutes(to router: Router<BasicRequestContext>, stats: MockStats) {
        router.get(RouterPath(Self.enterprisePathPrefix + "/:code")) { request, context in
            let (kind, response) = answer(request, code: context.parameters.get("code") ?? "")
            stats.count(kind)
            return response
        }
    }

    public func internalErrorBody() -> JSONValue { Self.error("SYSTEM_ERROR", "Lỗi hệ thống, vui lòng thử lại sau") }

    public func samples() -> JSONValue {
        [
            "enterprises": .array(data.enterprises.prefix(5).map { .string($0.code) }),
            "rule": "enterprise i of seed s is MockDataSet(seed: s).enterprises[i]",
        ]
    }

    private func answer(_ request: Request, code: String) -> (String, Response) {
        guard let authorization = request.header("Authorization"), authorization.hasPrefix("Bearer "),
              tokens.contains(String(authorization.dropFirst("Bearer ".count)))
        else {
            return ("enterprise.lookup.unauthorized", .json(Self.error("INVALID_TOKEN", "Token không hợp lệ hoặc đã hết hạn"), status: .unauthorized))
        }
        guard Self.isEnterpriseCode(code) else {
            return ("enterprise.lookup.invalid", .json(Self.error("INVALID_ENTERPRISE_CODE", "Mã số doanh nghiệp không hợp lệ"), status: .badRequest))
        }
        guard let enterprise = data.enterprise(code: code) else {
            return ("enterprise.lookup.not-found", .json(Self.error("ENTERPRISE_NOT_FOUND", "Không tìm thấy doanh nghiệp"), status: .notFound))
        }
        return ("enterprise.lookup", .json(["ErrorCode": "0", "Data": NGSPEnterpriseRecord.json(enterprise)]))
    }

    /// 10 digits, optionally followed by -NNN for a dependent unit.
    static func isEnterpriseCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts[0].count == 10, parts[0].allSatisfy(\.isASCIIDigit) else { return false }
        return parts.count == 1 || (parts[1].count == 3 && parts[1].allSatisfy(\.isASCIIDigit))
    }

    static func error(_ code: String, _ message: String) -> JSONValue {
        ["ErrorCode": .string(code), "ErrorMessage": .string(message)]
    }
}
