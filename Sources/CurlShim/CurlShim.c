/* Typed wrappers for libcurl's variadic option setters, for Swift. See CurlShim.h. */
#include "CurlShim.h"
#include <string.h>

CURLcode cs_setopt_long(CURL *h, CURLoption opt, long value) { return curl_easy_setopt(h, opt, value); }
CURLcode cs_setopt_off(CURL *h, CURLoption opt, curl_off_t value) { return curl_easy_setopt(h, opt, value); }
CURLcode cs_setopt_string(CURL *h, CURLoption opt, const char *value) { return curl_easy_setopt(h, opt, value); }
CURLcode cs_setopt_pointer(CURL *h, CURLoption opt, void *value) { return curl_easy_setopt(h, opt, value); }
CURLcode cs_setopt_slist(CURL *h, CURLoption opt, struct curl_slist *value) { return curl_easy_setopt(h, opt, value); }
CURLcode cs_setopt_write_function(CURL *h, CURLoption opt, curl_write_callback cb) { return curl_easy_setopt(h, opt, cb); }
CURLcode cs_setopt_read_function(CURL *h, curl_read_callback cb) { return curl_easy_setopt(h, CURLOPT_READFUNCTION, cb); }
CURLcode cs_setopt_debug_function(CURL *h, curl_debug_callback cb) { return curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, cb); }
CURLcode cs_setopt_xferinfo_function(CURL *h, curl_xferinfo_callback cb) { return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, cb); }
CURLcode cs_setopt_sockopt_function(CURL *h, curl_sockopt_callback cb) { return curl_easy_setopt(h, CURLOPT_SOCKOPTFUNCTION, cb); }
CURLcode cs_setopt_closesocket_function(CURL *h, curl_closesocket_callback cb) { return curl_easy_setopt(h, CURLOPT_CLOSESOCKETFUNCTION, cb); }

CURLcode cs_getinfo_long(CURL *h, CURLINFO info, long *out) { return curl_easy_getinfo(h, info, out); }
CURLcode cs_getinfo_off(CURL *h, CURLINFO info, curl_off_t *out) { return curl_easy_getinfo(h, info, out); }
CURLcode cs_getinfo_string(CURL *h, CURLINFO info, const char **out) { return curl_easy_getinfo(h, info, out); }
CURLcode cs_getinfo_socket(CURL *h, CURLINFO info, curl_socket_t *out) { return curl_easy_getinfo(h, info, out); }

CURLcode cs_setopt_mail_rcpt_allowfails(CURL *h, long onoff) {
#if LIBCURL_VERSION_NUM >= 0x080200
    return curl_easy_setopt(h, CURLOPT_MAIL_RCPT_ALLOWFAILS, onoff);
#else
    return curl_easy_setopt(h, CURLOPT_MAIL_RCPT_ALLLOWFAILS, onoff);
#endif
}

int cs_supports_protocol(const char *name) {
    const curl_version_info_data *info = curl_version_info(CURLVERSION_NOW);
    if (info == NULL || info->protocols == NULL) return 0;
    for (const char *const *p = info->protocols; *p != NULL; p++) {
        if (strcmp(*p, name) == 0) return 1;
    }
    return 0;
}
