// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for ProfileKit, kept out of the library's package so that `swift build` of
// the library never needs the fuzzer runtime. Build and run them with `Fuzz/run.sh`.
//
// The executable is compiled with `-parse-as-library`: no top-level code, so the compiler emits
// no `main` and libFuzzer's own `main` drives `LLVMFuzzerTestOneInput` (exported with
// `@_cdecl`). Tools version 6.0 works this way on Swift 6.3.1; no 5.4 workaround is needed.
let package = Package(
    name: "ProfileKitFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "ProfileKit", path: "..")],
    targets: [
        .executableTarget(
            name: "ProfileKitFuzz",
            dependencies: [.product(name: "ProfileKit", package: "ProfileKit")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ],
    swiftLanguageModes: [.v6]
)
