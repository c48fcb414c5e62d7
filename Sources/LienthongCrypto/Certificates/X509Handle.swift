import COpenSSL

/// Owns one parsed OpenSSL `X509` and frees it on deinit.
///
/// `@unchecked Sendable` is safe because the object is parsed from DER and never modified
/// afterwards, and `Certificate.init` computes OpenSSL's lazily cached extension data up front
/// (`X509_get_extension_flags`); OpenSSL 3 guards that cache with the object's own lock anyway.
final class X509Handle: @unchecked Sendable {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { X509_free(pointer) }
}

/// Owns one OpenSSL `X509_REQ` (certificate signing request); same reasoning as `X509Handle`.
final class X509RequestHandle: @unchecked Sendable {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { X509_REQ_free(pointer) }
}
