import ArgumentParser
import Foundation
import Intake

/// `ocm-intake calendar --year Y`: the holidays the business-day counts use, so OCM can check
/// them against the official calendar and fix `holidays.yaml` when the law changes.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "List the Colombian holidays used for business days (computed + holidays.yaml)."
    )

    @Option(name: .long, help: "Year to list (1984–2100 follow Ley 51 de 1983).")
    var year: Int

    @Flag(name: .long, help: "JSON instead of text.")
    var json = false

    @Option(name: .long, help: "Folder with rules.yaml and holidays.yaml.")
    var configDir: String?

    func run() throws {
        let calendar: BusinessCalendar
        do { calendar = try ProcedureFiles.locate(configDir).calendar() } catch let failure as ConfigurationFailure {
            printError("ocm-intake: \(failure.description)")
            throw ExitStatus.usageOrConfig
        }
        let listing = HolidayListing(year: year, calendar: calendar)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(listing), as: UTF8.self))
        } else {
            listing.lines.forEach { print($0) }
        }
    }
}
