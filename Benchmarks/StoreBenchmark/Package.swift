// swift-tools-version:6.0
import PackageDescription

// Measures JSONFileProfileStore: durable upserts per second and their latency at 1,000 and
// 100,000 stored profiles, start-up time and memory per profile. Run in release:
//   swift run -c release StoreBenchmark
let package = Package(
    name: "StoreBenchmark",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "ProfileKit", path: "../..")],
    targets: [
        .executableTarget(
            name: "StoreBenchmark",
            dependencies: [.product(name: "ProfileStore", package: "ProfileKit")]
        )
    ],
    swiftLanguageModes: [.v6]
)
