import Foundation
import Intake
import MailTransport
import Yams

/// The `oauth:` block of a mailbox or of `smtp` (Microsoft 365: `auth: xoauth2`):
/// `tenant` (id or domain; the token URL is then Microsoft's v2.0 endpoint) or `token_url`
/// (https), `client_id`, and either `secret_file`/`secret_env` (the client secret; a relative
/// `secret_file` is looked up in systemd's `$CREDENTIALS_DIRECTORY` first) or `certificate_file` +
/// `key_file` (PEM, RSA; the key unreadable by others) with `algorithm` [PS256|RS256],
/// `scope` [https://outlook.office365.com/.default], `ca_file` for the token endpoint's TLS.
extension DaemonConfiguration {
    static let oauthKeys = ["tenant", "token_url", "client_id", "secret_file", "secret_env", "certificate_file", "key_file",
                            "algorithm", "scope", "ca_file"]

    /// The OAuth secret of a server entry, or nil when it has no `oauth:` (or secrets are not
    /// read). Refuses combinations that cannot work, naming the key.
    static func oauthSecret(_ m: [String: Node], _ r: YAMLNodeReader, mechanism: MailServerConfiguration.AuthMechanism?,
                            entry: Node, base: URL, secrets: SecretSource.Context) throws(ConfigError) -> MailServerConfiguration.Secret? {
        guard let node = m["oauth"] else {
            if mechanism == .xoauth2 || mechanism == .oauthBearer, m["secret_file"] == nil, m["secret_env"] == nil {
                throw .missingKey(file: r.file, line: r.line(entry), key: "oauth")
            }
            return nil
        }
        if let authNode = m["auth"], mechanism != .xoauth2, mechanism != .oauthBearer {
            throw .invalidValue(file: r.file, line: r.line(authNode), key: "auth", message: "must be xoauth2 or oauthbearer with oauth:")
        }
        for key in ["secret_file", "secret_env"] {
            if let misplaced = m[key] {
                throw .invalidValue(file: r.file, line: r.line(misplaced), key: key,
                                    message: "with oauth: the client secret goes under oauth: (oauth.\(key))")
            }
        }
        guard let settings = try oauthSettings(node, r, base: base, secrets: secrets) else { return nil }
        return .oauth2(OAuthTokenClients.shared(for: settings))
    }

    static func oauthSettings(_ node: Node, _ r: YAMLNodeReader, base: URL, secrets: SecretSource.Context) throws(ConfigError) -> OAuthSettings? {
        let m = try r.mapping(node, key: "oauth", allowed: oauthKeys)
        func text(_ key: String) throws(ConfigError) -> String? {
            guard let n = m[key] else { return nil }
            let value = try r.string(n, key: "oauth.\(key)").trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { throw .invalidValue(file: r.file, line: r.line(n), key: "oauth.\(key)", message: "is empty") }
            return value
        }
        func invalid(_ key: String, _ message: String) -> ConfigError {
            .invalidValue(file: r.file, line: m[key].map(r.line) ?? r.line(node), key: "oauth.\(key)", message: message)
        }
        guard let clientID = try text("client_id") else { throw .missingKey(file: r.file, line: r.line(node), key: "oauth.client_id") }
        let tokenURL: String
        switch (try text("tenant"), try text("token_url")) {
        case (let tenant?, nil):
            guard tenant.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else {
                throw invalid("tenant", "'\(tenant)' is not a tenant id or domain (like contoso.onmicrosoft.com)")
            }
            tokenURL = OAuthSettings.microsoftTokenURL(tenant: tenant)
        case (nil, let url?):
            guard url.lowercased().hasPrefix("https://"), URL(string: url)?.host != nil else { throw invalid("token_url", "must be an https:// URL") }
            tokenURL = url
        case (_?, _?): throw invalid("token_url", "give tenant or token_url, not both")
        case (nil, nil): throw .missingKey(file: r.file, line: r.line(node), key: "oauth.tenant")
        }
        let scope = try text("scope") ?? OAuthSettings.microsoftScope
        guard !scope.contains(where: \.isWhitespace) else { throw invalid("scope", "one scope only (like \(OAuthSettings.microsoftScope))") }
        let algorithmText = try text("algorithm")?.uppercased() ?? "PS256"
        guard let algorithm = OAuthCertificate.Algorithm(rawValue: algorithmText) else { throw invalid("algorithm", "must be PS256 or RS256") }
        let caFile = try text("ca_file").map { $0.hasPrefix("/") ? $0 : base.appendingPathComponent($0).standardizedFileURL.path }
        let hasSecret = m["secret_file"] != nil || m["secret_env"] != nil
        let hasCertificate = m["certificate_file"] != nil || m["key_file"] != nil
        if hasSecret, hasCertificate { throw invalid(m["certificate_file"] != nil ? "certificate_file" : "key_file", "give a client secret or a certificate, not both") }
        if !hasSecret, !hasCertificate { throw .missingKey(file: r.file, line: r.line(node), key: "oauth.secret_file") }
        if m["algorithm"] != nil, !hasCertificate { throw invalid("algorithm", "only applies to certificate_file + key_file") }
        for key in ["certificate_file", "key_file"] where hasCertificate && m[key] == nil {
            throw .missingKey(file: r.file, line: r.line(node), key: "oauth.\(key)")
        }
        guard secrets.read else {
            _ = try SecretSource.resolve(m, r, base: base, secrets: secrets)
            return nil
        }
        let credential: OAuthSettings.Credential
        if hasSecret {
            guard let secret = try SecretSource.resolve(m, r, base: base, secrets: secrets), !secret.isEmpty else {
                throw invalid(m["secret_file"] != nil ? "secret_file" : "secret_env", "the client secret is empty")
            }
            credential = .secret(secret)
        } else {
            let certificate = try oauthFile("certificate_file", m, r, base: base, secrets: secrets, private: false)
            let key = try oauthFile("key_file", m, r, base: base, secrets: secrets, private: true)
            do {
                credential = .certificate(try OAuthCertificate(certificatePEM: certificate, keyPEM: key, algorithm: algorithm))
            } catch {
                throw invalid(error.file == .certificate ? "certificate_file" : "key_file", error.problem)
            }
        }
        return OAuthSettings(tokenURL: tokenURL, clientID: clientID, credential: credential, scope: scope, caFile: caFile)
    }

    /// A PEM file; relative paths as for `secret_file`. The key must not be readable by others.
    private static func oauthFile(_ key: String, _ m: [String: Node], _ r: YAMLNodeReader, base: URL, secrets: SecretSource.Context,
                                  private isPrivate: Bool) throws(ConfigError) -> String {
        guard let node = m[key] else { throw .missingKey(file: r.file, line: 1, key: "oauth.\(key)") }
        var path = try r.string(node, key: "oauth.\(key)")
        if !path.hasPrefix("/") {
            let credentials = secrets.environment["CREDENTIALS_DIRECTORY"].map { $0 + "/" + path }
            path = credentials.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
                ?? base.appendingPathComponent(path).standardizedFileURL.path
        }
        guard let data = FileManager.default.contents(atPath: path),
              let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw .invalidValue(file: r.file, line: r.line(node), key: "oauth.\(key)", message: "\(path) cannot be read")
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        if isPrivate, mode & 0o007 != 0 {
            throw .invalidValue(file: r.file, line: r.line(node), key: "oauth.\(key)",
                                message: "\(path) is readable by others (mode \(String(mode, radix: 8))); chmod 600 it")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
