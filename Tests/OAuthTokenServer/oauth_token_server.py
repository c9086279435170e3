#!/usr/bin/env python3
"""A local stand-in for Microsoft's OAuth 2 token endpoint, for the mail lab and the tests.

HTTPS only (Python standard library http.server + ssl; the certificate comes from the lab's
throwaway CA, made with openssl by scripts/lab/lab-up.sh). It implements:

* POST .../token  client-credentials grant (RFC 6749 §4.4) with a client secret or a signed
  client assertion (RFC 7523: RS256 or PS256 JWT, `x5t#S256`/`x5t` header naming the registered
  certificate, aud = this endpoint's URL, iss = sub = client_id, exp in the future; signature
  checked with the openssl command line). Answers like Microsoft: {"token_type": "Bearer",
  "expires_in": N, "access_token": ...} or 400/401 {"error", "error_description": "AADSTS..."}.
* GET /introspect  for Dovecot's oauth2 passdb (introspection_mode = auth, the token as
  "Authorization: Bearer"): {"active": "true", "username": CLIENT@DOMAIN, "client_id": ...} for a live
  token, 401 {"active": false} otherwise.
* POST /control  switches (JSON): expires_in (seconds, default 3600), fail ("invalid_client" |
  "server_error" | null), issue_expired (tokens dead on arrival at the server), revoke_all.
* GET /stats  {"token_requests", "issued", "refused", "introspections", "introspections_ok"};
  GET /issued  every token handed out (so tests can grep logs for them).

Usage: oauth_token_server.py --port P --cert C --key K --clients clients.json --domain D [--pid F]
clients.json: {"CLIENT_ID": {"secret": "...", "certificate": "/path/cert.pem"}, ...}
"""
import argparse, base64, hashlib, json, os, secrets, ssl, subprocess, sys, tempfile, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

SCOPE = "https://outlook.office365.com/.default"
lock = threading.Lock()
state = {"expires_in": 3600, "fail": None, "issue_expired": False}
stats = {"token_requests": 0, "issued": 0, "refused": 0, "introspections": 0, "introspections_ok": 0}
tokens = {}  # token -> {"client": id, "expires": epoch, "revoked": bool}


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def der_of(pem_path):
    out = subprocess.run(["openssl", "x509", "-in", pem_path, "-outform", "DER"], capture_output=True, check=True)
    return out.stdout


