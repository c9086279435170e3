/// TNEF attribute levels and ids (MS-OXTNEF 2.1.3.3). An id's high word is its legacy data
/// type, its low word the attribute proper; both are compared, as writers never vary them.
enum TNEFAttribute {
    static let levelMessage: UInt8 = 0x01
    static let levelAttachment: UInt8 = 0x02

    static let subject: UInt32 = 0x0001_8004
    static let body: UInt32 = 0x0001_800C
    static let messageProperties: UInt32 = 0x0006_9003
    static let oemCodePage: UInt32 = 0x0006_9007

    /// Opens each attachment's attributes.
    static let attachRenderData: UInt32 = 0x0006_9002
    static let attachTitle: UInt32 = 0x0001_8010
    static let attachData: UInt32 = 0x0006_800F
    static let attachmentProperties: UInt32 = 0x0006_9005

    // MAPI property ids read from the property blocks.
    static let prSubject: UInt16 = 0x0037
    static let prBody: UInt16 = 0x1000
    static let prRTFCompressed: UInt16 = 0x1009
    static let prBodyHTML: UInt16 = 0x1013
    static let prDisplayName: UInt16 = 0x3001
    static let prAttachDataBin: UInt16 = 0x3701
    static let prAttachFilename: UInt16 = 0x3704
    static let prAttachMethod: UInt16 = 0x3705
    static let prAttachLongFilename: UInt16 = 0x3707
    static let prAttachMimeTag: UInt16 = 0x370E

    /// PR_ATTACH_METHOD of an attached Outlook item (an embedded message).
    static let attachEmbeddedMessage: UInt32 = 5
}
