import Intake

/// Section 6's second control, day by day: the later steps (5.2.7–5.2.11) not seen in mail
/// once their business days after the session have passed.
public enum MissingSteps {
    /// The rules overdue on `today` for a session given on `session`, given the step ids recorded.
    public static func overdue(session: CivilDate, recorded: Set<String>, rules: [StepRule], today: CivilDate,
                               calendar: BusinessCalendar) -> [(rule: StepRule, due: CivilDate)] {
        rules.compactMap { rule in
            let due = calendar.addingBusinessDays(rule.dueBusinessDays, to: session)
            return !recorded.contains(rule.id) && due < today ? (rule, due) : nil
        }
    }
}
