// Provider results (5.2.13) in the shapes providers send, and "% de efectividad" worked by hand.
import Followup
import Foundation
import Intake
import MIME
import XCTest
import ZIPFixture

final class ResultsTests: XCTestCase {
    func read(_ text: String, _ name: String = "resultados.csv") throws -> ResultsTable {
        try ResultsReader.read(file: Array(text.utf8), filename: name)
    }

    /// Shape 1: Excel (Spanish locale) CSV: `;`, a title row, accents, "85%", blank rows, an absent person.
    func testSemicolonCSVWithPercentAndTitleRow() throws {
        let table = try read("""
            Resultados réplica OCM-2026-0003;;;
            Nombres y apellidos;Cédula;Asistió;Nota (%)
            Ana Gómez;101;Sí;85%

            ;;;
            Luis Ruiz;102;No;
            Marta Díaz;103;Sí;79,5 %

            """)
        XCTAssertEqual(table.scale, .percent)
        XCTAssertEqual(table.participants, [ParticipantResult(score: 85), ParticipantResult(score: nil, attended: false),
                                            ParticipantResult(score: 79.5)])
        XCTAssertEqual(table.skippedBlankRows, 2)
    }

    /// A comma CSV whose first line is a title without any separator: the separator is the one
    /// that splits the first lines most, not the first line alone (found while seeding the fuzzer:
    /// the title made `;` win and the header was never found).
    func testTitleLineWithoutSeparatorsBeforeACommaHeader() throws {
        let table = try read("Listado de asistentes\n\nCédula,Nombre completo,Asistencia,Puntaje\n1,Ana,SI,0.9\n2,Luis,NO,\n3,Marta,SI,0.5\n")
        XCTAssertEqual(table.scale, .fraction)
        XCTAssertEqual(table.participants, [ParticipantResult(score: 90), ParticipantResult(score: nil, attended: false),
                                            ParticipantResult(score: 50)])
    }

    /// Shape 2: comma CSV, 0–5 scores written with decimal commas (so quoted), a BOM, CRLF.
    func testCommaCSVOnAFiveScale() throws {
        let table = try read("\u{FEFF}Participante,Calificación\r\nAna,\"4,5\"\r\nLuis,3\r\n,\r\nMarta,5\r\n")
        XCTAssertEqual(table.scale, .five)
        XCTAssertEqual(table.evaluated, [90, 60, 100])
    }

    /// Shape 3: xlsx, header on row 3 under a title, "Puntaje" 0–100, attendance "NO".
    func testXLSXWithHeaderBelowATitle() throws {
        let data = OOXMLFixture.xlsx([(name: "Resultados", rows: [
            ["Proveedor Contact Center S.A.S."], [], ["Documento", "Nombre", "Asistencia", "Puntaje"],
            ["1", "Ana", "SI", "92"], ["2", "Luis", "NO", ""], ["3", "Marta", "SI", "64"], [], ["4", "Pedro", "SI", "80"],
        ])])
        let table = try ResultsReader.read(file: [UInt8](data), filename: "Resultados réplica.xlsx")
        XCTAssertEqual(table.scale, .hundred)
        XCTAssertEqual(table.evaluated, [92, 64, 80])
        XCTAssertEqual(table.participants.count, 4)
    }

    /// Shape 4: xlsx, fractions (0.85, as a percent-formatted cell is stored), a totals row, a
    /// first sheet without results (the reader goes on to the next).
    func testXLSXWithFractionsAndATotalRow() throws {
        let data = OOXMLFixture.xlsx([
            (name: "Portada", rows: [["Informe de réplicas"], ["Fecha", "2026-06-30"]]),
            (name: "Notas", rows: [["Asesor", "Resultado"], ["Ana", "0.85"], ["Luis", "0.6"], ["Marta", "1"],
                                   ["Total", "0.82"]]),
        ])
        let table = try ResultsReader.read(file: [UInt8](data), filename: "notas.xlsx")
        XCTAssertEqual(table.scale, .fraction)
        XCTAssertEqual(table.evaluated.map { ($0 * 10).rounded() / 10 }, [85, 60, 100])
    }

