import Foundation
import XCTest
@testable import Intake

/// Area and kind of a request, end to end from a written mail: the area from the signature,
/// the body or an explicit ÁREA field; the kind from keywords, the area, or an explicit TIPO DE
/// SOLICITUD field; and the minimum material each area × kind asks for (rules.yaml).
final class AreaKindTests: XCTestCase {
    struct Row {
        var name: String
        var subject: String
        var intro: String
        var signature: String
        var fields: [(String, String)]
        var area: String
        var kind: String
        var source: UInt

        init(name: String, subject: String = "Solicitud de capacitación para el proveedor",
             intro: String = "Buenos días, solicitamos un espacio de capacitación para el proveedor de atención.",
             signature: String = RequestMailBuilder.neutralSignature, fields: [(String, String)] = [],
             area: String, kind: String, source: UInt = #line) {
            (self.name, self.subject, self.intro, self.signature) = (name, subject, intro, signature)
            (self.fields, self.area, self.kind, self.source) = (fields, area, kind, source)
        }
    }

    /// A request with its production date and nothing else, so area and kind are all that
    /// decide the rest.
    func mail(_ row: Row) -> RequestMailBuilder {
        var mail = RequestMailBuilder()
        mail.subject = row.subject
        mail.intro = row.intro
        mail.signature = row.signature
        mail.fields = [("FECHA DE SALIDA A PRODUCCIÓN", "15/06/2026")] + row.fields
        mail.fieldStyle = .colon
        return mail
    }

    let areaRows: [Row] = [
        Row(name: "fondos by signature", signature: RequestMailBuilder.fondosSignature, area: "fondos", kind: "nuevo"),
        Row(name: "crédito by signature", signature: RequestMailBuilder.creditoSignature, area: "credito", kind: "nuevo"),
        Row(name: "becas by signature", signature: RequestMailBuilder.becasSignature, area: "becas", kind: "nuevo"),
        Row(name: "proyecto by signature", signature: RequestMailBuilder.proyectoSignature, area: "proyecto", kind: "proyecto"),
        Row(name: "ocm by signature", signature: RequestMailBuilder.ocmSignature, area: "ocm", kind: "ocm"),
        Row(name: "fondos by body", intro: "Desde la Vicepresidencia de Fondos en Administración solicitamos capacitación sobre el Fondo de Víctimas.",
            area: "fondos", kind: "nuevo"),
        Row(name: "crédito by body", intro: "Solicitamos capacitación sobre la línea de crédito con recursos propios.",
            area: "credito", kind: "nuevo"),
        Row(name: "becas by body", intro: "Solicitamos capacitación sobre las becas de programas internacionales.",
            area: "becas", kind: "nuevo"),
        Row(name: "proyecto by body", intro: "La gerencia del proyecto solicita formación para el proveedor.",
            area: "proyecto", kind: "proyecto"),
        Row(name: "ocm by body", intro: "La Oficina Comercial y de Mercadeo solicita capacitación sobre el nuevo canal de atención.",
            area: "ocm", kind: "ocm"),
        // 4.1.1 e: findings of OCM's own controls are handled as (b).
        Row(name: "ocm self-control findings are an update (4.1.1 e)",
            intro: "La Oficina Comercial y de Mercadeo solicita capacitación por los hallazgos de autocontrol del Software de auditorías y planes.",
            area: "ocm", kind: "actualizacion"),
        Row(name: "fondos by subject", subject: "Capacitación Fondo de Reparación para Víctimas", area: "fondos", kind: "nuevo"),
        Row(name: "explicit ÁREA field beats the body", intro: "Solicitamos capacitación sobre el crédito educativo de posgrado.",
            fields: [("ÁREA", "Oficina de Relaciones Internacionales")], area: "becas", kind: "nuevo"),
        Row(name: "explicit ÁREA by its acronym", fields: [("AREA", "ORI")], area: "becas", kind: "nuevo"),
        Row(name: "explicit ÁREA SOLICITANTE beats the signature", signature: RequestMailBuilder.fondosSignature,
            fields: [("Área solicitante", "Vicepresidencia de Crédito y Cobranza")], area: "credito", kind: "nuevo"),
        Row(name: "signature outweighs one word in the body", intro: "Solicitamos capacitación; aplica también a la línea de crédito.",
            signature: RequestMailBuilder.fondosSignature, area: "fondos", kind: "nuevo"),
        Row(name: "no area named", area: "otra", kind: "otro"),
        Row(name: "no area named, new product by keyword", intro: "Solicitamos capacitación para el lanzamiento de un nuevo producto.",
            area: "otra", kind: "nuevo"),
    ]

