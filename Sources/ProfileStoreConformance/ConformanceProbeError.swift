/// The error the suite's update bodies throw, to prove the store propagates a body's error
/// unchanged.
struct ConformanceProbeError: Error, Equatable {
    /// Distinguishes one probe from another.
    let marker: Int
}
