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
        .library(name: "ProfileHTTP", targets: ["ProfileHTTP"]),
        .library(name: "ProfileStoreConformance", targets: ["ProfileStoreConformance"]),
        .library(name: "ProfileKitTestSupport", targets: ["ProfileKitTestSupport"]),
    ],
    targets: [
        .target(name: "ProfileDomain"),
        .target(name: "ProfileValidation", dependencies: ["ProfileDomain"]),
        .target(name: "ProfileStore", dependencies: ["ProfileDomain", "ProfileValidation"]),
        // Everything HTTP: each spec's routes, wire types, envelopes and statuses, framework-neutral.
        .target(name: "ProfileHTTP", dependencies: ["ProfileDomain", "ProfileValidation", "ProfileStore"]),
        .target(
            name: "ProfileKit", dependencies: ["ProfileDomain", "ProfileValidation", "ProfileStore", "ProfileHTTP"]),
        .target(name: "ProfileStoreConformance", dependencies: ["ProfileStore"]),
        // Test fixtures (the specs' sample bodies as patches) shared by the test targets and benchmarks.
        .target(name: "ProfileKitTestSupport", dependencies: ["ProfileDomain"]),
        .executableTarget(name: "ProfileKitTour", dependencies: ["ProfileKit"]),
        // Runs the library on generated inputs for the property tests under Conformance/.
        .executableTarget(name: "ProfileKitProbe", dependencies: ["ProfileKit"]),
        // Spawned by the JSON-file store's crash and lock tests; the test target depends on it
        // so that building the tests builds it.
        .executableTarget(name: "ProfileStoreCrashWriter", dependencies: ["ProfileStore"]),
        // The wire formats' tests live here too: they check the model against the specs' samples.
        .testTarget(name: "ProfileDomainTests", dependencies: ["ProfileDomain", "ProfileHTTP"]),
        .testTarget(
            name: "ProfileValidationTests", dependencies: ["ProfileValidation", "ProfileHTTP", "ProfileKitTestSupport"]
        ),
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
