#ifndef CURL_SHIM_H
#define CURL_SHIM_H
/* Through CCurl's header, so libcurl's types belong to one module (CCurl), not to two. */
#include "../../CCurl/shim.h"

/* curl_easy_setopt/curl_easy_getinfo are C variadic functions, which Swift does not import.
   Each wrapper passes its argument with the exact C type libcurl reads through va_arg
   (long, curl_off_t, pointer, function pointer): passing an int where a long is read is
   undefined behaviour. */
CURLcode cs_setopt_long(CURL *h, CURLoption opt, long value);
CURLcode cs_setopt_off(CURL *h, CURLoption opt, curl_off_t value);
CURLcode cs_setopt_string(CURL *h, CURLoption opt, const char *value);
CURLcode cs_setopt_pointer(CURL *h, CURLoption opt, void *value);
CURLcode cs_setopt_slist(CURL *h, CURLoption opt, struct curl_slist *value);
/* CURLOPT_WRITEFUNCTION or CURLOPT_HEADERFUNCTION */
CURLcode cs_setopt_write_function(CURL *h, CURLoption opt, curl_write_callback cb);
CURLcode cs_setopt_read_function(CURL *h, curl_read_callback cb);
CURLcode cs_setopt_debug_function(CURL *h, curl_debug_callback cb);
CURLcode cs_setopt_xferinfo_function(CURL *h, curl_xferinfo_callback cb);
/* CURLOPT_SOCKOPTFUNCTION / CURLOPT_CLOSESOCKETFUNCTION: to know the connection's socket. */
CURLcode cs_setopt_sockopt_function(CURL *h, curl_sockopt_callback cb);
CURLcode cs_setopt_closesocket_function(CURL *h, curl_closesocket_callback cb);

CURLcode cs_getinfo_long(CURL *h, CURLINFO info, long *out);
CURLcode cs_getinfo_off(CURL *h, CURLINFO info, curl_off_t *out);
CURLcode cs_getinfo_string(CURL *h, CURLINFO info, const char **out);
CURLcode cs_getinfo_socket(CURL *h, CURLINFO info, curl_socket_t *out);

/* Spelled CURLOPT_MAIL_RCPT_ALLLOWFAILS (three L) before 8.2.0; both names are option 290. */
CURLcode cs_setopt_mail_rcpt_allowfails(CURL *h, long onoff);

/* Whether the linked libcurl was built with a protocol ("imaps", "smtp", ...). */
int cs_supports_protocol(const char *name);
#endif
