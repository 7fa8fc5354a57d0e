import ProfileKit

/// Body bytes through `RequestBodyDecoder` into each spec's request type.
///
/// Input: byte 0 picks the request type; the rest is the body. The decoder runs with a 4 KiB
/// size limit and a depth of 8, so that the fuzzer reaches both limits with small inputs.
///
/// Invariants: the decoder returns or throws a `ProfileError` with status 400 or 413, at least one
/// field error and a message; a body it accepts is valid UTF-8 and a JSON object according to
/// Foundation's parser (the reference).
enum DecoderTarget {
    static let decoder = RequestBodyDecoder(maximumBytes: 4096, maximumDepth: 8)

    /// Decodes `body` as one request type, returning the error it threw or `nil` on success.
    static let requestTypes: [(name: String, decode: @Sendable ([UInt8]) -> ProfileError?)] = [
        ("CreatorWire.ProfileRequest", { attempt(CreatorWire.ProfileRequest.self, $0) }),
        ("SocialWire.UpdateRequest", { attempt(SocialWire.UpdateRequest.self, $0) }),
        ("SocialWire.UsernameChangeRequest", { attempt(SocialWire.UsernameChangeRequest.self, $0) }),
        ("MobileWire.ProfileRequest", { attempt(MobileWire.ProfileRequest.self, $0) }),
        ("DjangoWire.UpdateRequest", { attempt(DjangoWire.UpdateRequest.self, $0) }),
    ]

    static func attempt<Body: Decodable>(_ type: Body.Type, _ body: [UInt8]) -> ProfileError? {
        do {
            _ = try decoder.decode(type, from: body)
            return nil
        } catch {
            return error
        }
    }

    static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let (name, decode) = requestTypes[Int(selector) % requestTypes.count]
        let body = Array(bytes.dropFirst())
        guard let error = decode(body) else {
            guard String(validating: body, as: UTF8.self) != nil else {
                FuzzFailure.violation("\(name) accepted a body that is not UTF-8")
            }
            guard JSONReference.isJSONObject(body) else {
                FuzzFailure.violation("\(name) accepted a body Foundation does not parse as an object")
            }
            return
        }
        guard [400, 413].contains(error.status.code), !error.fieldErrors.isEmpty, !error.message.isEmpty else {
            FuzzFailure.violation("\(name) threw an undocumented error: \(error)")
        }
    }
}
