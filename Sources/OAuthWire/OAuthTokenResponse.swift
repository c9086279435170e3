import Foundation

/// What a token endpoint's answer says, read from its status and bytes alone: pure, so it can be
/// fuzzed without a server (the bytes come from the network and are not trusted). Never keeps
/// anything but the token, its lifetime and the endpoint's `error` fields.
public enum OAuthTokenResponse: Equatable, Sendable {
    /// `access_token` (printable ASCII only: it goes into a SASL line) and `expires_in` seconds.
    case token(value: String, expiresIn: Double)
    /// A non-200 answer, with RFC 6749 §5.2 `error` / `error_description` when readable.
    case refused(httpStatus: Int, error: String?, description: String?)
    /// A 200 answer that cannot be used; says what is wrong, never echoes the body.
    case unreadable(String)

    /// A token living longer than this is treated as living this long (a year): an absurd
    /// `expires_in` must not make a token immortal or overflow a date.
    public static let longestLifetime: Double = 366 * 86_400
    /// Longest `error` / `error_description` kept (Microsoft's run to a few hundred bytes).
    public static let longestErrorText = 2_000

    public static func read(httpStatus: Int, body: [UInt8]) -> OAuthTokenResponse {
        let object = (try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])) as? [String: Any]
        guard httpStatus == 200 else {
            return .refused(httpStatus: httpStatus, error: text(object?["error"]), description: text(object?["error_description"]))
        }
        guard let object, let value = object["access_token"] as? String, !value.isEmpty else {
            return .unreadable("no access_token in the JSON answer")
        }
        guard value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            return .unreadable("access_token holds characters a bearer token cannot have")
        }
        if let type = object["token_type"] {
            guard let name = type as? String, name.lowercased() == "bearer" else {
                return .unreadable("token_type \(text(type) ?? "of the wrong JSON type"), expected Bearer")
            }
        }
        // expires_in is a number (RFC 6749); some servers send it as a string.
        let seconds = (object["expires_in"] as? NSNumber)?.doubleValue ?? (object["expires_in"] as? String).flatMap(Double.init)
        guard let seconds, seconds.isFinite, seconds > 0 else {
            return .unreadable("expires_in missing or not a positive number")
        }
        return .token(value: value, expiresIn: min(seconds, longestLifetime))
    }

    /// A JSON string field, printable characters only and bounded (it ends up in logs).
    static func text(_ value: Any?) -> String? {
        guard let string = value as? String else { return nil }
        return OAuthPrintable.text(string, limit: longestErrorText)
    }
}

/// Server-chosen text made safe for one log line: control characters dropped, length bounded.
enum OAuthPrintable {
    static func text(_ string: String, limit: Int) -> String {
        var out = ""
        for scalar in string.unicodeScalars where !(scalar.value < 0x20 && scalar != "\n") && scalar.value != 0x7F && !(0x80..<0xA0).contains(scalar.value) {
            guard out.unicodeScalars.count < limit else { break }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
