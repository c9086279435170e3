import XCTest
@testable import MIME

final class HTMLTextTests: XCTestCase {
    func convert(_ s: String) -> String { HTMLText.convert(s).text }

    func testTable() {
        let cases: [(String, String)] = [
            ("a<br>b<br/>c<BR />d", "a\nb\nc\nd"),
            ("<p>uno</p><p>dos</p>", "uno\ndos"),
            ("<div>uno</div>dos<h2>tres</h2><ul><li>a</li><li>b</li></ul>", "uno\ndos\ntres\na\nb"),
            ("  muchos    espacios\n\t aqu&iacute;  ", "muchos espacios aquí"),
            ("a<br><br><br><br>b", "a\n\nb"),
            ("&amp; &lt;x&gt; &quot;q&quot; &apos;s&apos;", "& <x> \"q\" 's'"),
            ("&aacute;&eacute;&iacute;&oacute;&uacute;&ntilde;&Aacute;&Eacute;&Iacute;&Oacute;&Uacute;&Ntilde;", "áéíóúñÁÉÍÓÚÑ"),
            ("N&ordm; 1, 1&ordf;, &iexcl;hola! &iquest;s&iacute;? ping&uuml;ino", "Nº 1, 1ª, ¡hola! ¿sí? pingüino"),
            ("&laquo;x&raquo; a&ndash;b&mdash;c&hellip; 5&euro;", "«x» a–b—c… 5€"),
            ("&#233;&#xE9;&#XE9;&#150;", "ééé–"),
            ("a&nbsp;&nbsp;b", "a b"),
            ("&unknown; & alone &", "&unknown; & alone &"),
            ("x &nbsp y", "x y"),
            ("<style>p {color:red}</style><script>alert(1)</script>visible", "visible"),
            ("<html><head><title>T</title><meta charset=utf-8></head><body>cuerpo</body></html>", "cuerpo"),
            ("a<!-- comment -->b<!--[if gte mso 9]><xml><o:x/></xml><![endif]-->c", "abc"),
            ("<![if !supportLists]>1.<![endif]> item", "1. item"),
            ("1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
            ("unclosed <b tag", "unclosed <b tag"),
            ("<SPAN STYLE='x'>Mayúsculas</SPAN>", "Mayúsculas"),
        ]
        for (html, expected) in cases {
            XCTAssertEqual(convert(html), expected, html)
        }
    }

    func testOutlookTableRowsBecomeLabelValueLines() {
        let html = """
        <table class=MsoTableGrid border=1 cellspacing=0>
        <tr><td width=200 valign=top><p class=MsoNormal><b>ASUNTO DEL CORREO</b><o:p></o:p></p></td>
        <td><p class=MsoNormal>Condonaci&oacute;n Fondos en Administraci&oacute;n<o:p></o:p></p></td></tr>
        <tr><td><p class=MsoNormal><b>TEST</b></p></td><td></td><td><p>Adjunto, 6 preguntas</p></td></tr>
        <tr><td>&nbsp;</td><td> </td></tr>
        <tr><th>solo</th></tr>
        </table><p>Cordialmente,</p>
        """
        XCTAssertEqual(convert(html), """
        ASUNTO DEL CORREO: Condonación Fondos en Administración
        TEST: Adjunto, 6 preguntas
        solo
        Cordialmente,
        """)
    }

    func testNestedLayoutTablesAndUnclosedCells() {
        let html = "<table><tr><td><table><tr><td>A</td><td>1</td></tr><tr><td>B</td><td>2</td></tr></table></td></tr></table>fin"
        XCTAssertEqual(convert(html), "A: 1\nB: 2\nfin")
        XCTAssertEqual(convert("<table><tr><td>X<td>Y<tr><td>Z"), "X: Y\nZ")
        XCTAssertEqual(convert("<td>sin tabla</td><td>valor</td>"), "sin tabla: valor")
    }

    func testTruncation() {
        let r = HTMLText.convert("<p>" + String(repeating: "a", count: 100) + "</p>", maxCharacters: 10)
        XCTAssertEqual(r.text.count, 10)
        XCTAssertTrue(r.truncated)
    }

    func testHostileInputIsLinear() {
        let inputs = [String(repeating: "<a", count: 200_000), String(repeating: "<!--", count: 100_000),
                      String(repeating: "<td>", count: 100_000), String(repeating: "&#", count: 200_000),
                      String(repeating: "<table><tr><td>", count: 20_000)]
        for s in inputs {
            let start = Date()
            _ = HTMLText.convert(s)
            XCTAssertLessThan(Date().timeIntervalSince(start), 3, String(s.prefix(20)))
        }
    }

    func testBodyTextFallsBackToHTML() {
        let m = parse("""
        Content-Type: multipart/alternative; boundary=a

        --a
        Content-Type: text/plain

        \u{20}
        --a
        Content-Type: text/html; charset=utf-8

        <p>Hola <b>mundo</b></p>
        --a--
        """)
        XCTAssertEqual(m.bodyText, "Hola mundo")
    }
}
