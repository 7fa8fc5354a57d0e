/// The fuzz targets; `Fuzz/run.sh` runs each with its own corpus under `Fuzz/Corpus/<name>/`.
enum FuzzTarget: String, CaseIterable {
    case endpointsCreator = "endpoints-creator"
    case endpointsSocial = "endpoints-social"
    case endpointsMobile = "endpoints-mobile"
    case endpointsDjango = "endpoints-django"
    case decoder
    case storeJournal = "store-journal"
    case storeSnapshot = "store-snapshot"
    case image

    /// Feeds one input to the target's invariants.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .endpointsCreator: EndpointsTarget.creator.run(bytes)
        case .endpointsSocial: EndpointsTarget.social.run(bytes)
        case .endpointsMobile: EndpointsTarget.mobile.run(bytes)
        case .endpointsDjango: EndpointsTarget.django.run(bytes)
        case .decoder: DecoderTarget.run(bytes)
        case .storeJournal: StoreLoaderTarget.journal.run(bytes)
        case .storeSnapshot: StoreLoaderTarget.snapshot.run(bytes)
        case .image: ImageTarget.run(bytes)
        }
    }
}
