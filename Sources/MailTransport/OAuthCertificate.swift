import Foundation
import OAuthCrypto

/// The app's certificate and private key, used to sign client assertions: a JWT with the
/// certificate's thumbprint in its header (`x5t#S256`, and `x5t` for RS256 as Microsoft
/// documents), signed PS256 (default) or RS256 through the system OpenSSL.
public struct OAuthCertificate: Sendable, Hashable, CustomStringConvertible {
    public enum Algorithm: String, Sendable, CaseIterable { case ps256 = "PS256", rs256 = "RS256" }

    public let algorithm: Algorithm
    /// base64url SHA-1 and SHA-256 of the certificate's DER form.
    public let sha1Thumbprint: String
    public let sha256Thumbprint: String
    private let keyPEM: String

    /// Checks the pair now (PEM readable, RSA key, key belongs to the certificate), so a bad
    /// file is a configuration error, not a failed login hours later.
    public init(certificatePEM: String, keyPEM: String, algorithm: Algorithm = .ps256) throws(OAuthCertificateProblem) {
        var sha1 = [UInt8](repeating: 0, count: 20), sha256 = [UInt8](repeating: 0, count: 32)
        var error = [CChar](repeating: 0, count: 256)
        let cert = Array(certificatePEM.utf8), key = Array(keyPEM.utf8)
        guard oc_certificate_thumbprints(cert.map { CChar(bitPattern: $0) }, cert.count, &sha1, &sha256, &error, error.count) == 0 else {
            throw OAuthCertificateProblem(file: .certificate, problem: Self.text(error))
        }
        let match = oc_key_matches_certificate(cert.map { CChar(bitPattern: $0) }, cert.count, key.map { CChar(bitPattern: $0) }, key.count, &error, error.count)
        guard match >= 0 else { throw OAuthCertificateProblem(file: .key, problem: Self.text(error)) }
        guard match == 1 else { throw OAuthCertificateProblem(file: .key, problem: "the private key does not belong to the certificate") }
        self.algorithm = algorithm
        self.keyPEM = keyPEM
        sha1Thumbprint = Base64URL.encode(sha1)
        sha256Thumbprint = Base64URL.encode(sha256)
        // Sign once: a DSA/EC key or an encrypted one fails here rather than at the first login.
        _ = try Self.sign(Array("probe".utf8), keyPEM: keyPEM, algorithm: algorithm)
    }

    /// A client assertion for one token request: short-lived (10 minutes), unique `jti`,
    /// audience = the token endpoint, issuer and subject = the client id.
    public func assertion(clientID: String, audience: String, now: Date = Date()) throws(OAuthCertificateProblem) -> String {
        var header: [String: String] = ["alg": algorithm.rawValue, "typ": "JWT", "x5t#S256": sha256Thumbprint]
        if algorithm == .rs256 { header["x5t"] = sha1Thumbprint }
        let issued = Int(now.timeIntervalSince1970)
        let claims: [String: Any] = ["aud": audience, "iss": clientID, "sub": clientID, "jti": UUID().uuidString,
                                     "nbf": issued, "iat": issued, "exp": issued + 600]
        let input = Base64URL.encode(Self.json(header)) + "." + Base64URL.encode(Self.json(claims))
        let signature = try Self.sign(Array(input.utf8), keyPEM: keyPEM, algorithm: algorithm)
        return input + "." + Base64URL.encode(signature)
    }

    public var description: String { "\(algorithm.rawValue) x5t#S256=\(sha256Thumbprint)" }

    /// The C shim's NUL-terminated error text.
    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func json(_ object: [String: Any]) -> [UInt8] {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Array(data)
    }

    private static func sign(_ data: [UInt8], keyPEM: String, algorithm: Algorithm) throws(OAuthCertificateProblem) -> [UInt8] {
        var signature = [UInt8](repeating: 0, count: 1024)
        var length = 0
        var error = [CChar](repeating: 0, count: 256)
        let key = Array(keyPEM.utf8).map { CChar(bitPattern: $0) }
        guard oc_sign_sha256(key, key.count, algorithm == .ps256 ? 1 : 0, data, data.count, &signature, &length, &error, error.count) == 0 else {
            throw OAuthCertificateProblem(file: .key, problem: Self.text(error))
        }
        return Array(signature.prefix(length))
    }
}

/// What is wrong with the certificate or key file (for file:line:key configuration errors).
public struct OAuthCertificateProblem: Error, Sendable, CustomStringConvertible {
    public enum File: Sendable { case certificate, key }
    public var file: File
    public var problem: String
    public var description: String { problem }
}

/// RFC 7515 base64url without padding.
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> [UInt8]? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        return Data(base64Encoded: standard).map(Array.init)
    }
}