    /// Shape 5: tab-separated, "Nota /5" header, "N/A" for someone not evaluated.
    func testTabSeparatedWithNotEvaluatedRows() throws {
        let table = try read("Colaborador\tNota /5\nAna\t4\nLuis\tN/A\nMarta\t2.5\n", "notas.txt")
        XCTAssertEqual(table.scale, .five)
        XCTAssertEqual(table.participants.map(\.score), [80, nil, 50])
        XCTAssertEqual(Effectiveness(table, passingScore: 80), Effectiveness(participants: 3, evaluated: 2, passed: 1))
    }

    /// Shape 6: 0–100 integers in a `,` CSV without attendance column, header "Nota final".
    func testPlainHundredScale() throws {
        let table = try read("nombre,nota final\nAna,100\nLuis,45\n")
        XCTAssertEqual(table.scale, .hundred)
        XCTAssertEqual(table.evaluated, [100, 45])
    }

    func testUnreadableFilesSayWhatIsWrong() throws {
        XCTAssertThrowsError(try read("Nombre,Área\nAna,Fondos\n")) { XCTAssertEqual($0 as? ResultsReadError, .noScoreColumn) }
        XCTAssertThrowsError(try read("Nombre,Nota\nAna,ochenta\n")) { XCTAssertEqual($0 as? ResultsReadError, .badScore(row: 2, value: "ochenta")) }
        XCTAssertThrowsError(try read("Nombre,Nota\n\n,\n")) { XCTAssertEqual($0 as? ResultsReadError, .noParticipants) }
        XCTAssertThrowsError(try ResultsReader.read(file: [0x50, 0x4B, 3, 4, 0, 0], filename: "r.xlsx")) {
            XCTAssertEqual($0 as? ResultsReadError, .unreadableSpreadsheet("r.xlsx"))
        }
        XCTAssertThrowsError(try ResultsReader.read(file: [1, 2], filename: "r.xls")) {
            XCTAssertEqual($0 as? ResultsReadError, .unsupportedFile("r.xls"))
        }
        let draft = FollowupDraft.unreadable(requestID: "OCM-2026-0003", filename: "r.xls", problem: .unsupportedFile("r.xls"),
                                             from: Mailbox(address: "formacionocm@icetex.gov.co"), to: [Mailbox(address: "resultados@proveedor.com.co")])
        XCTAssertEqual(draft.subject, "[OCM-2026-0003] Resultados: no pudimos leer el archivo r.xls")
        XCTAssertTrue(draft.text.contains("No pudimos leer el archivo «r.xls»: el archivo r.xls no es una hoja de cálculo que podamos leer (se esperan archivos .xlsx o .csv)."), draft.text)
    }

