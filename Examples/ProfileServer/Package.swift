// swift-tools-version:6.0
import PackageDescription

// The reference server: all four specs of ProfileKit over real HTTP on Hummingbird 2.
// The library stays dependency-free; this package brings the server's dependencies.
let package = Package(
    name: "ProfileServer",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "profile-server", targets: ["profile-server"]),
        .library(name: "ProfileServer", targets: ["ProfileServer"]),
    ],
    dependencies: [
        .package(name: "ProfileKit", path: "../.."),
        // `--store postgres://...`: the PostgreSQL store, by path like the library.
        .package(name: "PostgresProfileStore", path: "../../Stores/PostgresProfileStore"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        // Already in the graph through jwt-kit; the token tests use its HMAC as an independent reference.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // The server as a library, so the tests start it in-process on an ephemeral loopback port.
        .target(
            name: "ProfileServer",
            dependencies: [
                .product(name: "ProfileKit", package: "ProfileKit"),
                .product(name: "PostgresProfileStore", package: "PostgresProfileStore"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "profile-server",
            dependencies: [
                "ProfileServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ProfileServerTests",
            dependencies: [
                "ProfileServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
