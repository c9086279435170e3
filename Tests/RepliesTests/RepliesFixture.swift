import Foundation
import Intake
import MIME
import XCTest
@testable import Replies

/// Shared inputs: the real `Templates/` folder and `config/rules.yaml` of the repository, and a
/// context with everything pinned (date, host) so rendered mails are reproducible.
enum RepliesFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The folder's files as the shell gives them: file name → text.
    static func templateFiles() throws -> [String: String] {
        let folder = repository.appendingPathComponent("Templates")
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    static func composer() throws -> ReplyComposer {
        ReplyComposer(templates: try ReplyTemplates(files: templateFiles()))
    }

    static func rules() throws -> Rules {
        let url = repository.appendingPathComponent("config/rules.yaml")
        return try Rules(yaml: String(contentsOf: url, encoding: .utf8), file: "config/rules.yaml")
    }

    static let ocm = Mailbox(displayName: "Aseguramiento OCM", address: "aseguramientoocm@icetex.gov.co")
    static let formacion = Mailbox(displayName: "Formación OCM", address: "formacionocm@icetex.gov.co")
    static let ana = Mailbox(displayName: "Ana María Pérez Gómez", address: "amperez@icetex.gov.co")
    /// Monday 2026-02-16 10:12:00 in Bogotá (15:12 UTC).
    static let date = Date(timeIntervalSince1970: 1_771_254_720)
    static let requestDay = CivilDate(year: 2026, month: 2, day: 16)!

    static let incoming = IncomingMail(
        subject: "RV: Solicitud capacitación condonación Fondos en Administración - Comunidades negras",
        messageID: "<CAK7x2=fondos.0216@mail.icetex.gov.co>",
        references: ["<inicio.0210@mail.icetex.gov.co>"],
        replyTarget: ana)

    static func context(_ kind: ReplyKind, revision: Int = 1) -> ReplyContext {
        ReplyContext(requestID: "OCM-2026-0001", revision: revision, kind: kind, from: ocm, cc: [formacion], requester: ana,
                     incoming: incoming, topic: "condonación Fondos en Administración - Comunidades negras",
                     areaName: "Vicepresidencia de Fondos en Administración", date: date, hostname: "ocm.icetex.gov.co")
    }

    static func observationsContext() -> ReplyContext {
        var context = context(.observaciones)
        context.workTableDate = CivilDate(year: 2026, month: 2, day: 19)
        context.observations = [
            // As the evaluator writes them: 4.1.1 a's list, the due day a business day (Sun 17 May → Fri 15 May).
            Observation.missingMaterial(code: "reglamento", name: "Reglamento Operativo del Fondo", condition: "convocatoria",
                                        due: CivilDate(year: 2026, month: 5, day: 15), section: "4.1.1 a"),
            Observation.missingMaterial(code: "f521", name: "Formato Revisión Documental F521", condition: "revision_documental",
                                        due: nil, section: "4.1.1 a"),
            Observation.missingMaterial(code: "presentacion", name: "Presentación de la capacitación (PowerPoint) con preguntas frecuentes o escenarios no recurrentes",
                                        condition: nil, due: CivilDate(year: 2026, month: 5, day: 15), article: "la", section: "4.1.1 a"),
            Observation.insufficientTest(questions: 3, topics: 1, minimumPerTopic: 5,
                                         due: CivilDate(year: 2026, month: 5, day: 15)),
        ]
        return context
    }

    static func approvalContext() throws -> ReplyContext {
        let rules = try rules()
        var context = context(.aprobacion)
        let material = rules.kind("nuevo")!.leadTimes.first { $0.appliesTo == .material }
        context.plan = OperationalPlan(requestDay: requestDay, rules: rules.plan, calendar: BusinessCalendar(),
                                       target: PlanTarget(productionDate: CivilDate(year: 2026, month: 6, day: 1), materialRule: material,
                                                          conditions: ["crm"], professional: rules.area("fondos")?.professional))
        context.productionDate = CivilDate(year: 2026, month: 6, day: 1)
        let leadTimes = rules.kind("nuevo")!.leadTimes
        context.deadlines = [
            ReplyDeadline(rule: leadTimes[0], due: CivilDate(year: 2026, month: 3, day: 3)!, met: true),
            // 1 Jun − 15 = Sun 17 May: the evaluator shows the business day before, Fri 15 May.
            ReplyDeadline(rule: leadTimes[1], due: CivilDate(year: 2026, month: 5, day: 15)!, met: true),
        ]
        return context
    }

    static func unreadableContext() -> ReplyContext {
        var context = context(.ilegible)
        context.topic = nil
        context.problems = [
            .messageTooLarge(bytes: 40_055_603, limit: 26_214_400),
            .unreadableAttachment(filename: "Test condonación.xlsx", reason: "está protegido con contraseña"),
        ]
        return context
    }
}

/// Golden files: the rendered mail compared byte for byte with `Golden/NAME.eml`. To accept a
/// deliberate change, run the tests once with `OCM_UPDATE_GOLDEN=1` (the files are rewritten
/// and the test fails, so a refresh never passes silently), review the diff, and commit it.
func assertGolden(_ raw: [UInt8], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = RepliesFixture.goldenFolder.appendingPathComponent(name + ".eml")
    if ProcessInfo.processInfo.environment["OCM_UPDATE_GOLDEN"] == "1" {
        do {
            try FileManager.default.createDirectory(at: RepliesFixture.goldenFolder, withIntermediateDirectories: true)
            try Data(raw).write(to: url)
        } catch {
            XCTFail("cannot write \(url.path): \(error)", file: file, line: line)
        }
        XCTFail("golden file \(name).eml rewritten (OCM_UPDATE_GOLDEN=1): review and commit it", file: file, line: line)
        return
    }
    guard let expected = try? Data(contentsOf: url) else {
        XCTFail("no golden file \(url.path); run with OCM_UPDATE_GOLDEN=1 to create it", file: file, line: line)
        return
    }
    if Array(expected) == raw { return }
    let got = String(decoding: raw, as: UTF8.self).components(separatedBy: "\r\n")
    let want = String(decoding: expected, as: UTF8.self).components(separatedBy: "\r\n")
    let first = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
    XCTFail("\(name).eml differs at line \(first + 1):\n got: \(first < got.count ? got[first] : "<end>")\nwant: \(first < want.count ? want[first] : "<end>")",
            file: file, line: line)
}
