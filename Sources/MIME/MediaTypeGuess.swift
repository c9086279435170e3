/// A media type from a file name's extension, for files that arrive without one (inside
/// winmail.dat, Outlook rarely records PR_ATTACH_MIME_TAG). Only the types requests carry.
enum MediaTypeGuess {
    static func forFilename(_ name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return byExtension[name[name.index(after: dot)...].lowercased()]
    }

    static let byExtension: [String: String] = [
        "pdf": "application/pdf",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "ppsx": "application/vnd.openxmlformats-officedocument.presentationml.slideshow",
        "potx": "application/vnd.openxmlformats-officedocument.presentationml.template",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptm": "application/vnd.ms-powerpoint.presentation.macroenabled.12",
        "docm": "application/vnd.ms-word.document.macroenabled.12",
        "xlsm": "application/vnd.ms-excel.sheet.macroenabled.12",
        "ppt": "application/vnd.ms-powerpoint",
        "doc": "application/msword",
        "xls": "application/vnd.ms-excel",
        "txt": "text/plain",
        "csv": "text/csv",
        "htm": "text/html",
        "html": "text/html",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "zip": "application/zip",
        "eml": "message/rfc822",
        "msg": "application/vnd.ms-outlook",
    ]
}
