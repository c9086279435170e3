import Foundation
import XCTest
@testable import Intake

/// Lead times of 4.1.1 on both sides of each edge: 90 and 15 calendar days for a new topic,
/// the Nota 2 relief, 10 business days for updates and reinforcements across Colombian
/// holiday weekends, 15 calendar days for OCM; the training date before the production date;
/// the request day in Bogotá. Every request is complete, so it is viable exactly when its
/// deadlines are met.
final class LeadTimeTests: XCTestCase {
    typealias B = RequestMailBuilder

    enum Kind { case nuevo, actualizacion, refuerzo, ocm, proyecto, adicional }

    struct Expected: Equatable, CustomStringConvertible {
        var rule: String
        var due: String
        var met: Bool
        var description: String { "\(rule) \(due) \(met ? "met" : "late")" }
    }

    struct Row {
        var name: String
        var kind: Kind
        var production: String
        var training: String?
        var extra: String?
        /// The Date header, as written by the sender's client.
        var date: String
        var deadlines: [Expected]
        var source: UInt

        init(_ name: String, _ kind: Kind, production: String, training: String? = nil, extra: String? = nil,
             date: String, _ deadlines: [Expected], source: UInt = #line) {
            (self.name, self.kind, self.production, self.training, self.extra) = (name, kind, production, training, extra)
            (self.date, self.deadlines, self.source) = (date, deadlines, source)
        }
    }

    static func nuevo90(_ due: String, _ met: Bool) -> Expected { Expected(rule: "nuevo_solicitud_90_dias_calendario", due: due, met: met) }
    static func nuevo15(_ due: String, _ met: Bool) -> Expected { Expected(rule: "nuevo_material_15_dias_calendario", due: due, met: met) }
    static func act10(_ due: String, _ met: Bool) -> Expected { Expected(rule: "actualizacion_material_10_dias_habiles", due: due, met: met) }
    static func ref10(_ due: String, _ met: Bool) -> Expected { Expected(rule: "refuerzo_material_10_dias_habiles", due: due, met: met) }
    static func ocm15(_ due: String, _ met: Bool) -> Expected { Expected(rule: "ocm_solicitud_15_dias_calendario", due: due, met: met) }

    /// 9:00 in Bogotá on `day`.
    static func bogota(_ day: String) -> String { "\(day)T09:00:00-05:00" }

