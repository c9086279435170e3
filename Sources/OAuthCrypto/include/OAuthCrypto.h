#ifndef OAUTH_CRYPTO_H
#define OAUTH_CRYPTO_H
#include <stddef.h>

/* The few OpenSSL (libcrypto) calls an OAuth 2 client assertion needs, behind plain C
   signatures Swift can call. Every function returns 0 on success, or -1 with a short,
   secret-free reason in err (NUL-terminated, at most errlen bytes). */

/* SHA-1 and SHA-256 of the DER form of the first certificate in a PEM text
   (Microsoft's "x5t" and "x5t#S256" JWT header values before base64url). */
int oc_certificate_thumbprints(const char *pem, size_t pem_len,
                               unsigned char sha1_out[20], unsigned char sha256_out[32],
                               char *err, size_t errlen);

/* 1 when the private key (PEM, unencrypted) belongs to the certificate, 0 when not, -1 on error. */
int oc_key_matches_certificate(const char *cert_pem, size_t cert_len, const char *key_pem, size_t key_len,
                               char *err, size_t errlen);

/* SHA-256 RSA signature of data with an RSA private key (PEM, unencrypted): PKCS#1 v1.5 (RS256)
   when pss is 0, RSASSA-PSS with a 32-byte salt (PS256) otherwise. sig must hold 1024 bytes;
   *sig_len gets the signature length. */
int oc_sign_sha256(const char *key_pem, size_t key_len, int pss,
                   const unsigned char *data, size_t data_len,
                   unsigned char *sig, size_t *sig_len, char *err, size_t errlen);
#endif
