import ProfileDomain

/// An HTTP request as ``ProfileAPI`` sees it, independent of any server framework.
///
/// A server fills it from its own request type: method and path (without the query string),
/// the ``ProfileDomain/Caller`` its authentication established, the body bytes, the `If-Match`
/// header, and, for the Django spec's multipart update, the bytes of the `avatar` file part.
public struct EndpointRequest: Sendable, Hashable {
    /// The method, e.g. `PUT`; compared case-insensitively.
    public var method: String
    /// The path, e.g. `/api/v1/profiles/me`, without query string.
    public var path: String
    /// Who is calling.
    public var caller: Caller
    /// The body; JSON for every endpoint except `upload-media`, where it is the image itself.
    public var body: [UInt8]
    /// The `If-Match` header, e.g. `"v3"`, or `nil`.
    public var ifMatch: String?
    /// The `avatar` file of a multipart Django update, or `nil`.
    public var avatar: [UInt8]?

    /// Creates a request.
    public init(
        method: String,
        path: String,
        caller: Caller = .anonymous,
        body: [UInt8] = [],
        ifMatch: String? = nil,
        avatar: [UInt8]? = nil
    ) {
        self.method = method
        self.path = path
        self.caller = caller
        self.body = body
        self.ifMatch = ifMatch
        self.avatar = avatar
    }
}