    static let rows: [Row] = [
        // 4.1.1 a: 90 calendar days for the request, 15 for the material. 15 Jun − 90 = 17 Mar;
        // 15 Jun − 15 = Sun 31 May, shown as the business day before it, Fri 29 May.
        Row("nuevo: 90 days exactly", .nuevo, production: "15/06/2026", date: bogota("2026-03-17"),
            [nuevo90("2026-03-17", true), nuevo15("2026-05-29", true)]),
        Row("nuevo: 89 days, one day late", .nuevo, production: "15/06/2026", date: bogota("2026-03-18"),
            [nuevo90("2026-03-17", false), nuevo15("2026-05-29", true)]),
        Row("nuevo: material 15 days exactly", .nuevo, production: "15/06/2026", date: bogota("2026-05-29"),
            [nuevo90("2026-03-17", false), nuevo15("2026-05-29", true)]),
        Row("nuevo: material 14 days, one day late", .nuevo, production: "15/06/2026", date: bogota("2026-06-01"),
            [nuevo90("2026-03-17", false), nuevo15("2026-05-29", false)]),
        // Nota 2: an opening that depends on third parties relieves the material to 5 days.
        Row("Nota 2: material 5 days exactly", .nuevo, production: "15/06/2026",
            extra: "La apertura depende de terceros (Ministerio de Educación).", date: bogota("2026-06-10"),
            [nuevo90("2026-03-17", false), nuevo15("2026-06-10", true)]),
        Row("Nota 2: 4 days, one day late", .nuevo, production: "15/06/2026",
            extra: "La apertura depende de terceros (Ministerio de Educación).", date: bogota("2026-06-11"),
            [nuevo90("2026-03-17", false), nuevo15("2026-06-10", false)]),
        Row("Nota 2 said as 'sujeta a terceros'", .nuevo, production: "15/06/2026",
            extra: "La fecha de apertura está sujeta a terceros.", date: bogota("2026-06-10"),
            [nuevo90("2026-03-17", false), nuevo15("2026-06-10", true)]),
        Row("no Nota 2 without third parties: 5 days is late", .nuevo, production: "15/06/2026", date: bogota("2026-06-10"),
            [nuevo90("2026-03-17", false), nuevo15("2026-05-29", false)]),

        // 4.1.1 b: 10 business days. Training Mon 13 Apr 2026; Holy Thursday and Good Friday (2–3
        // Apr) are holidays, so the 10th business day back is Fri 27 Mar: due Thu 26 Mar.
        Row("actualización across Semana Santa: on the due day", .actualizacion, production: "20/04/2026", training: "13/04/2026",
            date: bogota("2026-03-26"), [act10("2026-03-26", true)]),
        Row("actualización across Semana Santa: Friday before is late", .actualizacion, production: "20/04/2026", training: "13/04/2026",
            date: bogota("2026-03-27"), [act10("2026-03-26", false)]),
        // Training Tue 7 Apr: both Semana Santa and San José (Mon 23 Mar) inside: due Thu 19 Mar.
        Row("actualización across two holiday weekends: on the due day", .actualizacion, production: "20/04/2026", training: "07/04/2026",
            date: bogota("2026-03-19"), [act10("2026-03-19", true)]),
        Row("actualización across two holiday weekends: one day late", .actualizacion, production: "20/04/2026", training: "07/04/2026",
            date: bogota("2026-03-20"), [act10("2026-03-19", false)]),
        // Production Fri 27 Mar, Monday 23 Mar a holiday (San José moved): due Thu 12 Mar.
        Row("actualización across the San José Monday: on the due day", .actualizacion, production: "27/03/2026",
            date: bogota("2026-03-12"), [act10("2026-03-12", true)]),
        Row("actualización across the San José Monday: one day late", .actualizacion, production: "27/03/2026",
            date: bogota("2026-03-13"), [act10("2026-03-12", false)]),
        Row("actualización asked on the Saturday after the due day", .actualizacion, production: "27/03/2026",
            date: bogota("2026-03-14"), [act10("2026-03-12", false)]),
        Row("refuerzo across Semana Santa: on the due day", .refuerzo, production: "20/04/2026", training: "13/04/2026",
            date: bogota("2026-03-26"), [ref10("2026-03-26", true)]),
        Row("refuerzo across Semana Santa: one day late", .refuerzo, production: "20/04/2026", training: "13/04/2026",
            date: bogota("2026-03-27"), [ref10("2026-03-26", false)]),

        // 4.1.1 c: OCM-originated training, 15 calendar days.
        Row("ocm: 15 days exactly", .ocm, production: "15/05/2026", date: bogota("2026-04-30"), [ocm15("2026-04-30", true)]),
        Row("ocm: 14 days, one day late", .ocm, production: "15/05/2026", date: bogota("2026-05-01"), [ocm15("2026-04-30", false)]),

        // No lead time: projects (planned by the project) and additional sessions.
        Row("proyecto has none", .proyecto, production: "20/04/2026", date: bogota("2026-04-15"), []),
        Row("adicional has none", .adicional, production: "20/04/2026", date: bogota("2026-04-15"), []),

        // The training date is T when given: 20 May − 90 = 19 Feb (production alone: 3 Jun).
        Row("training date before production: on time for training", .nuevo, production: "01/09/2026", training: "20/05/2026",
            date: bogota("2026-02-19"), [nuevo90("2026-02-19", true), nuevo15("2026-05-05", true)]),
        Row("training date before production: late for training, not for production", .nuevo, production: "01/09/2026",
            training: "20/05/2026", date: bogota("2026-02-20"), [nuevo90("2026-02-19", false), nuevo15("2026-05-05", true)]),

        // The request day is the mail's date in Bogotá. 30 May − 90 = Sun 1 Mar (met by a mail of
        // Sunday 1 Mar; shown as Fri 27 Feb).
        Row("03:00 UTC on 2 Mar is 1 Mar in Bogotá: on time", .nuevo, production: "30/05/2026",
            date: "2026-03-02T03:00:00Z", [nuevo90("2026-02-27", true), nuevo15("2026-05-15", true)]),
        Row("05:00 UTC on 2 Mar is 2 Mar in Bogotá: late", .nuevo, production: "30/05/2026",
            date: "2026-03-02T05:00:00Z", [nuevo90("2026-02-27", false), nuevo15("2026-05-15", true)]),
        Row("01:30 +0100 on 2 Mar is 1 Mar in Bogotá", .nuevo, production: "30/05/2026",
            date: "2026-03-02T01:30:00+01:00", [nuevo90("2026-02-27", true), nuevo15("2026-05-15", true)]),
    ]

