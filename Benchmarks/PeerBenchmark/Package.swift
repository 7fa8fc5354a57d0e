// swift-tools-version:6.0
import PackageDescription

// The JSON-file store and its peers measured in one process, interleaved: SQLite (WAL,
// synchronous=FULL) through a GRDB `DatabasePool`, and the raw append+fsync floor. Its own package
// so that ProfileKit stays free of dependencies. `Benchmarks/run` drives it; by hand:
//   swift run -c release --package-path Benchmarks/PeerBenchmark PeerBenchmark help
let package = Package(
    name: "PeerBenchmark",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "ProfileKit", path: "../.."),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "PeerBenchmark",
            dependencies: [
                .product(name: "ProfileStore", package: "ProfileKit"),
                .product(name: "ProfileKitTestSupport", package: "ProfileKit"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
