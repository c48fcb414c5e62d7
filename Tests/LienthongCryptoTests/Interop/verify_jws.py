"""Verifies compact JWS with detached, unencoded payloads (RFC 7797) made by the Swift signer.

Every case is checked twice and independently:
- `joserfc`, a JOSE library, with its RFC 7797 support;
- by hand with `cryptography`: rebuild ASCII(BASE64URL(header)) || "." || payload and verify.
The x5c leaf is also checked against the issuing CA certificate given in the input. A JWS that
names its certificate by x5t#S256 is checked against the case's presented certificate: its SHA-256
must be the thumbprint.

Input:  {"issuer_pem": str,
         "cases": [{"name": str, "jws": str, "payload_b64": str, "certificate_b64": str (optional)}]}
Output: {"results": {name: {"joserfc": "valid" | "invalid: ...", "manual": ..., "issued_by_ca": bool}}}
"""
import hashlib
import json
import warnings

from interop_common import b64_decode, b64url_decode, read_input, require_modules, write_output

require_modules()

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec, padding, utils  # noqa: E402
from joserfc import jws  # noqa: E402
from joserfc.jwk import ECKey, OKPKey, RSAKey  # noqa: E402
from joserfc.jws import JWSRegistry  # noqa: E402

KEY_CLASSES = {"ES256": ECKey, "EdDSA": OKPKey, "RS256": RSAKey, "PS256": RSAKey}


def parse(compact, presented=None):
    header_part, payload_part, signature_part = compact.split(".")
    if payload_part:
        raise ValueError("the payload part is not empty")
    header = json.loads(b64url_decode(header_part))
    if header.get("b64") is not False or header.get("crit") != ["b64"]:
        raise ValueError("not an RFC 7797 unencoded-payload header: %r" % header)
    if "x5c" in header:
        leaf_der = b64_decode(header["x5c"][0])
    else:
        if presented is None:
            raise ValueError("x5t#S256 without a presented certificate")
        if b64url_decode(header["x5t#S256"]) != hashlib.sha256(presented).digest():
            raise ValueError("x5t#S256 is not the SHA-256 of the presented certificate")
        leaf_der = presented
    leaf = x509.load_der_x509_certificate(leaf_der)
    return header_part, header, leaf, b64url_decode(signature_part)


def verify_manually(compact, payload, presented):
    header_part, header, leaf, signature = parse(compact, presented)
    key = leaf.public_key()
    signing_input = header_part.encode("ascii") + b"." + payload
    algorithm = header["alg"]
    if algorithm == "ES256":
        if len(signature) != 64:
            raise ValueError("ES256 signature of %d bytes" % len(signature))
        r = int.from_bytes(signature[:32], "big")
        s = int.from_bytes(signature[32:], "big")
        key.verify(utils.encode_dss_signature(r, s), signing_input, ec.ECDSA(hashes.SHA256()))
    elif algorithm == "EdDSA":
        key.verify(signature, signing_input)
    elif algorithm == "RS256":
        key.verify(signature, signing_input, padding.PKCS1v15(), hashes.SHA256())
    elif algorithm == "PS256":
        pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
        key.verify(signature, signing_input, pss, hashes.SHA256())
    else:
        raise ValueError("unexpected alg %r" % algorithm)


def verify_with_joserfc(compact, payload, presented):
    _, header, leaf, _ = parse(compact, presented)
    public_pem = leaf.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    key = KEY_CLASSES[header["alg"]].import_key(public_pem)
    registry = JWSRegistry(algorithms=[header["alg"]], strict_check_header=False)
    registry.max_header_length = 1 << 16  # x5c makes headers larger than joserfc's 512-byte default
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # joserfc warns that RFC 9864 deprecates "EdDSA"
        jws.deserialize_compact(compact, key, registry=registry, payload=payload)


def outcome(check, *arguments):
    try:
        check(*arguments)
        return "valid"
    except Exception as error:  # any failure is an answer for the Swift side to assert on
        return "invalid: %s: %s" % (type(error).__name__, error)


def issued_by(compact, issuer, presented):
    try:
        parse(compact, presented)[2].verify_directly_issued_by(issuer)
        return True
    except Exception:
        return False


def main():
    request = read_input()
    issuer = x509.load_pem_x509_certificate(request["issuer_pem"].encode("ascii"))
    results = {}
    for case in request["cases"]:
        payload = b64_decode(case["payload_b64"])
        presented = b64_decode(case["certificate_b64"]) if "certificate_b64" in case else None
        results[case["name"]] = {
            "joserfc": outcome(verify_with_joserfc, case["jws"], payload, presented),
            "manual": outcome(verify_manually, case["jws"], payload, presented),
            "issued_by_ca": issued_by(case["jws"], issuer, presented),
        }
    write_output({"results": results})


main()
