/* OpenSSL 3 calls for OAuth client assertions; see OAuthCrypto.h. */
#include "OAuthCrypto.h"
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/err.h>
#include <stdio.h>
#include <string.h>

static int fail(char *err, size_t errlen, const char *what) {
    unsigned long code = ERR_get_error();
    char detail[160] = "";
    if (code != 0) ERR_error_string_n(code, detail, sizeof detail);
    ERR_clear_error();
    if (err && errlen) snprintf(err, errlen, "%s%s%s", what, detail[0] ? ": " : "", detail);
    return -1;
}

static X509 *read_certificate(const char *pem, size_t len) {
    BIO *bio = BIO_new_mem_buf(pem, (int)len);
    if (!bio) return NULL;
    X509 *cert = PEM_read_bio_X509(bio, NULL, NULL, NULL);
    BIO_free(bio);
    return cert;
}

static EVP_PKEY *read_key(const char *pem, size_t len) {
    BIO *bio = BIO_new_mem_buf(pem, (int)len);
    if (!bio) return NULL;
    /* No passphrase callback: an encrypted key fails instead of prompting on a terminal. */
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, NULL, NULL, (void *)"");
    BIO_free(bio);
    return key;
}

int oc_certificate_thumbprints(const char *pem, size_t pem_len, unsigned char sha1_out[20],
                               unsigned char sha256_out[32], char *err, size_t errlen) {
    X509 *cert = read_certificate(pem, pem_len);
    if (!cert) return fail(err, errlen, "not a PEM certificate");
    unsigned char *der = NULL;
    int der_len = i2d_X509(cert, &der);
    X509_free(cert);
    if (der_len <= 0) return fail(err, errlen, "cannot encode the certificate");
    unsigned int n = 0;
    int ok = EVP_Digest(der, (size_t)der_len, sha1_out, &n, EVP_sha1(), NULL) &&
             EVP_Digest(der, (size_t)der_len, sha256_out, &n, EVP_sha256(), NULL);
    OPENSSL_free(der);
    return ok ? 0 : fail(err, errlen, "digest failed");
}

int oc_key_matches_certificate(const char *cert_pem, size_t cert_len, const char *key_pem, size_t key_len,
                               char *err, size_t errlen) {
    X509 *cert = read_certificate(cert_pem, cert_len);
    if (!cert) return fail(err, errlen, "not a PEM certificate");
    EVP_PKEY *key = read_key(key_pem, key_len);
    if (!key) { X509_free(cert); return fail(err, errlen, "not an unencrypted PEM private key"); }
    int match = X509_check_private_key(cert, key);
    ERR_clear_error();
    EVP_PKEY_free(key);
    X509_free(cert);
    return match == 1 ? 1 : 0;
}

int oc_sign_sha256(const char *key_pem, size_t key_len, int pss, const unsigned char *data, size_t data_len,
                   unsigned char *sig, size_t *sig_len, char *err, size_t errlen) {
    EVP_PKEY *key = read_key(key_pem, key_len);
    if (!key) return fail(err, errlen, "not an unencrypted PEM private key");
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
        EVP_PKEY_free(key);
        if (err && errlen) snprintf(err, errlen, "the private key is not an RSA key (RS256/PS256 need RSA)");
        return -1;
    }
    if (EVP_PKEY_get_size(key) > 1024) {
        EVP_PKEY_free(key);
        if (err && errlen) snprintf(err, errlen, "RSA keys above 8192 bits are not supported");
        return -1;
    }
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = NULL;
    int ok = md && EVP_DigestSignInit(md, &pctx, EVP_sha256(), NULL, key) == 1;
    if (ok && pss) {
        ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
             EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1;
    }
    size_t n = 1024;
    ok = ok && EVP_DigestSign(md, sig, &n, data, data_len) == 1;
    EVP_MD_CTX_free(md);
    EVP_PKEY_free(key);
    if (!ok) return fail(err, errlen, "signing failed");
    *sig_len = n;
    return 0;
}
