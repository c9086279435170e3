/// A request told over several mails (the first one, then answers to our observations): what a
/// later mail states replaces what an earlier one said, and material accumulates.
extension TrainingRequest {
    public func merged(with later: TrainingRequest) -> TrainingRequest {
        var result = self
        result.topic = topic ?? later.topic
        if area == "otra" { result.area = later.area }
        if kind == "otro" { result.kind = later.kind }
        result.productionDate = later.productionDate ?? productionDate
        result.trainingDate = later.trainingDate ?? trainingDate
        result.trainingWeek = later.trainingDate == nil ? trainingWeek : later.trainingWeek
        result.productionNotApplicable = later.productionDate == nil && (later.productionNotApplicable || productionNotApplicable)
        if !later.topics.isEmpty { result.topics = later.topics }
        // A new test replaces the old one; no test in the later mail keeps the earlier count.
        if later.questionCount.total > 0 || later.declaredQuestions != nil {
            result.questionCount = later.questionCount
            result.declaredQuestions = later.declaredQuestions
        }
        result.testAnnounced = testAnnounced || later.testAnnounced
        result.conditions.formUnion(later.conditions)
        for (code, evidence) in later.material { result.material[code, default: []] += evidence }
        result.attachments += later.attachments
        result.categories += later.categories
        result.looksLikeRequest = looksLikeRequest || later.looksLikeRequest
        result.warnings += later.warnings
        return result
    }
}
