// TEMPORARY until the entity layer lands: replaced by MIMEPart+Attachment.swift.
extension MIMEPart { public var isAttachment: Bool { filename != nil } }