    func testAreaFromSignatureBodySubjectAndField() {
        for row in areaRows {
            let inspection = mail(row).inspect()
            XCTAssertEqual(inspection.area, row.area, row.name, line: row.source)
            XCTAssertEqual(inspection.kind, row.kind, row.name, line: row.source)
            // Nothing but a production date: every area and kind lacks something (a test at least);
            // with no area told, the mail goes to OCM staff for a manual review instead.
            XCTAssertEqual(inspection.reply, row.area == "otra" || row.kind == "otro" ? "revision-manual" : "observaciones",
                           row.name, line: row.source)
            XCTAssertEqual(inspection.viable, false, row.name, line: row.source)
        }
    }

    /// How each kind is written in a body, for the three misional areas.
    static let kindWordings: [(kind: String, wording: String, intro: String)] = [
        ("nuevo", "nuevo programa", "Solicitamos la capacitación del nuevo programa."),
        ("nuevo", "refuerzo del portafolio (4.1.1 a)", "Solicitamos un refuerzo del portafolio con un producto más."),
        ("actualizacion", "actualización", "Solicitamos capacitación por la actualización del proceso de atención."),
        ("refuerzo", "refuerzo focalizado", "Solicitamos un refuerzo focalizado al proveedor sobre el proceso de atención."),
        ("refuerzo", "refuerzo and refuerzo del portafolio", "Solicitamos un refuerzo del portafolio y un refuerzo sobre el proceso."),
        ("adicional", "sesión adicional", "Solicitamos una sesión adicional a la ya realizada."),
    ]

    static let misionalSignatures = [
        ("fondos", RequestMailBuilder.fondosSignature),
        ("credito", RequestMailBuilder.creditoSignature),
        ("becas", RequestMailBuilder.becasSignature),
    ]

    /// Minimum material with no condition stated (rules.yaml `requirements`), sorted.
    static let expectedMissing: [String: [String]] = [
        "fondos/nuevo": ["lista_chequeo", "plantillas", "presentacion", "test"],
        "credito/nuevo": ["calendario", "condiciones_aplicacion", "condiciones_legalizacion", "condiciones_renovacion",
                          "plantillas", "presentacion", "procedimiento", "test"],
        "becas/nuevo": ["calendario", "condiciones_aplicacion", "plantillas", "presentacion", "procedimiento", "test"],
        "fondos/actualizacion": ["lista_chequeo", "presentacion", "procedimiento", "reglamento", "terminos", "test"],
        "credito/actualizacion": ["lista_chequeo", "presentacion", "procedimiento", "test"],
        "becas/actualizacion": ["lista_chequeo", "presentacion", "procedimiento", "test"],
        "fondos/refuerzo": ["lista_chequeo", "presentacion", "procedimiento", "reglamento", "terminos", "test"],
        "credito/refuerzo": ["lista_chequeo", "presentacion", "procedimiento", "test"],
        "becas/refuerzo": ["lista_chequeo", "presentacion", "procedimiento", "test"],
        "proyecto/proyecto": ["contexto_proyecto", "presentacion", "test"],
        "ocm/ocm": ["presentacion", "test"],
        "ocm/actualizacion": ["lista_chequeo", "presentacion", "procedimiento", "test"],
        // 4.2.1 asks a test of every request, whatever its kind.
        "fondos/adicional": ["test"],
        "credito/adicional": ["test"],
        "becas/adicional": ["test"],
        "otra/otro": ["test"],
        "otra/nuevo": ["test"],
    ]

    func testEveryMisionalAreaTimesKindByKeywords() {
        for (area, signature) in Self.misionalSignatures {
            for (kind, wording, intro) in Self.kindWordings {
                let row = Row(name: "\(area) × \(kind) (\(wording))", intro: intro, signature: signature, area: area, kind: kind)
                let inspection = mail(row).inspect()
                XCTAssertEqual(inspection.area, area, row.name)
                XCTAssertEqual(inspection.kind, kind, row.name)
                XCTAssertEqual(inspection.missing, Self.expectedMissing["\(area)/\(kind)"], row.name)
            }
        }
    }

