import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension SocialWire {
    /// The envelope of every social response: `{success, httpStatus, message, action_time, data}`.
    ///
    /// `Payload` is the `data` member: an ``OwnerProfile`` or ``PublicProfile`` on success,
    /// ``ErrorData`` (a string, or a field map for 422) on failure. `success` follows the status
    /// (2xx); `httpStatus` is the status name (`OK`, `NOT_FOUND`); `action_time` is when the
    /// response was made, zone-less UTC. An error envelope also carries `details`, the library's
    /// machine-readable list (``ErrorDetail``); a success envelope has no such key.
    public struct Envelope<Payload: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
        /// Whether the status is 2xx.
        public let success: Bool
        /// The status name, e.g. `UNPROCESSABLE_ENTITY`.
        public let httpStatus: String
        /// A sentence describing the result.
        public let message: String
        /// When the response was generated.
        public let actionTime: WireTimestamp
        /// The payload.
        public let data: Payload
        /// Every reason of a failure as `{field, code, limit}`; `nil` (no key) on success.
        public let details: [ErrorDetail]?

        /// Creates an envelope for a response with `status`, made at `date`.
        init(status: HTTPStatus, message: String, data: Payload, at date: Date, details: [ErrorDetail]? = nil) {
            self.success = status.isSuccess
            self.httpStatus = status.name
            self.message = message
            self.actionTime = WireTimestamp(date, style: .zoneless)
            self.data = data
            self.details = details
        }

        /// A `200 OK` envelope around `data`.
        static func ok(_ data: Payload, message: String, at date: Date) -> Envelope {
            Envelope(status: .ok, message: message, data: data, at: date)
        }

        private enum CodingKeys: String, CodingKey {
            case success, httpStatus, message
            case actionTime = "action_time"
            case data, details
        }
    }
}
