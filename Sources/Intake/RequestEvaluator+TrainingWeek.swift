extension RequestEvaluator {
    /// The request with a training week ("la semana del 8 de junio") settled on the week's first
    /// business day: the day the lead times count against (4.1.1) and the day shown. A week
    /// whose days are all holidays moves to the next business day.
    public func settled(_ request: TrainingRequest) -> TrainingRequest {
        guard request.trainingWeek, let written = request.trainingDate else { return request }
        var settled = request
        settled.trainingDate = calendar.businessDay(onOrAfter: written)
        settled.trainingWeek = false
        return settled
    }
}
