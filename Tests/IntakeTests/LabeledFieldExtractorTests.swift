import XCTest
import Intake

final class LabeledFieldExtractorTests: XCTestCase {
    struct Case {
        var line: String
        var key: FieldKey?
        var value: String?
        var source: UInt

        init(line: String, key: FieldKey?, value: String?, source: UInt = #line) {
            (self.line, self.key, self.value, self.source) = (line, key, value, source)
        }
    }

    /// One line each: spellings, misspellings, separators. `key: nil` means "not a field".
    let cases: [Case] = [
        Case(line: "ASUNTO DEL CORREO\tCondonación Fondos en Administración - Comunidades Negras",
             key: .asunto, value: "Condonación Fondos en Administración - Comunidades Negras"),
        Case(line: "ASUNTO DEL CORREO: Condonación", key: .asunto, value: "Condonación"),
        Case(line: "Asunto del correo: Nueva línea de crédito Tú Eliges Posgrado", key: .asunto,
             value: "Nueva línea de crédito Tú Eliges Posgrado"),
        Case(line: "Asunto: Convocatoria Fondo de Reparación para Víctimas 2026-2", key: .asunto,
             value: "Convocatoria Fondo de Reparación para Víctimas 2026-2"),
        Case(line: "Asuto del correo: Becas", key: .asunto, value: "Becas"),
        Case(line: "ASUNTO DEL CORREO - Becas Colombia-Francia 2026", key: .asunto,
             value: "Becas Colombia-Francia 2026"),
        Case(line: "Asunto del correo - Nueva línea: Tú Eliges", key: .asunto, value: "Nueva línea: Tú Eliges"),
        Case(line: "Tema: Condonación por graduación", key: .asunto, value: "Condonación por graduación"),
        Case(line: "Nombre del proyecto: Nuevo Core Bancario", key: .asunto, value: "Nuevo Core Bancario"),
        Case(line: "FECHA DE SALIDA A PRODUCCIÓN\t15/06/2026", key: .fechaProduccion, value: "15/06/2026"),
        Case(line: "FECHA DE SALIDA A PRODUCCIÓN: 15/06/2026", key: .fechaProduccion, value: "15/06/2026"),
        Case(line: "fecha de salida a produccion: 1 de junio de 2026", key: .fechaProduccion,
             value: "1 de junio de 2026"),
        Case(line: "FECHA DE SALIDA A PRODUCCIÒN: 15/06/2026", key: .fechaProduccion, value: "15/06/2026"),
        Case(line: "FECHA DE SALIDA A PRODUCIÒN: 15/06/2026", key: .fechaProduccion, value: "15/06/2026"),
        Case(line: "FEHCA DE SALIDA A PRODUCCION: 15/06/2026", key: .fechaProduccion, value: "15/06/2026"),
        Case(line: "Fecha salida a producción: 2026-07-01", key: .fechaProduccion, value: "2026-07-01"),
        Case(line: "Fecha de lanzamiento: 2026-07-01", key: .fechaProduccion, value: "2026-07-01"),
        Case(line: "Apertura de la convocatoria: 1 de julio de 2026", key: .fechaProduccion,
             value: "1 de julio de 2026"),
        Case(line: "**Fecha de salida a producción**:   30/05/2026", key: .fechaProduccion, value: "30/05/2026"),
        Case(line: "• Fecha de salida a producción: 30/05/2026", key: .fechaProduccion, value: "30/05/2026"),
        Case(line: "MATERIAL DE APOYO\tAdjunto presentación, reglamento", key: .material,
             value: "Adjunto presentación, reglamento"),
        Case(line: "Materiales de apoyo: adjunto", key: .material, value: "adjunto"),
        Case(line: "TEST\tAdjunto, 6 preguntas", key: .test, value: "Adjunto, 6 preguntas"),
        Case(line: "Evaluacion: adjunta", key: .test, value: "adjunta"),
        Case(line: "Cuestionario - 5 preguntas", key: .test, value: "5 preguntas"),
        Case(line: "CONTEXTO DEL PROYECTO: Migración del core", key: .contexto, value: "Migración del core"),
        Case(line: "Contexto del proyeto: Migración", key: .contexto, value: "Migración"),
        Case(line: "Impacto: alto", key: .contexto, value: "alto"),
        Case(line: "Temario: uno; dos", key: .temas, value: "uno; dos"),
        Case(line: "FECHA DE CAPACITACIÓN: 10/05/2026", key: .fechaCapacitacion, value: "10/05/2026"),
        Case(line: "Fecha propuesta: 10/05/2026", key: .fechaCapacitacion, value: "10/05/2026"),
        Case(line: "Duración de la sesión: 2 horas", key: .duracion, value: "2 horas"),
        Case(line: "Intensidad horaria\t3 horas", key: .duracion, value: "3 horas"),
        Case(line: "Área solicitante: Vicepresidencia de Fondos en Administración", key: .area,
             value: "Vicepresidencia de Fondos en Administración"),
        Case(line: "AREA: ORI", key: .area, value: "ORI"),
        Case(line: "Tipo de solicitud: Actualización", key: .tipo, value: "Actualización"),
        // Not labels.
        Case(line: "Buenos días, les comento lo siguiente: adjunto el material", key: nil, value: nil),
        Case(line: "Respecto al asunto: pendiente", key: nil, value: nil),
        Case(line: "Contacto: 3001234567", key: nil, value: nil),
        Case(line: "Tesa: algo", key: nil, value: nil),
        Case(line: "Temas de la reunión: varios", key: nil, value: nil),
    ]

