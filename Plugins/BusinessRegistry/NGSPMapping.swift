import LienthongPluginAPI
import LienthongSchema

/// Maps an NGSP enterprise record to our `business.enterprise.lookup/v1` response: the field
/// names are NGSP's already; the founding date loses its time, the status words become our
/// codes and `IS_MAIN` 1/0 becomes a boolean.
enum NGSPMapping {
    /// NGSP's status words → our ENTERPRISE_STATUS codes.
    static let statusCodes: [String: String] = [
        "Đang hoạt động": "1", "Tạm ngừng kinh doanh": "2", "Không hoạt động tại địa chỉ đã đăng ký": "3",
        "Đang làm thủ tục giải thể": "4", "Đã giải thể": "5", "Bị thu hồi giấy chứng nhận đăng ký doanh nghiệp": "6",
        "Phá sản": "7",
    ]

    static let addressFields = ["StreetNumber", "WardName", "DistrictName", "CityName", "CountryName", "AddressFullText"]

    static func enterprise(from data: UpstreamJSON) throws(PluginError) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("ENTERPRISE_GDT_CODE", .string(try data.string("ENTERPRISE_GDT_CODE"))),
            ("NAME", .string(try data.string("NAME"))),
        ]
        for optional in ["SHORT_NAME", "FOREIGN_NAME"] {
            if let value = try data.optionalString(optional), !value.isEmpty { members.append((optional, .string(value))) }
        }
        let founding = try data.string("FOUNDING_DATE")
        let date = String(founding.prefix(10))
        guard date.count == 10, founding.count == 10 || founding.dropFirst(10).hasPrefix("T") else {
            throw data.missing("FOUNDING_DATE", "a date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ss)")
        }
        members.append(("FOUNDING_DATE", .string(date)))
        let status = try data.string("ENTERPRISE_STATUS")
        guard let code = statusCodes[status] else {
            throw .badUpstreamResponse("NGSP: unknown ENTERPRISE_STATUS \"\(status)\"")
        }
        members.append(("ENTERPRISE_STATUS", .string(code)))
        let names = try data.array("LEGAL_NAMES")
        guard names.allSatisfy({ $0.asString != nil }) else { throw data.missing("LEGAL_NAMES", "an array of names") }
        members.append(("LEGAL_NAMES", .array(names)))
        let address = try data.nested("HOAdress")
        var addressMembers: [(key: String, value: JSONValue)] = []
        for field in addressFields {
            if let value = try address.optionalString(field), !value.isEmpty { addressMembers.append((field, .string(value))) }
        }
        members.append(("HOAdress", .object(JSONObject(addressMembers))))
        var activities: [JSONValue] = []
        for (index, element) in try data.array("BusinessActivity").enumerated() {
            let activity = try UpstreamJSON(element, system: data.system, path: "/BusinessActivity/\(index)")
            activities.append([
                "CODE": .string(try activity.string("CODE")),
                "NAME": .string(try activity.string("NAME")),
                "IS_MAIN": .bool(try isMain(activity)),
            ])
        }
        members.append(("BusinessActivity", .array(activities)))
        return .object(JSONObject(members))
    }

    /// NGSP sends IS_MAIN as 1/0 (older records) or true/false.
    private static func isMain(_ activity: UpstreamJSON) throws(PluginError) -> Bool {
        switch activity.object["IS_MAIN"] {
        case .bool(let flag): return flag
        case .number(let number) where number.intValue == 1: return true
        case .number(let number) where number.intValue == 0: return false
        default: throw activity.missing("IS_MAIN", "1, 0, true or false")
        }
    }
}
