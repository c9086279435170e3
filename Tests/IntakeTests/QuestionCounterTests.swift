import XCTest
import Intake

final class QuestionCounterTests: XCTestCase {
    struct Case {
        var name: String
        var text: String
        var total: Int
        var line: UInt

        init(name: String, text: String, total: Int, line: UInt = #line) {
            (self.name, self.text, self.total, self.line) = (name, text, total, line)
        }
    }

    let cases: [Case] = [
        Case(name: "numbered with dots (ex03)", text: """
        1. ¿Cuál es la fecha de apertura de la convocatoria?
        2. ¿Qué documentos debe adjuntar el aspirante en la postulación?
        3. ¿Cuál es el porcentaje de condonación por graduación?
        4. ¿Quiénes pueden postularse al fondo?
        5. ¿Cuál es el canal para radicar la legalización?
        """, total: 5),
        Case(name: "imperatives numbered with parentheses", text: """
        1) Mencione los requisitos.
        2) Describa el proceso de legalización.
        3) Indique el plazo.
        """, total: 3),
        Case(name: "numbered with hyphens", text: "1- Defina fondo.\n2- ¿Qué es el F521?\n3.- ¿Y la F522?", total: 3),
        Case(name: "P and Pregunta numbering", text: """
        P1. Explique la condonación.
        P2 ¿Qué es el F521?
        Pregunta 3: ¿Quién valida?
        Pregunta N°4: Defina reglamento.
        Pregunta No. 5 - ¿Quién firma?
        Pregunta #6
        """, total: 6),
        Case(name: "question marks without numbers", text: """
        ¿Cuál es el plazo?
        ¿Quién firma el pagaré?
        El aspirante debe ser colombiano?
        Instrucciones: responda todas.
        """, total: 3),
        Case(name: "lettered options are not questions", text: """
        1. ¿Cuál es el plazo?
        a) 5 días
        b) 10 días
        c) 15 días
        2. ¿Quién puede postularse?
        A. Colombianos
        B. Extranjeros
        (a) Ambos
        Respuesta: A
        3. El fondo es condonable.
        Verdadero
        Falso
        4. ¿Se requiere codeudor?
        ( ) Sí
        ( ) No
        [ ] No aplica
        V/F
        """, total: 4),
        Case(name: "numbered options inside a question", text: """
        1. ¿Cuáles son los documentos?
           1. Cédula
           2. Diploma
        2. ¿Cuál es el plazo?
        1) 5 días
        2) 10 días
        3. ¿Quién aprueba?
        1. La junta
        2. El comité
        4. ¿Qué porcentaje se condona?
        """, total: 4),
        Case(name: "options of an unnumbered question", text: """
        ¿Cuál es el canal?
        1. Web
        2. Oficina
        ¿Cuál es el horario?
        """, total: 2),
        Case(name: "a question spanning lines counts once", text: """
        ¿Cuál es la fecha límite
        para radicar la legalización
        del crédito?
        2. ¿Qué porcentaje
        se condona?
        1. Cuál es el canal de
        atención?
        """, total: 3),
        Case(name: "letters ending with ? and nothing else", text: """
        a) ¿Qué es el ICETEX?
        b) ¿Qué es un fondo?
        """, total: 2),
        Case(name: "nothing but prose", text: "Adjunto, 6 preguntas", total: 0),
        // Items asked as instructions, one per line (an HTML <ol> turned into text).
        Case(name: "imperative items without question marks", text: """
        Mencione los requisitos de la convocatoria
        Indique qué cubre la beca
        Explique cómo se legaliza
        Describa la ruta de escalamiento
        Enumere los documentos exigidos
        """, total: 5),
        Case(name: "the test's own instructions are no items", text: """
        Seleccione la respuesta correcta.
        Indique lo siguiente:
        1. ¿Qué cubre la beca?
        """, total: 1),
    ]

    func testCountsQuestionsNotOptions() {
        for c in cases {
            XCTAssertEqual(QuestionCounter.count(text: c.text).total, c.total, c.name, line: c.line)
        }
    }

