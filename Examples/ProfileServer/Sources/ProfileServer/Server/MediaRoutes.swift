import HTTPTypes
import Hummingbird
import ProfileKit

/// `GET /media/avatars/{key}`: uploaded media, read-only, with the type its bytes were checked
/// as, `nosniff`, and long caching (a key names its content, so it never changes).
enum MediaRoutes {
    /// The path prefix the API writes into avatar URLs.
    static let prefix = "/media/avatars/"

    static func register<Context: RequestContext>(on router: Router<Context>, media: any MediaStore) {
        router.get(RouterPath(prefix + "{key}")) { _, context in
            let key = context.parameters.get("key") ?? ""
            guard let parsed = MediaKey(key) else { return notFound() }
            do {
                let bytes = try await media.bytes(for: parsed.rawValue)
                return Response(
                    status: .ok,
                    headers: [
                        .contentType: contentType(forExtension: parsed.fileExtension),
                        HTTPField.Name("X-Content-Type-Options") ?? .accept: "nosniff",
                        .cacheControl: "public, max-age=31536000, immutable",
                        .eTag: "\"\(parsed.contentDigest)\"",
                        .contentSecurityPolicy: "default-src 'none'",
                    ],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
            } catch {
                return notFound()
            }
        }
    }

    /// The type of the formats the image rule accepts; anything else is served as opaque bytes.
    static func contentType(forExtension fileExtension: String) -> String {
        switch fileExtension {
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "bmp": "image/bmp"
        default: "application/octet-stream"
        }
    }

    private static func notFound() -> Response {
        Response(
            status: .notFound,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(
                byteBuffer: ByteBuffer(string: #"{"error":"not_found","message":"No media at this path"}"#)))
    }
}
