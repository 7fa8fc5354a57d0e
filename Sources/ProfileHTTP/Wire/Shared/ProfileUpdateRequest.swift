import ProfileDomain

/// A spec's request body that asks for one ``ProfileDomain/ProfileUpdate``: what a server decodes and hands to
/// the service.
///
/// Every wire format's update body conforms (``CreatorWire/ProfileRequest``,
/// ``SocialWire/UpdateRequest``, ``SocialWire/UsernameChangeRequest``, ``MobileWire/ProfileRequest``,
/// ``DjangoWire/UpdateRequest``), so one generic handler serves them all. Keys the body may not
/// carry are already in the update's ``ProfileDomain/ProfileUpdate/rejectedFields``; its
/// ``ProfileDomain/ProfileUpdate/expectedVersion`` is `nil`, because the version comes from `If-Match`, not
/// from the body.
public protocol ProfileUpdateRequest: Codable, Sendable {
    /// The update this request asks for.
    var update: ProfileUpdate { get }
}