    func testTopicHeadingsGroupQuestions() {
        let text = """
        Instrucciones generales
        ¿Pregunta suelta?
        Tema: Requisitos
        1. ¿Edad mínima?
        2. ¿Nacionalidad?
        TEMA 2 - Legalización
        1. ¿Plazo?
        a) 5 días
        b) 10 días
        2. ¿Documentos?
        3. ¿Canal?
        Tema 3
        Módulo 4: Renovación
        P1 ¿Nota mínima?
        """
        let count = QuestionCounter.count(text: text)
        XCTAssertEqual(count.groups, [
            QuestionCount.Group(topic: nil, questions: 1),
            QuestionCount.Group(topic: "Requisitos", questions: 2),
            QuestionCount.Group(topic: "Legalización", questions: 3),
            QuestionCount.Group(topic: "Tema 3", questions: 0),
            QuestionCount.Group(topic: "Renovación", questions: 1),
        ])
        XCTAssertEqual(count.total, 7)
        XCTAssertEqual(count.topics.map(\.topic), ["Requisitos", "Legalización", "Tema 3", "Renovación"])
    }

    func testParagraphsFromDocumentsMayHoldLineBreaks() {
        let paragraphs = ["Tema: Becas", "1. ¿Qué cubre la beca?\na) Matrícula\nb) Sostenimiento", "", "2. ¿Quién la otorga?"]
        XCTAssertEqual(QuestionCounter.count(lines: paragraphs).groups,
                       [QuestionCount.Group(topic: "Becas", questions: 2)])
    }

    func testSpreadsheetRowsWithTopicColumn() {
        let rows: [[String]] = [
            ["Test de capacitación", "", ""],
            ["", "", ""],
            ["N°", "Tema", "Pregunta", "Opción A", "Opción B"],
            ["1", "Requisitos", "¿Edad mínima?", "18", "21"],
            ["2", "", "¿Nacionalidad?", "Colombiana", "Cualquiera"],
            ["3", "", "Mencione un requisito", "", ""],
            ["4", "Legalización", "¿Plazo?", "5", "10"],
            ["", "", "", "", ""],
            ["5", "Legalización", "¿Canal?", "Web", "Oficina"],
            ["6", "Requisitos", "¿Promedio?", "3,5", "4,0"],
        ]
        XCTAssertEqual(QuestionCounter.count(rows: rows), QuestionCount(groups: [
            QuestionCount.Group(topic: "Requisitos", questions: 4),
            QuestionCount.Group(topic: "Legalización", questions: 2),
        ]))
    }

    func testSpreadsheetRowsWithoutTopicColumn() {
        let rows: [[String]] = [
            ["ENUNCIADO", "RESPUESTA"],
            ["¿Qué es el F521?", "Formato"],
            ["a) Un formato", ""],
            ["Tema 2: Plazos", ""],
            ["¿Cuántos días?", "10"],
            ["Pregunta", "Respuesta"],
            ["¿Quién revisa?", "Proveedor"],
        ]
        XCTAssertEqual(QuestionCounter.count(rows: rows), QuestionCount(groups: [
            QuestionCount.Group(topic: nil, questions: 1),
            QuestionCount.Group(topic: "Plazos", questions: 2),
        ]))
        XCTAssertNil(QuestionCounter.count(rows: [["Nombre", "Cargo"], ["Ana", "Profesional"]]))
    }

    func testDeclaredCounts() {
        let cases: [(String, Int?, UInt)] = [
            ("Adjunto, 6 preguntas", 6, #line),
            ("Se adjunta test de 5 preguntas", 5, #line),
            ("Test de cinco (5) preguntas por tema", 5, #line),
            ("Diez preguntas de selección múltiple", 10, #line),
            ("20 ítems", 20, #line),
            ("Adjunto", nil, #line),
            ("Incluye una pregunta abierta", nil, #line),
            ("Pregunta 1", nil, #line),
        ]
        for (text, expected, line) in cases {
            XCTAssertEqual(QuestionCounter.declaredCount(in: text), expected, text, line: line)
        }
    }

    func testTallyKeepsDeclaredAndCountedApart() {
        XCTAssertEqual(QuestionCounter.tally("Adjunto, 6 preguntas"),
                       QuestionTally(declared: 6, counted: QuestionCount()))
        let written = QuestionCounter.tally("Test de 5 preguntas:\n1. ¿Cuáles son las 3 etapas?\n2. ¿Plazo?")
        XCTAssertEqual(written.declared, 5)
        XCTAssertEqual(written.counted.total, 2)
    }
}
