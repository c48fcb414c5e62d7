#ifndef LIENTHONG_COPENSSL_SHIM_H
#define LIENTHONG_COPENSSL_SHIM_H
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

// Function-like macros do not import into Swift; these wrappers expose them.
static inline void lt_OPENSSL_free(void *p) { OPENSSL_free(p); }
static inline long lt_BIO_get_mem_data(BIO *b, char **pp) { return BIO_get_mem_data(b, pp); }
static inline int lt_EVP_PKEY_size(const EVP_PKEY *k) { return EVP_PKEY_get_size(k); }
static inline int lt_EVP_PKEY_bits(const EVP_PKEY *k) { return EVP_PKEY_get_bits(k); }
static inline int lt_EVP_PKEY_id(const EVP_PKEY *k) { return EVP_PKEY_get_id(k); }
static inline int lt_EVP_PKEY_CTX_set_rsa_padding(EVP_PKEY_CTX *ctx, int pad) {
    return EVP_PKEY_CTX_set_rsa_padding(ctx, pad);
}
static inline int lt_EVP_PKEY_CTX_set_rsa_pss_saltlen(EVP_PKEY_CTX *ctx, int len) {
    return EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, len);
}
static inline int lt_EVP_PKEY_CTX_set_rsa_keygen_bits(EVP_PKEY_CTX *ctx, int bits) {
    return EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits);
}
static inline int lt_EVP_PKEY_CTX_set_ec_paramgen_curve_nid(EVP_PKEY_CTX *ctx, int nid) {
    return EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ctx, nid);
}
static inline int lt_sk_X509_num(const STACK_OF(X509) *s) { return sk_X509_num(s); }
static inline X509 *lt_sk_X509_value(const STACK_OF(X509) *s, int i) { return sk_X509_value(s, i); }
static inline STACK_OF(X509) *lt_sk_X509_new_null(void) { return sk_X509_new_null(); }
static inline int lt_sk_X509_push(STACK_OF(X509) *s, X509 *x) { return sk_X509_push(s, x); }
static inline void lt_sk_X509_free(STACK_OF(X509) *s) { sk_X509_free(s); }
static inline void lt_sk_X509_pop_free(STACK_OF(X509) *s) { sk_X509_pop_free(s, X509_free); }
static inline int lt_sk_X509_EXTENSION_push(STACK_OF(X509_EXTENSION) *s, X509_EXTENSION *e) {
    return sk_X509_EXTENSION_push(s, e);
}
static inline STACK_OF(X509_EXTENSION) *lt_sk_X509_EXTENSION_new_null(void) {
    return sk_X509_EXTENSION_new_null();
}
static inline void lt_sk_X509_EXTENSION_pop_free(STACK_OF(X509_EXTENSION) *s) {
    sk_X509_EXTENSION_pop_free(s, X509_EXTENSION_free);
}
static inline int lt_sk_GENERAL_NAME_num(const GENERAL_NAMES *s) { return sk_GENERAL_NAME_num(s); }
static inline GENERAL_NAME *lt_sk_GENERAL_NAME_value(const GENERAL_NAMES *s, int i) {
    return sk_GENERAL_NAME_value(s, i);
}
static inline void lt_GENERAL_NAMES_free(GENERAL_NAMES *s) { GENERAL_NAMES_free(s); }
static inline GENERAL_NAMES *lt_GENERAL_NAMES_new(void) { return sk_GENERAL_NAME_new_null(); }
static inline int lt_sk_GENERAL_NAME_push(GENERAL_NAMES *s, GENERAL_NAME *n) { return sk_GENERAL_NAME_push(s, n); }
#endif
