import Foundation
import XCTest

/// The professional of 4.1 is configured per area in rules.yaml; `check-config` warns, with
/// file:line:key, for each area still holding a role instead of a person's name, and stays ok.
final class ProfessionalPlaceholderTests: XCTestCase {
    func testCheckConfigWarnsForEachPlaceholderOnly() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("professional-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let package = CommandLineTests.packageRoot
        try fm.createDirectory(at: root.appendingPathComponent("config"), withIntermediateDirectories: true)
        var rules = try String(contentsOf: package.appendingPathComponent("config/rules.yaml"), encoding: .utf8)
        let placeholder = "professional: Profesional de Aseguramiento OCM para Fondos en Administración"
        XCTAssertTrue(rules.contains(placeholder))
        rules = rules.replacingOccurrences(of: placeholder, with: "professional: María Fernanda Rojas")
        try rules.write(to: root.appendingPathComponent("config/rules.yaml"), atomically: true, encoding: .utf8)
        try fm.copyItem(at: package.appendingPathComponent("config/holidays.yaml"), to: root.appendingPathComponent("config/holidays.yaml"))
        for box in ["aseguramientoocm", "formacionocm"] {
            try fm.createDirectory(at: root.appendingPathComponent("mail/\(box)/new"), withIntermediateDirectories: true)
        }
        let config = root.appendingPathComponent("ocm-intake.yaml")
        try """
        mailboxes:
          - role: aseguramiento
            address: aseguramientoocm@icetex.gov.co
            url: maildir:mail/aseguramientoocm
          - role: formacion
            address: formacionocm@icetex.gov.co
            url: maildir:mail/formacionocm
        ledger: ledger.sqlite
        templates: \(package.path)/Templates
        rules: \(root.path)/config
        hostname: test.icetex.gov.co
        """.write(to: config, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.run(["check-config", "--config", config.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let warnings = result.stdout.split(separator: "\n").filter { $0.contains("warning:") }
        XCTAssertEqual(warnings.count, 4, result.stdout)
        XCTAssertFalse(result.stdout.contains("areas.fondos.professional"), result.stdout)
        let lines = rules.split(separator: "\n", omittingEmptySubsequences: false)
        let credito = try XCTUnwrap(lines.firstIndex { $0.contains("Profesional de Aseguramiento OCM para Crédito y Cobranza") }) + 1
        XCTAssertTrue(result.stdout.contains("config/rules.yaml:\(credito): areas.credito.professional \"Profesional de Aseguramiento OCM para Crédito y Cobranza\" is a role"),
                      result.stdout)
    }
}
