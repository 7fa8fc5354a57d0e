/// What a route does: the library's dispatch key, one case per endpoint of the four specs.
enum RouteAction: Sendable, Hashable {
    case creatorPutProfile, creatorGetProfile, creatorGetUser, creatorUploadMedia, creatorExportData
    case socialOwnProfile, socialProfileByID, socialProfileByUsername, socialUpdateProfile
    case socialFollow, socialUnfollow, socialBlock, socialUnblock, socialChangeUsername, socialExportData
    case mobileGetProfile, mobilePostProfile, mobileExportData
    case djangoViewProfile, djangoUpdateUser, djangoDeleteUser, djangoExportData
    /// A lifecycle use case: the same in every spec, only paths and envelopes differ.
    case lifecycle(LifecycleOperation)
}
