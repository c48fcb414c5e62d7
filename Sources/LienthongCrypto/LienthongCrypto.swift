// LienthongCrypto: keys, certificates, trust store, JWS and gzip, on the system OpenSSL 3 and zlib.