    func testEverySpellingAndSeparator() {
        XCTAssertGreaterThanOrEqual(cases.count, 20)
        for c in cases {
            let fields = LabeledFieldExtractor.extract(from: c.line)
            XCTAssertEqual(fields.fields.first?.key, c.key, "“\(c.line)”", line: c.source)
            XCTAssertEqual(fields.fields.first?.value, c.value, "“\(c.line)”", line: c.source)
        }
    }

    func testOutlookTableAsPlainText() {
        let body = """
        Buenos días, solicitamos la capacitación de la nueva convocatoria del fondo condonable.

        ASUNTO DEL CORREO\tCondonación Fondos en Administración - Comunidades Negras
        FECHA DE SALIDA A PRODUCCIÓN\t15/06/2026
        MATERIAL DE APOYO\tAdjunto presentación, reglamento, términos, lista de chequeo, F521 y proformas
        TEST\tAdjunto, 6 preguntas
        """
        let fields = LabeledFieldExtractor.extract(from: body)
        XCTAssertEqual(fields.fields.map(\.key), [.asunto, .fechaProduccion, .material, .test])
        XCTAssertEqual(fields[.fechaProduccion]?.value, "15/06/2026")
        XCTAssertEqual(fields[.fechaProduccion]?.label, "FECHA DE SALIDA A PRODUCCIÓN")
        XCTAssertEqual(fields[.fechaProduccion]?.lineIndex, 3)
        XCTAssertEqual(fields[.test]?.value, "Adjunto, 6 preguntas")
    }

    func testLabelAloneWithValueOnFollowingLines() {
        let body = """
        Test:
        1. ¿Cuál es la fecha de apertura?
        2. ¿Quiénes pueden postularse?

        CONTEXTO DEL PROYECTO

        El nuevo core cambia la consulta de saldos.
        Impacta a todos los asesores.
        FECHA DE SALIDA A PRODUCCIÓN
        01/09/2026
        """
        let fields = LabeledFieldExtractor.extract(from: body)
        XCTAssertEqual(fields.fields.map(\.key), [.test, .contexto, .fechaProduccion])
        XCTAssertEqual(fields[.test]?.lines, ["1. ¿Cuál es la fecha de apertura?", "2. ¿Quiénes pueden postularse?"])
        XCTAssertEqual(fields[.test]?.label, "Test")
        XCTAssertEqual(fields[.contexto]?.lines,
                       ["El nuevo core cambia la consulta de saldos.", "Impacta a todos los asesores."])
        XCTAssertEqual(fields[.fechaProduccion]?.value, "01/09/2026")
    }

    func testValueContinuesUntilBlankLineOrNextLabel() {
        let body = """
        Material de apoyo: presentación
        reglamento operativo
        Test: adjunto

        Quedamos atentos.
        """
        let fields = LabeledFieldExtractor.extract(from: body)
        XCTAssertEqual(fields[.material]?.lines, ["presentación", "reglamento operativo"])
        XCTAssertEqual(fields[.test]?.lines, ["adjunto"])
    }

    func testLabelWithNoValueIsPresentAndEmpty() {
        let fields = LabeledFieldExtractor.extract(from: "Contexto del proyecto:\nFecha de salida a producción: 01/09/2026")
        XCTAssertEqual(fields[.contexto]?.lines, [])
        XCTAssertEqual(fields[.fechaProduccion]?.value, "01/09/2026")
    }

    func testTopicsAsListsOfEveryShape() {
        let shapes: [(String, [String], UInt)] = [
            ("TEMAS:\n- Requisitos\n• Documentos\n* Plazos", ["Requisitos", "Documentos", "Plazos"], #line),
            ("Temas a tratar:\n1. Requisitos\n2) Documentos\na) Plazos", ["Requisitos", "Documentos", "Plazos"], #line),
            ("Temas: Requisitos; Documentos; Plazos", ["Requisitos", "Documentos", "Plazos"], #line),
            ("Temas: Requisitos, Documentos, Plazos", ["Requisitos", "Documentos", "Plazos"], #line),
            ("Temario\nRequisitos; Documentos\nPlazos", ["Requisitos", "Documentos", "Plazos"], #line),
        ]
        for (body, expected, line) in shapes {
            XCTAssertEqual(LabeledFieldExtractor.extract(from: body).topics, expected, line: line)
        }
    }

    func testSynonymTableIsReplaceable() {
        let table = FieldLabelTable(synonyms: [.asunto: ["objeto de la solicitud"], "responsable": ["líder"]])
        let fields = LabeledFieldExtractor.extract(from: "Objeto de la solicitd: Becas\nLíder: Ana\nAsunto: x",
                                                   labels: table)
        XCTAssertEqual(fields.fields.map(\.key), [.asunto, "responsable"])
        XCTAssertEqual(fields[.asunto]?.value, "Becas")
        XCTAssertEqual(fields["responsable"]?.value, "Ana\nAsunto: x")
    }

    func testTypoToleranceGrowsWithLabelLength() {
        let table = FieldLabelTable.standard
        XCTAssertEqual(table.field(forLabel: "test"), .test)
        XCTAssertNil(table.field(forLabel: "tost"))  // 4 letters: exact only
        XCTAssertEqual(table.field(forLabel: "pruebaa"), .test)  // 6 letters: one slip
        XCTAssertNil(table.field(forLabel: "prueeeba"))
        XCTAssertEqual(table.field(forLabel: "Fecah de slida a produccion"), .fechaProduccion)  // two slips
        XCTAssertNil(table.field(forLabel: "Fecah de slida a prodccion"))
        XCTAssertEqual(table.field(forLabel: "temas"), .temas)  // exact beats "tema" + 1
    }
}
