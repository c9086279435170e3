import Foundation
import Intake
import MIME

/// The session as an iCalendar invitation (RFC 5545, iTIP METHOD:REQUEST) that Outlook and
/// Google add to the attendees' calendars: Bogotá time with its VTIMEZONE (UTC−5 all year, no
/// daylight saving), CRLF line ends, lines folded at 75 octets without splitting a character.
/// Pure: the stamp time and the host are given.
public struct CalendarInvitation: Sendable {
    public enum Method: String, Sendable { case request = "REQUEST", cancel = "CANCEL" }

    public var session: TrainingSession
    public var summary: String
    public var description: String
    public var organizer: Mailbox
    public var attendees: [Mailbox]
    public var stamp: Date
    public var hostname: String
    /// Raised on every move, so calendars replace the earlier version (RFC 5546 2.1.4).
    public var sequence: Int
    public var method: Method
    /// A proposal not confirmed yet (5.2.5): STATUS:TENTATIVE until staff confirm the session.
    public var tentative = false

    public init(session: TrainingSession, summary: String, description: String, organizer: Mailbox,
                attendees: [Mailbox], stamp: Date, hostname: String, sequence: Int = 0, method: Method = .request) {
        self.session = session
        self.summary = summary
        self.description = description
        self.organizer = organizer
        self.attendees = attendees
        self.stamp = stamp
        self.hostname = hostname
        self.sequence = sequence
        self.method = method
    }

    /// Stable per request: a later version of the same session replaces it in calendars.
    public var uid: String { "\(session.requestID).sesion@\(hostname.isEmpty ? "ocm-intake.invalid" : hostname)" }

    public func render() -> String {
        var lines = [
            "BEGIN:VCALENDAR", "PRODID:-//ICETEX OCM//ocm-intake//ES", "VERSION:2.0", "CALSCALE:GREGORIAN",
            "METHOD:\(method.rawValue)",
            "BEGIN:VTIMEZONE", "TZID:America/Bogota", "BEGIN:STANDARD", "DTSTART:19700101T000000",
            "TZOFFSETFROM:-0500", "TZOFFSETTO:-0500", "TZNAME:-05", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:\(uid)",
            "DTSTAMP:\(Self.utcStamp(stamp))",
            "DTSTART;TZID=America/Bogota:\(Self.local(session.date, session.startMinutes))",
            "DTEND;TZID=America/Bogota:\(Self.local(session.date, session.endMinutes))",
            "SEQUENCE:\(sequence)",
            "STATUS:\(method == .cancel ? "CANCELLED" : tentative ? "TENTATIVE" : "CONFIRMED")",
            "SUMMARY:\(Self.escape(summary))",
            "DESCRIPTION:\(Self.escape(description))",
            "LOCATION:\(Self.escape(session.place))",
            "ORGANIZER\(Self.commonName(organizer)):mailto:\(organizer.address)",
        ]
        for attendee in attendees {
            lines.append("ATTENDEE\(Self.commonName(attendee));ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:\(attendee.address)")
        }
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(Self.fold).joined()
    }

    /// TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text.replacingOccurrences(of: "\r\n", with: "\n") {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r": out += "\\n"
            default:
                if ch.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) { out.append(ch) }
            }
        }
        return out
    }

    /// `;CN="…"` with the quotes and controls a parameter value may not hold removed.
    static func commonName(_ mailbox: Mailbox) -> String {
        guard let name = mailbox.displayName, !name.isEmpty else { return "" }
        let clean = String(name.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\"" && $0.value != 0x7F }.map(Character.init))
        return ";CN=\"\(clean)\""
    }

    /// One content line, folded at 75 octets (a continuation starts with a space), ending in CRLF.
    static func fold(_ line: String) -> String {
        var out = ""
        var width = 0
        for ch in line {
            let size = String(ch).utf8.count
            if width + size > 75 {
                out += "\r\n "
                width = 1
            }
            out.append(ch)
            width += size
        }
        return out + "\r\n"
    }

    static func local(_ date: CivilDate, _ minutes: Int) -> String {
        let day = date.adding(days: minutes / (24 * 60))
        let m = minutes % (24 * 60)
        return "\(compact(day))T\(two(m / 60))\(two(m % 60))00"
    }

    static func utcStamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - days * 86_400
        return "\(compact(CivilDate(dayNumber: days)))T\(two(rest / 3600))\(two(rest % 3600 / 60))\(two(rest % 60))Z"
    }

    static func compact(_ d: CivilDate) -> String {
        String(d.description.filter { $0 != "-" })
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
