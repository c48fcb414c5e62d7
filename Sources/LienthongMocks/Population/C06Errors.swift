import Hummingbird
import LienthongSchema

/// The result codes the mock C06 API answers with, in its `MaKetQua` / `MoTaKetQua` envelope.
enum C06Result {
    case success
    case invalidRequest(String)
    case missingCredentials
    case unknownClient
    case badSignature
    case staleTimestamp
    case citizenNotFound
    case nameMismatch
    case systemError

    var code: String {
        switch self {
        case .success: "00"
        case .invalidRequest: "C06-01"
        case .citizenNotFound: "C06-04"
        case .nameMismatch: "C06-05"
        case .missingCredentials: "C06-10"
        case .unknownClient: "C06-11"
        case .badSignature: "C06-12"
        case .staleTimestamp: "C06-13"
        case .systemError: "C06-99"
        }
    }

    var message: String {
        switch self {
        case .success: "Thành công"
        case .invalidRequest(let detail): "Dữ liệu yêu cầu không hợp lệ: \(detail)"
        case .citizenNotFound: "Không tìm thấy công dân"
        case .nameMismatch: "Họ và tên không khớp với thông tin công dân"
        case .missingCredentials: "Thiếu thông tin xác thực"
        case .unknownClient: "Mã ứng dụng chưa được cấp phép"
        case .badSignature: "Chữ ký không hợp lệ"
        case .staleTimestamp: "Thời điểm gửi yêu cầu nằm ngoài khoảng cho phép"
        case .systemError: "Lỗi hệ thống"
        }
    }

    var status: HTTPResponse.Status {
        switch self {
        case .success: .ok
        case .invalidRequest: .badRequest
        case .citizenNotFound, .nameMismatch: .notFound
        case .missingCredentials, .unknownClient, .badSignature, .staleTimestamp: .unauthorized
        case .systemError: .internalServerError
        }
    }

    /// The envelope C06 answers with; `data` only on success.
    func body(data: JSONValue? = nil) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("MaKetQua", .string(code)), ("MoTaKetQua", .string(message))]
        if let data { members.append(("DuLieu", data)) }
        return .object(JSONObject(members))
    }

    func response(data: JSONValue? = nil) -> Response { .json(body(data: data), status: status) }
}
