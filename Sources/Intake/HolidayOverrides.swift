/// OCM's corrections to the computed calendar (`config/holidays.yaml`): holiday law changes
/// (Ley 2578 de 2026 added one) and institutional closures must not wait for a new build.
public struct HolidayOverrides: Sendable, Hashable {
    /// A day off the law does not give (yet), with the name listings show.
    public struct Addition: Sendable, Hashable {
        public var date: CivilDate
        public var name: String

        public init(date: CivilDate, name: String) {
            self.date = date
            self.name = name
        }
    }

    /// Days that are not business days although `ColombianHolidays` does not list them.
    public var add: [Addition]
    /// Computed holidays that are business days after all (a repealed or moved holiday).
    public var remove: [CivilDate]

    public init(add: [Addition] = [], remove: [CivilDate] = []) {
        self.add = add
        self.remove = remove
    }

    /// The computed calendar, unchanged.
    public static let none = HolidayOverrides()
}
