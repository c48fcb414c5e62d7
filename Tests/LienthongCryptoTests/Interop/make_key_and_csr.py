"""Makes a key and a PKCS#10 request in Python for the Swift CA to certify.

Input:  {"key_type": "EC" | "OKP" | "RSA", "agency": str, "common_name": str, "passphrase": str}
Output: {"private_key_pem": PKCS#8, "csr_pem": str,
         "traditional_encrypted_pem": str | null  (EC/RSA only: OpenSSL's legacy PEM encryption)}
"""
from interop_common import read_input, require_modules, write_output

require_modules()

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa  # noqa: E402
from cryptography.x509.oid import NameOID  # noqa: E402


def main():
    request = read_input()
    key_type = request["key_type"]
    if key_type == "EC":
        key = ec.generate_private_key(ec.SECP256R1())
    elif key_type == "OKP":
        key = ed25519.Ed25519PrivateKey.generate()
    else:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, request["common_name"])])
    alternative_names = x509.SubjectAlternativeName(
        [x509.UniformResourceIdentifier("urn:lienthong:agency:" + request["agency"])]
    )
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(subject)
        .add_extension(alternative_names, critical=False)
        .sign(key, None if key_type == "OKP" else hashes.SHA256())
    )
    traditional = None
    if key_type != "OKP":
        traditional = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.BestAvailableEncryption(request["passphrase"].encode("utf-8")),
        ).decode("ascii")
    write_output({
        "private_key_pem": key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode("ascii"),
        "csr_pem": csr.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        "traditional_encrypted_pem": traditional,
    })


main()
