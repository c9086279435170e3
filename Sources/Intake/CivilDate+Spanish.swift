extension CivilDate {
    static let spanishMonths = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                                "octubre", "noviembre", "diciembre"]

    /// "lunes 15 de junio de 2026": how replies and `inspect` write a date for OCM and the areas.
    public var spanishText: String {
        "\(weekday.spanishName) \(day) de \(Self.spanishMonths[month - 1]) de \(year)"
    }
}