    /// The worked example. Passing score 80, target 80 %.
    ///
    /// Misional session (8 rows): Ana 95, Beto 80, Caro 85 %, Dani 4,5/5 → read as percent because
    /// the column header says "%"… so the file uses percent for all: 95, 80, 85, 90, 60, 70,
    /// one absent (not counted), one with no score (not evaluated).
    /// evaluated = 6, passed = 95, 80, 85, 90 → 4; 4 / 6 = 66,7 % < 80 % → reinforcement.
    ///
    /// Replicas, two files: A has 10 evaluated with 9 at or above 80; B has 5 evaluated (one
    /// absent, not counted) with 4 passing. Together 13 / 15 = 86,7 % ≥ 80 %: no reinforcement.
    func testWorkedEffectivenessExample() throws {
        let config = FollowupConfig()
        XCTAssertEqual(config.passingScore, 80)
        XCTAssertEqual(config.targetPercent, 80)
        let misional = try read("""
            Nombre;Asistió;Nota (%)
            Ana;Sí;95
            Beto;Sí;80
            Caro;Sí;85
            Dani;Sí;90
            Eva;Sí;60
            Fede;Sí;70
            Gina;No;
            Hugo;Sí;
            """)
        let m = Effectiveness(misional, passingScore: config.passingScore)
        XCTAssertEqual(m, Effectiveness(participants: 8, evaluated: 6, passed: 4))
        XCTAssertEqual(try XCTUnwrap(m.percent), 100.0 * 4 / 6, accuracy: 1e-9)   // 66,67 %
        XCTAssertEqual(m.meets(target: config.targetPercent), false)

        let a = try read("Asesor,Puntaje\n" + [100, 90, 85, 80, 80, 95, 88, 82, 99, 79].enumerated().map { "p\($0),\($1)" }.joined(separator: "\n"))
        let b = try read("Asesor;Asistencia;Nota\nq1;si;4\nq2;si;4,5\nq3;si;5\nq4;si;3\nq5;no;\nq6;si;4\n")   // 0–5: 80, 90, 100, 60, 80
        let ea = Effectiveness(a, passingScore: 80), eb = Effectiveness(b, passingScore: 80)
        XCTAssertEqual(ea, Effectiveness(participants: 10, evaluated: 10, passed: 9))
        XCTAssertEqual(eb, Effectiveness(participants: 6, evaluated: 5, passed: 4))
        let replicas = Effectiveness.total([ea, eb])
        XCTAssertEqual(replicas, Effectiveness(participants: 16, evaluated: 15, passed: 13))
        XCTAssertEqual(try XCTUnwrap(replicas.percent), 100.0 * 13 / 15, accuracy: 1e-9)  // 86,67 %
        XCTAssertEqual(replicas.meets(target: 80), true)

        let draft = FollowupDraft.reinforcement(requestID: "OCM-2026-0003", topic: "Reglamento", source: .misional, result: m,
                                                config: config, from: Mailbox(address: "formacionocm@icetex.gov.co"),
                                                to: [Mailbox(address: "area@icetex.gov.co")], cc: [])
        XCTAssertTrue(draft.text.contains("- % de efectividad: 66,7 % (meta: 80 %)"), draft.text)
    }

    /// A provider's mail: the tag links it to its request, each spreadsheet is read, a replica is
    /// told from the misional session by the subject/file name, other attachments are left alone.
    func testResultsFromAProviderMessage() throws {
        var builder = MessageBuilder(body: .plain("Adjuntamos resultados."))
        builder.add("From", mailboxes: [Mailbox(address: "calidad@proveedor.com.co")])
        builder.add("Subject", text: "RE: [OCM-2026-0003] Resultados de la réplica")
        let xlsx = OOXMLFixture.xlsx([(name: "Hoja1", rows: [["Nombre", "Nota"], ["Ana", "90"], ["Luis", "70"]])])
        let raw = MixedMessage.build(builder, attachments: [
            MailAttachment(filename: "notas.xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes: [UInt8](xlsx)),
            MailAttachment(filename: "asistencia.csv", contentType: "text/csv", bytes: Array("Nombre;Calificación\nAna;x\n".utf8)),
            MailAttachment(filename: "evidencia.pdf", contentType: "application/pdf", bytes: Array("%PDF-1.4".utf8)),
        ])
        var config = FollowupConfig()
        config.providerDomains = ["proveedor.com.co"]
        let message = MessageParser.parse(raw)
        XCTAssertTrue(ProviderResults.isFromProvider(message, config: config))
        let results = ProviderResults.from(message, config: config)
        XCTAssertEqual(results.requestID, "OCM-2026-0003")
        XCTAssertEqual(results.files.map(\.filename), ["notas.xlsx", "asistencia.csv"])
        XCTAssertEqual(results.files.map(\.source), [.replica, .replica])
        XCTAssertEqual(try results.files[0].outcome.get().evaluated, [90, 70])
        XCTAssertEqual(results.files[1].outcome.map(\.evaluated), .failure(.badScore(row: 2, value: "x")))
    }
}
