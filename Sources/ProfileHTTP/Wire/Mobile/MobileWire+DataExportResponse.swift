import ProfileDomain

extension MobileWire {
    /// The body of `GET /mobile/user/profile/export`: `{"user_data": {...}}`, the caller's
    /// ``ProfileDomain/ProfileDataExport`` unchanged inside the spec's usual one-key wrapper.
    public struct DataExportResponse: Sendable, Hashable, Codable {
        /// The export document.
        public let userData: ProfileDataExport

        /// The body around `export`.
        public init(_ export: ProfileDataExport) {
            self.userData = export
        }

        private enum CodingKeys: String, CodingKey {
            case userData = "user_data"
        }
    }
}
