import CCurl
import Foundation
import OAuthWire

/// A server refused two OAuth logins in a row, the second with a token the endpoint issued
/// moments before. The token endpoint accepted the app's credentials (else this would be an
/// `OAuthError` naming tenant, client_id and credential), so what is left to check is on the
/// server's side: the token's audience (scope), the app's application permission, Exchange's
/// service principal for the app and its right on this mailbox. The server's own words (its
/// SASL error challenge and final reply) are included; Exchange sends the same refusal for all
/// of these, so the message lists them all.
struct OAuthLoginRefusal: CustomStringConvertible {
    enum Service { case imap, smtp }

    struct Attempt {
        var error: CurlError
        /// Protocol lines of the failed transfer (the base64 JSON challenge is among them).
        var lines: [String]
    }

    var service: Service
    var attempts: [Attempt]

    /// 67 is also "Select failed" for IMAP (a missing mailbox); only a failed login counts here.
    static func isLoginRefusal(_ error: CurlError) -> Bool {
        error.code == Int(CURLE_LOGIN_DENIED.rawValue) && !error.message.localizedCaseInsensitiveContains("select")
    }

    /// The decoded JSON of the last SASL error challenge (`+ eyJ…` in IMAP, `334 eyJ…` in SMTP);
    /// libcurl answers it (RFC 7628) so the server finishes the exchange with its final NO/535.
    static func challenge(in lines: [String]) -> String? { OAuthErrorChallenge.json(in: lines) }

    var lastChallenge: String? { attempts.last.flatMap { Self.challenge(in: $0.lines) } }

    var description: String {
        let server = attempts.last?.error.serverResponse.map { "server: \($0)" } ?? "no server reply"
        let challenge = lastChallenge.map { ", error challenge \($0)" } ?? ""
        let permission = service == .imap ? "IMAP.AccessAsApp" : "SMTP.SendAsApp"
        let mailboxRight = service == .imap ? "Add-MailboxPermission -AccessRights FullAccess" : "Add-RecipientPermission -AccessRights SendAs"
        return "OAuth login refused with a newly issued token (\(server)\(challenge)). The token endpoint accepted the app, so check "
            + "the server side: the app's \(permission) application permission (Office 365 Exchange Online, admin consent granted), "
            + "the Exchange service principal of the app (New-ServicePrincipal), its right on this mailbox (\(mailboxRight)), "
            + "the login name, and the scope (https://outlook.office365.com/.default)"
    }
}
