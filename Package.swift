// swift-tools-version:6.0
import PackageDescription

// ProfileKit has no package dependencies: an importer pulls in nothing but this package.
// Servers, benchmarks and stores that need packages live in their own packages under
// Examples/ and Benchmarks/ and depend on this one by path.
let package = Package(
    name: "ProfileKit",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ProfileKit", targets: ["ProfileKit"]),
        .library(name: "ProfileDomain", targets: ["ProfileDomain"]),
        .library(name: "ProfileValidation", targets: ["ProfileValidation"]),
        .library(name: "ProfileStore", targets: ["ProfileStore"]),
        .library(name: "ProfileStoreConformance", targets: ["ProfileStoreConformance"]),
        .library(name: "ProfileKitTestSupport", targets: ["ProfileKitTestSupport"]),
    ],
    targets: [
        .target(name: "ProfileDomain"),
        .target(name: "ProfileValidation", dependencies: ["ProfileDomain"]),
        .target(name: "ProfileStore", dependencies: ["ProfileDomain", "ProfileValidation"]),
        .target(name: "ProfileKit", dependencies: ["ProfileDomain", "ProfileValidation", "ProfileStore"]),
        .target(name: "ProfileStoreConformance", dependencies: ["ProfileStore"]),
        // Test fixtures (the specs' sample bodies as patches) shared by the test targets and benchmarks.
        .target(name: "ProfileKitTestSupport", dependencies: ["ProfileDomain"]),
        .executableTarget(name: "ProfileKitTour", dependencies: ["ProfileKit"]),
        // Spawned by the JSON-file store's crash and lock tests; the test target depends on it
        // so that building the tests builds it.
        .executableTarget(name: "ProfileStoreCrashWriter", dependencies: ["ProfileStore"]),
        // The library's side of the differential tests against WHATWG (ada-url) and Pillow
        // (Conformance/differential/); the scripts there build and run it.
        .executableTarget(name: "ProfileKitProbe", dependencies: ["ProfileKit"]),
        .testTarget(name: "ProfileDomainTests", dependencies: ["ProfileDomain"]),
        .testTarget(name: "ProfileValidationTests", dependencies: ["ProfileValidation", "ProfileKitTestSupport"]),
        .testTarget(
            name: "ProfileStoreTests",
            dependencies: ["ProfileStore", "ProfileStoreConformance", "ProfileStoreCrashWriter"]
        ),
        .testTarget(
            name: "ProfileServiceTests",
            dependencies: ["ProfileKit", "ProfileStoreConformance", "ProfileKitTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