    /// A complete request of the kind (nothing missing), so only the deadlines decide.
    static func mail(_ row: Row) throws -> RequestMailBuilder {
        var mail = try B.fondosCompleto()
        var fields = [("ASUNTO DEL CORREO", "Fondo Comunidades Negras"), ("FECHA DE SALIDA A PRODUCCIÓN", row.production)]
        if let training = row.training { fields.append(("FECHA DE CAPACITACIÓN", training)) }
        fields.append(("TEST", "Adjunto, 5 preguntas"))
        switch row.kind {
        case .nuevo:
            break
        case .actualizacion, .refuerzo:
            mail.intro = row.kind == .actualizacion ? "Solicitamos capacitación por la actualización del procedimiento del fondo."
                : "Solicitamos un refuerzo focalizado sobre el procedimiento del fondo."
            mail.attachments = [
                try B.pptx("Presentación cambios.pptx", titles: ["Cambios"]), try B.docx("Procedimiento actualizado.docx"),
                try B.xlsx("Lista de chequeo.xlsx", rows: [["Documento"]]), try B.testDocx(),
                B.pdf("Reglamento Operativo.pdf", title: nil, text: "Anexo"), B.pdf("Términos de referencia.pdf", title: nil, text: "Anexo"),
            ]
        case .ocm:
            mail.intro = "Solicitamos capacitación sobre el nuevo canal de atención."
            mail.signature = B.ocmSignature
            mail.attachments = [try B.pptx("Presentación canal.pptx", titles: ["Canal"]), try B.testDocx()]
        case .proyecto:
            mail.intro = "La gerencia del proyecto solicita espacio de formación para el proveedor."
            mail.signature = B.proyectoSignature
            fields.append(("CONTEXTO DEL PROYECTO", "El nuevo core bancario cambia la consulta de saldos de los asesores."))
            mail.attachments = [try B.pptx("Proyecto Core.pptx", titles: ["Core"]), try B.testDocx()]
        case .adicional:
            mail.intro = "Solicitamos una sesión adicional a la ya realizada sobre el fondo."
            mail.attachments = [try B.testDocx()]
        }
        if let extra = row.extra { mail.intro += " " + extra }
        mail.fields = fields
        mail.date = B.instant(row.date)
        mail.utcOffsetMinutes = Self.offsetMinutes(row.date)
        return mail
    }

    func testEveryLeadTimeOnBothSidesOfItsEdge() throws {
        for row in Self.rows {
            let inspection = try Self.mail(row).inspect()
            let deadlines = (inspection.deadlines ?? []).map { Expected(rule: $0.rule, due: $0.due, met: $0.met) }
            XCTAssertEqual(deadlines, row.deadlines, row.name, line: row.source)
            XCTAssertEqual(inspection.missing, [], row.name, line: row.source)
            let met = row.deadlines.allSatisfy(\.met)
            XCTAssertEqual(inspection.viable, met, row.name, line: row.source)
            XCTAssertEqual(inspection.reply, met ? "aprobacion" : "observaciones", row.name, line: row.source)
            XCTAssertNotNil(inspection.plan, row.name, line: row.source)
            let late = inspection.observations?.filter { $0.hasPrefix("La solicitud llegó el") }.count
            XCTAssertEqual(late, row.deadlines.filter { !$0.met }.count, row.name, line: row.source)
            XCTAssertEqual(inspection.trainingDate, row.training.map(Self.iso), row.name, line: row.source)
        }
    }

    /// `--now` stands for the request day when given, whatever the Date header says.
    func testNowOverridesTheDateHeader() throws {
        let row = Self.rows[0]
        let onTime = try Self.mail(row).inspect(now: B.instant("2026-03-18T04:59:00Z"))
        XCTAssertEqual(onTime.deadlines?.first?.met, true, "23:59 of 17 Mar in Bogotá")
        let late = try Self.mail(row).inspect(now: B.instant("2026-03-18T05:00:00Z"))
        XCTAssertEqual(late.deadlines?.first?.met, false, "00:00 of 18 Mar in Bogotá")
    }

    /// The late observation names the request day, the target, the due day and the first
    /// target the request could still meet.
    func testLateObservationText() throws {
        let late = try Self.mail(Self.rows[1]).inspect()
        XCTAssertEqual(late.observations, [
            "La solicitud llegó el miércoles 18 de marzo de 2026; para la salida a producción del lunes 15 de junio de 2026, la solicitud debía llegar con 90 días calendario de anticipación, es decir a más tardar el martes 17 de marzo de 2026 (numeral 4.1.1 a). La fecha más próxima que cumple el plazo es el martes 16 de junio de 2026; por favor proponga una nueva fecha o comuníquese con Aseguramiento OCM.",
        ])
        let semanaSanta = try Self.mail(Self.rows.first { $0.name == "actualización across Semana Santa: Friday before is late" }!).inspect()
        XCTAssertEqual(semanaSanta.observations, [
            "La solicitud llegó el viernes 27 de marzo de 2026; para la capacitación del lunes 13 de abril de 2026, el material debía entregarse con 10 días hábiles de anticipación, es decir a más tardar el jueves 26 de marzo de 2026 (numeral 4.1.1 b). La fecha más próxima que cumple el plazo es el martes 14 de abril de 2026; por favor proponga una nueva fecha o comuníquese con Aseguramiento OCM.",
        ])
    }

    /// The offset written at the end of an ISO 8601 instant ("Z", "-05:00"), in minutes.
    static func offsetMinutes(_ instant: String) -> Int {
        guard !instant.hasSuffix("Z") else { return 0 }
        let tail = instant.suffix(6)
        let minutes = (Int(tail.dropFirst().prefix(2)) ?? 0) * 60 + (Int(tail.suffix(2)) ?? 0)
        return tail.hasPrefix("-") ? -minutes : minutes
    }

    static func iso(_ dmy: String) -> String {
        let parts = dmy.split(separator: "/")
        return "\(parts[2])-\(parts[1])-\(parts[0])"
    }
}
