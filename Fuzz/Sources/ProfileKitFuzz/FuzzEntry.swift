#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The target this process fuzzes, chosen once from `PROFILEKIT_FUZZ_TARGET`.
private let selectedTarget: FuzzTarget = {
    let name = getenv("PROFILEKIT_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let known = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FuzzFailure.harness("set PROFILEKIT_FUZZ_TARGET to one of: \(known) (got \"\(name)\")")
    }
    return target
}()

/// libFuzzer's entry point: one input, any bytes. An invariant that does not hold aborts, which
/// libFuzzer records as a crash with the input that caused it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selectedTarget.run(bytes)
    return 0
}