def verify_assertion(assertion, client_id, client, audience):
    """None when the assertion is valid for client_id, else the AADSTS-style reason."""
    try:
        head_b64, claims_b64, sig_b64 = assertion.split(".")
        header = json.loads(b64url_decode(head_b64))
        claims = json.loads(b64url_decode(claims_b64))
        signature = b64url_decode(sig_b64)
    except Exception:
        return "AADSTS50027: JWT token is invalid or malformed."
    cert = client.get("certificate")
    if not cert:
        return "AADSTS700027: Client assertion contains an invalid signature. No certificate registered."
    der = der_of(cert)
    if header.get("alg") not in ("RS256", "PS256"):
        return "AADSTS5002738: Invalid JWT token. Unsupported alg."
    thumb256, thumb1 = b64url(hashlib.sha256(der).digest()), b64url(hashlib.sha1(der).digest())
    if header.get("x5t#S256") != thumb256 and header.get("x5t") != thumb1:
        return "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application."
    now = time.time()
    if claims.get("aud") != audience:
        return "AADSTS700016: Invalid audience %s." % claims.get("aud")
    if claims.get("iss") != client_id or claims.get("sub") != client_id:
        return "AADSTS700023: Client assertion audience claim does not match."
    if not (claims.get("nbf", 0) - 300 <= now < claims.get("exp", 0)):
        return "AADSTS700024: Client assertion is not within its valid time range."
    with tempfile.TemporaryDirectory() as d:
        pub, data, sig = os.path.join(d, "pub.pem"), os.path.join(d, "data"), os.path.join(d, "sig")
        subprocess.run(["openssl", "x509", "-in", cert, "-pubkey", "-noout", "-out", pub], check=True)
        open(data, "wb").write((head_b64 + "." + claims_b64).encode())
        open(sig, "wb").write(signature)
        options = ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32"] if header["alg"] == "PS256" else []
        ok = subprocess.run(["openssl", "dgst", "-sha256", *options, "-verify", pub, "-signature", sig, data],
                            capture_output=True).returncode == 0
    return None if ok else "AADSTS700027: Client assertion contains an invalid signature."


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def reply(self, status, obj):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def read_body(self):
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_POST(self):
        if self.path == "/control":
            change = json.loads(self.read_body() or b"{}")
            with lock:
                if change.pop("revoke_all", False):
                    for t in tokens.values():
                        t["revoked"] = True
                state.update(change)
            return self.reply(200, state)
        if not self.path.endswith("/token"):
            return self.reply(404, {"error": "not_found"})
        form = {k: v[0] for k, v in parse_qs(self.read_body().decode()).items()}
        audience = "https://%s:%d%s" % (self.server.server_address[0], self.server.server_address[1], self.path)
        with lock:
            stats["token_requests"] += 1
            error = self.check(form, audience)
            if error:
                stats["refused"] += 1
                return self.reply(error[0], {"error": error[1], "error_description": error[2]})
            token = "lab-" + secrets.token_urlsafe(24)
            lifetime = int(state["expires_in"])
            tokens[token] = {"client": form["client_id"], "revoked": False,
                             "expires": time.time() + (0 if state["issue_expired"] else lifetime)}
            stats["issued"] += 1
        return self.reply(200, {"token_type": "Bearer", "expires_in": lifetime, "ext_expires_in": lifetime, "access_token": token})

    def check(self, form, audience):
        if state["fail"] == "server_error":
            return (503, "temporarily_unavailable", "AADSTS90033: A transient error has occurred. Please try again.")
        if form.get("grant_type") != "client_credentials":
            return (400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.")
        client_id = form.get("client_id", "")
        client = self.server.clients.get(client_id)
        if client is None:
            return (400, "unauthorized_client", "AADSTS700016: Application with identifier '%s' was not found in the directory." % client_id)
        if form.get("scope") != SCOPE:
            return (400, "invalid_scope", "AADSTS70011: The provided value for the input parameter 'scope' is not valid.")
        if state["fail"] == "invalid_client":
            return (401, "invalid_client", "AADSTS7000215: Invalid client secret provided.")
        if "client_assertion" in form:
            if form.get("client_assertion_type") != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer":
                return (400, "invalid_request", "AADSTS50027: Invalid client assertion type.")
            reason = verify_assertion(form["client_assertion"], client_id, client, audience)
            return (401, "invalid_client", reason) if reason else None
        if "secret" not in client or form.get("client_secret") != client["secret"]:
            return (401, "invalid_client", "AADSTS7000215: Invalid client secret provided.")
        return None

    def do_GET(self):
        if self.path == "/stats":
            with lock:
                return self.reply(200, dict(stats, live_tokens=sum(1 for t in tokens.values() if not t["revoked"] and t["expires"] > time.time())))
        if self.path == "/issued":
            # every token handed out, for tests that grep logs for them (lab use only)
            with lock:
                return self.reply(200, sorted(tokens))
        if self.path.startswith("/introspect"):
            auth = self.headers.get("Authorization", "")
            token = auth[len("Bearer "):] if auth.startswith("Bearer ") else ""
            with lock:
                stats["introspections"] += 1
                t = tokens.get(token)
                live = t is not None and not t["revoked"] and t["expires"] > time.time()
                if live:
                    stats["introspections_ok"] += 1
            if live:
                # App-only tokens name no mailbox: the app's identity in the mail domain, which Dovecot
                # compares by domain (username_format = %Ld formats both sides).
                return self.reply(200, {"active": "true", "username": "%s@%s" % (t["client"], self.server.domain), "client_id": t["client"]})
            return self.reply(401, {"active": "false", "error": "invalid_token"})
        return self.reply(404, {"error": "not_found"})

    def log_message(self, *args):
        pass  # never log requests: they carry secrets and tokens


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--clients", required=True)
    p.add_argument("--domain", required=True)
    p.add_argument("--pid")
    a = p.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", a.port), Handler)
    server.clients = json.load(open(a.clients))
    server.domain = a.domain
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(a.cert, a.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    if a.pid:
        open(a.pid, "w").write(str(os.getpid()))
    server.serve_forever()


if __name__ == "__main__":
    main()
