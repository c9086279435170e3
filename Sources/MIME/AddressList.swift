import Foundation

/// Parses address-list headers (`From`, `To`, `Cc`, `Reply-To`, `Sender`) tolerantly: quoted and
/// encoded display names, comments, groups, bare addresses, and the usual client mistakes.
public enum AddressList {
    public static func parse(_ raw: [UInt8]) -> (entries: [AddressListEntry], issues: [MIMEWarning.Kind]) {
        // PLACEHOLDER (helper A replaces): finds a bare address or one inside <>.
        let text = EncodedWord.decodeHeaderText(raw).text
        if let lt = text.firstIndex(of: "<"), let gt = text[lt...].firstIndex(of: ">") {
            let name = text[..<lt].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return ([.mailbox(Mailbox(displayName: name.isEmpty ? nil : name, address: String(text[text.index(after: lt)..<gt])))], [])
        }
        let t = text.trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? ([], []) : ([.mailbox(Mailbox(address: t))], [])
    }
}