    func testProjectOCMAndOtherKindsWithTheirMaterial() {
        let rows: [Row] = [
            Row(name: "proyecto", signature: RequestMailBuilder.proyectoSignature, area: "proyecto", kind: "proyecto"),
            Row(name: "ocm", signature: RequestMailBuilder.ocmSignature, area: "ocm", kind: "ocm"),
            // 4.1.1 c: OCM's own "actualizaciones y/o reingeniería de sus procesos" and reinforcements are its kind.
            Row(name: "ocm, update of a process", intro: "Solicitamos capacitación por la actualización del proceso de PQRSD.",
                signature: RequestMailBuilder.ocmSignature, area: "ocm", kind: "ocm"),
            Row(name: "ocm, a reinforcement", intro: "Solicitamos un refuerzo al proveedor sobre la atención por Aranda.",
                signature: RequestMailBuilder.ocmSignature, area: "ocm", kind: "ocm"),
            Row(name: "proyecto even when it says update", intro: "Solicitamos capacitación por la actualización del aplicativo.",
                signature: RequestMailBuilder.proyectoSignature, area: "proyecto", kind: "proyecto"),
            Row(name: "no area, no kind", area: "otra", kind: "otro"),
            Row(name: "no area, a new product", intro: "Solicitamos capacitación para el lanzamiento de un nuevo producto.",
                area: "otra", kind: "nuevo"),
        ]
        for row in rows {
            let inspection = mail(row).inspect()
            XCTAssertEqual(inspection.area, row.area, row.name, line: row.source)
            XCTAssertEqual(inspection.kind, row.kind, row.name, line: row.source)
            XCTAssertEqual(inspection.missing, Self.expectedMissing["\(row.area)/\(row.kind)"], row.name, line: row.source)
        }
    }

    /// TIPO DE SOLICITUD decides over whatever kind words the body carries.
    let explicitKindRows: [Row] = [
        Row(name: "TIPO: Tema nuevo over 'actualización' in the body",
            intro: "Solicitamos capacitación; incluye la actualización del reglamento.", signature: RequestMailBuilder.fondosSignature,
            fields: [("TIPO DE SOLICITUD", "Tema nuevo")], area: "fondos", kind: "nuevo"),
        Row(name: "TIPO: Actualización over 'refuerzo' in the body",
            intro: "Solicitamos capacitación como refuerzo al proveedor.", signature: RequestMailBuilder.creditoSignature,
            fields: [("TIPO DE SOLICITUD", "Actualización")], area: "credito", kind: "actualizacion"),
        Row(name: "TIPO: Refuerzo focalizado", signature: RequestMailBuilder.becasSignature,
            fields: [("Tipo de solicitud", "Refuerzo focalizado")], area: "becas", kind: "refuerzo"),
        Row(name: "TIPO: Capacitación adicional", signature: RequestMailBuilder.fondosSignature,
            fields: [("Tipo de solicitud", "Capacitación adicional")], area: "fondos", kind: "adicional"),
        Row(name: "TIPO: actualizar (a keyword, not a code)", signature: RequestMailBuilder.becasSignature,
            fields: [("Tipo", "Actualizar el procedimiento de legalización")], area: "becas", kind: "actualizacion"),
        Row(name: "TIPO: Proyecto for a project", signature: RequestMailBuilder.proyectoSignature,
            fields: [("Tipo de solicitud", "Proyecto")], area: "proyecto", kind: "proyecto"),
        Row(name: "TIPO: Refuerzo for a project", signature: RequestMailBuilder.proyectoSignature,
            fields: [("Tipo de solicitud", "Refuerzo")], area: "proyecto", kind: "refuerzo"),
        // 4.1.1 a: "tema nuevo o refuerzo de portafolio" is a new topic, not a (b) reinforcement.
        Row(name: "TIPO: Refuerzo de portafolio is 4.1.1 a", signature: RequestMailBuilder.creditoSignature,
            fields: [("Tipo de solicitud", "Refuerzo de portafolio")], area: "credito", kind: "nuevo"),
        Row(name: "TIPO: Refuerzo de procesos is 4.1.1 b", signature: RequestMailBuilder.creditoSignature,
            fields: [("Tipo de solicitud", "Refuerzo de procesos")], area: "credito", kind: "refuerzo"),
    ]

    func testExplicitTipoDeSolicitud() {
        for row in explicitKindRows {
            let inspection = mail(row).inspect()
            XCTAssertEqual(inspection.area, row.area, row.name, line: row.source)
            XCTAssertEqual(inspection.kind, row.kind, row.name, line: row.source)
        }
    }

    /// The same request in an Outlook HTML table only (no text/plain part) reads the same.
    func testAreaAndKindFromAnHTMLOnlyBody() {
        var builder = mail(Row(name: "html", signature: RequestMailBuilder.becasSignature,
                               fields: [("TIPO DE SOLICITUD", "Actualización")], area: "becas", kind: "actualizacion"))
        builder.htmlOnly = true
        let inspection = builder.inspect()
        XCTAssertEqual(inspection.area, "becas")
        XCTAssertEqual(inspection.kind, "actualizacion")
        XCTAssertEqual(inspection.productionDate, "2026-06-15")
    }
}
