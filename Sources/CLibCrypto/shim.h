// OpenSSL's libcrypto (Debian's libssl-dev), for HMAC-SHA256 message signatures; only
// MessageSigner.swift speaks to it.
#ifndef MML_CLIBCRYPTO_SHIM_H
#define MML_CLIBCRYPTO_SHIM_H
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#endif
