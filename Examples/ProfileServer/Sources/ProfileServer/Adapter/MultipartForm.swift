import Foundation
import MultipartKit
import ProfileKit

/// A `multipart/form-data` body split into its text fields and its file parts.
struct MultipartForm: Sendable {
    /// A part that carried a `filename`: an uploaded file.
    struct File: Sendable, Hashable {
        let name: String
        let filename: String
        let bytes: [UInt8]
    }

    /// The text fields, in order.
    private(set) var fields: [(name: String, value: String)] = []
    /// The file parts, in order.
    private(set) var files: [File] = []

    /// Parses `bytes` with `boundary`; 400 for a missing boundary, a body that is not a form,
    /// a part without a name, or a text field that is not UTF-8.
    init(_ bytes: [UInt8], boundary: String?) throws(ProfileError) {
        guard let boundary else {
            throw .malformed("multipart/form-data needs a boundary parameter in its Content-Type")
        }
        var parts: [(headers: [String: String], body: [UInt8])] = []
        var current: (headers: [String: String], body: [UInt8]) = ([:], [])
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in current.headers[name.lowercased()] = value }
        parser.onBody = { buffer in current.body += buffer.readableBytesView }
        parser.onPartComplete = {
            parts.append(current)
            current = ([:], [])
        }
        do {
            try parser.execute(bytes)
        } catch {
            throw .malformed("The multipart/form-data body could not be read: \(error)")
        }
        guard !parts.isEmpty else { throw .malformed("The multipart/form-data body has no parts") }
        for part in parts {
            let disposition = Self.dispositionParameters(part.headers["content-disposition"] ?? "")
            guard let name = disposition["name"] else {
                throw .malformed("Every form part needs a Content-Disposition with a name")
            }
            if let filename = disposition["filename"] {
                files.append(File(name: name, filename: filename, bytes: part.body))
            } else {
                guard let value = String(validating: part.body, as: UTF8.self) else {
                    throw .malformed("The form field \(name) is not UTF-8 text")
                }
                fields.append((name, value))
            }
        }
    }

    /// The text fields as a JSON object of strings, for the library's JSON decoder; a field sent
    /// twice is 400 (which one would win is not the client's guess to make).
    func fieldsAsJSONObject() throws(ProfileError) -> [UInt8] {
        var object: [String: String] = [:]
        for field in fields {
            guard object.updateValue(field.value, forKey: field.name) == nil else {
                throw .malformed("The form field \(field.name) appears twice")
            }
        }
        do {
            return Array(try JSONEncoder().encode(object))
        } catch {
            throw .malformed("The form fields could not be read as text")
        }
    }

    /// `form-data; name="avatar"; filename="me.jpg"` as `["name": "avatar", "filename": "me.jpg"]`.
    static func dispositionParameters(_ header: String) -> [String: String] {
        var parameters: [String: String] = [:]
        for item in header.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let key = pair[0].trimmingCharacters(in: .whitespaces).lowercased()
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            parameters[key] = value
        }
        return parameters
    }
}
