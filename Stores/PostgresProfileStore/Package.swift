// swift-tools-version:6.0
import PackageDescription

// A ProfileStore on PostgreSQL, for deployments where several server processes share one
// database. Its own package, so that the library keeps no dependencies. The tests need a
// database: `./ci-run` starts a throwaway one and runs everything (see Docs/PostgresStore.md).
let package = Package(
    name: "PostgresProfileStore",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PostgresProfileStore", targets: ["PostgresProfileStore"]),
        .executable(name: "profilekit-pg-import", targets: ["PostgresImport"]),
        .executable(name: "profilekit-pg-bench", targets: ["PostgresStoreBenchmark"]),
    ],
    dependencies: [
        .package(name: "ProfileKit", path: "../.."),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "PostgresProfileStore",
            dependencies: [
                .product(name: "ProfileStore", package: "ProfileKit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // profilekit-pg-import --from <json-file store directory> --to <postgres URL>
        .executableTarget(
            name: "PostgresImport",
            dependencies: [
                "PostgresProfileStore", .product(name: "ProfileStore", package: "ProfileKit"),
                .product(name: "ProfileDomain", package: "ProfileKit"),
            ]
        ),
        // One side of the two-process races: the tests start two of these on one database.
        .executableTarget(
            name: "PostgresRaceWorker",
            dependencies: [
                "PostgresProfileStore", .product(name: "ProfileStore", package: "ProfileKit"),
                .product(name: "ProfileDomain", package: "ProfileKit"),
            ]
        ),
        // ci-run's check of the importer: makes a JSON-file store, then compares it with PostgreSQL.
        .executableTarget(
            name: "PostgresImportCheck",
            dependencies: [
                "PostgresProfileStore", .product(name: "ProfileStore", package: "ProfileKit"),
                .product(name: "ProfileDomain", package: "ProfileKit"),
            ]
        ),
        // ci-run's kill-and-restart check: writers through ProfileService while the database is
        // killed mid-write and started again.
        .executableTarget(
            name: "PostgresRestartCheck",
            dependencies: [
                "PostgresProfileStore", .product(name: "ProfileStore", package: "ProfileKit"),
                .product(name: "ProfileDomain", package: "ProfileKit"),
                .product(name: "ProfileHTTP", package: "ProfileKit"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // profilekit-pg-bench: upsert latency (1 writer), upserts per second (16 writers) and read
        // latency, as JSON lines for Benchmarks/run; run in release.
        .executableTarget(
            name: "PostgresStoreBenchmark",
            dependencies: [
                "PostgresProfileStore", .product(name: "ProfileStore", package: "ProfileKit"),
                .product(name: "ProfileDomain", package: "ProfileKit"),
            ]
        ),
        .testTarget(
            name: "PostgresProfileStoreTests",
            dependencies: [
                "PostgresProfileStore", "PostgresRaceWorker",
                .product(name: "ProfileStoreConformance", package: "ProfileKit"),
                .product(name: "ProfileKit", package: "ProfileKit"),
                .product(name: "ProfileKitTestSupport", package: "ProfileKit"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
