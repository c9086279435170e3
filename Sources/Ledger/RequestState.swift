// The states a request goes through, after procedure.md "The activity flow (5.2)". The daemon
// drives the first ones from mail; the later ones (5.2.5 on) are set by OCM staff through the CLI
// until the daemon reads those mails too.
public enum RequestState: String, Sendable, Hashable, Codable, CaseIterable {
    /// 5.2.1–5.2.2: the area's mail arrived and a request was opened.
    case recibida
    /// 5.2.3: Aseguramiento checks completeness (again, after a follow-up to observations).
    case enRevision = "en_revision"
    /// 5.2.4: observations mailed to the area; waiting for its answer.
    case observacionesEnviadas = "observaciones_enviadas"
    /// 5.2.3 → 5.2.5: the viable concept was given.
    case viable
    /// The area or the kind of the request could not be decided: OCM staff must read it (a note
    /// to them was drafted, nothing went to the area). Never approved by the daemon.
    case requiereRevision = "requiere_revision"
    /// 5.2.5: Gestión del Conocimiento scheduled the session.
    case programada
    /// 5.2.6: the area gave the training.
    case impartida
    /// Done (5.2.15 without reinforcement), or withdrawn.
    case cerrada

    /// Allowed moves. Observations and viable may repeat, each time with a new revision
    /// (re-evaluation); a follow-up after viable sends the request back to review.
    public var next: Set<RequestState> {
        switch self {
        case .recibida: return [.enRevision, .observacionesEnviadas, .viable, .requiereRevision, .cerrada]
        case .enRevision: return [.observacionesEnviadas, .viable, .requiereRevision, .cerrada]
        case .observacionesEnviadas: return [.enRevision, .observacionesEnviadas, .viable, .requiereRevision, .cerrada]
        case .viable: return [.enRevision, .viable, .requiereRevision, .programada, .cerrada]
        case .requiereRevision: return [.enRevision, .observacionesEnviadas, .viable, .requiereRevision, .cerrada]
        case .programada: return [.impartida, .cerrada]
        case .impartida: return [.cerrada]
        case .cerrada: return []
        }
    }
}
