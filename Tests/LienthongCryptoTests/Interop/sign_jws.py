"""Signs a payload as a compact JWS with a detached, unencoded payload (RFC 7797) using joserfc,
with the header shape the gateway uses: alg, b64: false, crit: ["b64"], x5c, string members.

Input:  {"alg": str, "private_key_pem": str, "chain_pem": [str] (leaf first),
         "members": {str: str}, "payload_b64": str}
Output: {"jws": "header..signature"}
"""
import base64
import warnings

from interop_common import b64_decode, read_input, require_modules, write_output

require_modules()

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import serialization  # noqa: E402
from joserfc import jws  # noqa: E402
from joserfc.jwk import ECKey, OKPKey, RSAKey  # noqa: E402
from joserfc.jws import JWSRegistry  # noqa: E402

KEY_CLASSES = {"ES256": ECKey, "EdDSA": OKPKey, "RS256": RSAKey, "PS256": RSAKey}


def main():
    request = read_input()
    algorithm = request["alg"]
    key = KEY_CLASSES[algorithm].import_key(request["private_key_pem"].encode("ascii"))
    chain = [
        base64.b64encode(
            x509.load_pem_x509_certificate(pem.encode("ascii")).public_bytes(serialization.Encoding.DER)
        ).decode("ascii")
        for pem in request["chain_pem"]
    ]
    header = {"alg": algorithm, "b64": False, "crit": ["b64"], "x5c": chain}
    header.update(request["members"])
    registry = JWSRegistry(algorithms=[algorithm], strict_check_header=False)
    registry.max_header_length = 1 << 16
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # joserfc warns that RFC 9864 deprecates "EdDSA"
        compact = jws.serialize_compact(header, b64_decode(request["payload_b64"]), key, registry=registry)
    # joserfc attaches payloads made only of URL-safe characters; the protocol always detaches.
    header_part, _, signature_part = compact.split(".")
    write_output({"jws": header_part + ".." + signature_part})


main()
