// swift-tools-version:6.0
import PackageDescription

// Measures ValidationPolicy on a typical creator upsert, and JSON bytes to a validated update for
// the payloads in Benchmarks/payloads/; run in release:
//   swift run -c release --package-path Benchmarks/ValidationBenchmark
let package = Package(
    name: "ValidationBenchmark",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "ProfileKit", path: "../..")],
    targets: [
        .executableTarget(
            name: "ValidationBenchmark",
            dependencies: [
                .product(name: "ProfileValidation", package: "ProfileKit"),
                .product(name: "ProfileHTTP", package: "ProfileKit"),
                .product(name: "ProfileKitTestSupport", package: "ProfileKit"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
