"""Loads the PEM keys, request and certificate the Swift side wrote, and reports what it reads.

Input:  {"private_key_pem", "encrypted_private_key_pem", "passphrase", "public_key_pem",
         "csr_pem", "certificate_pem", "ca_certificate_pem"}
Output: {"key_type", "public_key_matches", "encrypted_key_matches", "wrong_passphrase_refused",
         "csr_signature_valid", "csr_common_name", "csr_agency_uris",
         "certificate_common_name", "certificate_agency_uris", "certificate_dns_names",
         "certificate_issued_by_ca", "certificate_is_ca", "certificate_key_usage",
         "certificate_extended_key_usage", "certificate_serial_hex", "ca_is_ca"}
"""
from interop_common import read_input, require_modules, write_output

require_modules()

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa  # noqa: E402
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID  # noqa: E402


def spki(key):
    return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def key_type(key):
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return "EC " + key.curve.name
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return "Ed25519"
    if isinstance(key, rsa.RSAPrivateKey):
        return "RSA %d" % key.key_size
    return type(key).__name__


def common_name(name):
    return name.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value


def san(extensions, kind):
    try:
        names = extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    return names.get_values_for_type(kind)


def main():
    request = read_input()
    private_key = serialization.load_pem_private_key(request["private_key_pem"].encode("ascii"), None)
    public_key = serialization.load_pem_public_key(request["public_key_pem"].encode("ascii"))
    passphrase = request["passphrase"].encode("utf-8")
    encrypted_pem = request["encrypted_private_key_pem"].encode("ascii")
    encrypted_key = serialization.load_pem_private_key(encrypted_pem, passphrase)
    try:
        serialization.load_pem_private_key(encrypted_pem, b"not the passphrase")
        wrong_refused = False
    except (ValueError, TypeError):
        wrong_refused = True

    csr = x509.load_pem_x509_csr(request["csr_pem"].encode("ascii"))
    certificate = x509.load_pem_x509_certificate(request["certificate_pem"].encode("ascii"))
    ca = x509.load_pem_x509_certificate(request["ca_certificate_pem"].encode("ascii"))
    try:
        certificate.verify_directly_issued_by(ca)
        issued = True
    except Exception:
        issued = False
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage)
    extended = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    write_output({
        "key_type": key_type(private_key),
        "public_key_matches": spki(private_key.public_key()) == spki(public_key),
        "encrypted_key_matches": spki(encrypted_key.public_key()) == spki(public_key),
        "wrong_passphrase_refused": wrong_refused,
        "csr_signature_valid": csr.is_signature_valid,
        "csr_common_name": common_name(csr.subject),
        "csr_agency_uris": san(csr.extensions, x509.UniformResourceIdentifier),
        "certificate_common_name": common_name(certificate.subject),
        "certificate_agency_uris": san(certificate.extensions, x509.UniformResourceIdentifier),
        "certificate_dns_names": san(certificate.extensions, x509.DNSName),
        "certificate_issued_by_ca": issued,
        "certificate_is_ca": certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca,
        "certificate_key_usage": {
            "critical": usage.critical,
            "digital_signature": usage.value.digital_signature,
            "key_cert_sign": usage.value.key_cert_sign,
        },
        "certificate_extended_key_usage": sorted(
            {ExtendedKeyUsageOID.SERVER_AUTH: "serverAuth", ExtendedKeyUsageOID.CLIENT_AUTH: "clientAuth"}.get(oid, oid.dotted_string)
            for oid in extended
        ),
        "certificate_serial_hex": format(certificate.serial_number, "X"),
        "ca_is_ca": ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca,
    })


main()
