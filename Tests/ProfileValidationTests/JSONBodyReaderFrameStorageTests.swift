import Testing

@testable import ProfileValidation

/// The reader's stacks start in tuples on its stack frame; a buffer over a tuple must never span
/// a byte past the tuple (a move to the heap copies whole strides: AddressSanitizer caught a
/// version whose last element's stride ran 7 bytes past it).
@Suite("The reader's frame storage")
struct JSONBodyReaderFrameStorageTests {
    @Test("each lent buffer spans whole strides inside its tuple and keeps the documented room (8 levels, 32 keys)")
    func buffersStayInsideTheirTuples() {
        var path = JSONBodyReader.FrameStorage.path
        var keys = JSONBodyReader.FrameStorage.keys
        let pathCount = withUnsafeMutablePointer(to: &path) {
            JSONBodyReader.FrameStorage.elements(of: $0, as: JSONBodyReader.PathComponent.self).count
        }
        let keyCount = withUnsafeMutablePointer(to: &keys) {
            JSONBodyReader.FrameStorage.elements(of: $0, as: JSONKey.self).count
        }
        #expect(pathCount * MemoryLayout<JSONBodyReader.PathComponent>.stride <= MemoryLayout.size(ofValue: path))
        #expect(keyCount * MemoryLayout<JSONKey>.stride <= MemoryLayout.size(ofValue: keys))
        #expect(pathCount >= 8)
        #expect(keyCount >= 32)
    }
}
