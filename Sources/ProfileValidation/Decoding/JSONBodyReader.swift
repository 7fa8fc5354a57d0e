import ProfileDomain

/// The one-pass request-body reader: it walks the body's bytes once, checking everything
/// ``JSONScanner`` checks (UTF-8, escapes, depth, duplicate and equivalent keys, numbers, trailing
/// bytes) while a ``JSONBodyDecodable`` type reads the members it knows straight into its values.
///
/// Keys are matched by their bytes (``JSONKey``); strings are built only for values kept. A
/// syntax problem is thrown where it is found, as ``JSONScanner`` would. A value of the wrong JSON
/// type is noted and reading goes on, because a syntax problem anywhere in the body comes first
/// (the two-step path checks the whole body before decoding); at the end the first noted problem
/// in the order Foundation's decoder would have met it (its `rank`) is thrown, worded as
/// ``RequestBodyDecoder`` words decoding errors.
///
/// Recursion is bounded by the depth cap, as in ``JSONScanner``.
package struct JSONBodyReader {
    enum PathComponent: BitwiseCopyable {
        case key(JSONKey)
        case index(Int)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    var index = 0
    /// The depth of the value about to be read; the top-level value is at depth 1.
    var depth = 1
    var path: Stack<PathComponent>
    /// The keys of the objects being read, innermost last, for the duplicate check.
    var keys: Stack<JSONKey>
    /// The first wrong-typed value found so far, by rank.
    var deferred: (rank: Int, error: FieldError)?
    /// Buffers holding keys decoded from escapes; freed by ``read(_:maximumDepth:_:)``.
    var decodedKeyBuffers: [UnsafeMutableBufferPointer<UInt8>] = []

    init(
        bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int, path: Stack<PathComponent>, keys: Stack<JSONKey>
    ) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
        self.path = path
        self.keys = keys
    }

    /// Reads a whole body with `body`, which reads the top-level value; throws the first syntax
    /// problem, then trailing bytes, then the first noted wrong-typed value.
    static func read<Value>(
        _ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int,
        _ body: (inout JSONBodyReader) throws(ProfileError) -> Value
    ) throws(ProfileError) -> Value {
        // Room for 8 levels of path and 32 keys (about 1 KB) on this frame; deeper or larger
        // bodies move that bookkeeping to the heap. Homogeneous tuples rather than
        // `withUnsafeTemporaryAllocation`, which returns through a `Result<Value, ProfileError>`
        // whose metadata a caller not specialised for `Value` (the public `decode`) looked up at run
        // time, twice per body (~0.7k instructions).
        var pathStorage = FrameStorage.path
        var keyStorage = FrameStorage.keys
        return try withUnsafeMutablePointer(to: &pathStorage) { (path) throws(ProfileError) -> Value in
            try withUnsafeMutablePointer(to: &keyStorage) { (keys) throws(ProfileError) -> Value in
                var reader = JSONBodyReader(
                    bytes: bytes, maximumDepth: maximumDepth,
                    path: Stack(lending: FrameStorage.elements(of: path, as: PathComponent.self)),
                    keys: Stack(lending: FrameStorage.elements(of: keys, as: JSONKey.self)))
                defer {
                    reader.path.release()
                    reader.keys.release()
                    for buffer in reader.decodedKeyBuffers { buffer.deallocate() }
                }
                return try reader.readWhole(body)
            }
        }
    }

    /// Reads the whole body (see ``read(_:maximumDepth:_:)``).
    private mutating func readWhole<Value>(
        _ body: (inout JSONBodyReader) throws(ProfileError) -> Value
    ) throws(ProfileError) -> Value {
        if bytes.starts(with: JSONScanner.byteOrderMark) { index = JSONScanner.byteOrderMark.count }
        skipWhitespace()
        guard index < bytes.count else { throw malformed("the body is empty; send a JSON object") }
        let value = try body(&self)
        skipWhitespace()
        guard index == bytes.count else {
            throw malformed("unexpected bytes after the JSON value at byte \(index)")
        }
        if let deferred {
            throw ProfileError.malformed(deferred.error.message, fieldErrors: [deferred.error])
        }
        return value
    }

    // MARK: Paths and errors

    /// The current path as the library writes field paths (`body` at the top).
    var pathDescription: String {
        var path = JSONPath()
        path.components = self.path.elements(from: 0).map { component in
            switch component {
            case .key(let key): .key(key.string)
            case .index(let index): .index(index)
            }
        }
        return path.description
    }

    func malformed(_ message: String) -> ProfileError {
        JSONSyntaxFailure.malformed(message, at: pathDescription).profileError
    }

    func failure(_ make: (String) -> JSONSyntaxFailure) -> ProfileError {
        make(pathDescription).profileError
    }

    /// Notes that the value at the current path is not of the JSON `kind` (`a string`, `an
    /// object`...); `rank` is the order in which Foundation's decoder would have read it.
    package mutating func noteWrongType(_ kind: String, isNull: Bool = false, rank: Int) {
        guard deferred.map({ rank < $0.rank }) ?? true else { return }
        deferred = (rank, RequestBodyDecoder.wrongType(at: pathDescription, expected: kind, isNull: isNull))
    }

    /// Notes that the current object lacks the required `key`.
    package mutating func noteMissing(_ key: String, rank: Int) {
        guard deferred.map({ rank < $0.rank }) ?? true else { return }
        let path = pathDescription
        deferred = (rank, RequestBodyDecoder.missing(at: path == "body" ? key : "\(path).\(key)"))
    }

    // MARK: Bytes

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    /// The first byte of the next value (whitespace already skipped by the caller).
    @inline(__always)
    package func peek() throws(ProfileError) -> UInt8 {
        guard index < bytes.count else { throw malformed("the body ends in the middle of a value") }
        return bytes[index]
    }

    @inline(__always)
    mutating func readLiteral(_ literal: StaticString) throws(ProfileError) {
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { expected in
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != expected[offset] { return false }
            return true
        }
        guard matches else { throw malformed("unexpected character at byte \(index)") }
        index += count
    }

    /// Reads `null` at the current position when it is there (a mistyped literal is a syntax error).
    @inline(__always)
    package mutating func readNull() throws(ProfileError) -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try readLiteral("null")
        return true
    }
}
