import Foundation
import ProfileKit

/// One request/response pair written in a spec page under `Docs/Specs/`, parsed so that a test
/// can send the request through `ProfileAPI` and compare the answer.
///
/// The page format is plain Markdown: a fenced block tagged `http request` followed by one tagged
/// `http response`, each an HTTP message (start line, headers, blank line, JSON body).
/// `Authorization: Bearer <user id>` makes the caller that user (in the docs the token *is* the
/// id, standing in for the server's JWT verification). In an expected body, the string `"<any>"`
/// matches any value (generated ids).
struct DocExample: Sendable, CustomStringConvertible {
    var title: String
    var request: EndpointRequest
    var expectedStatus: Int
    var expectedHeaders: [String: String]
    var expectedBody: String

    var description: String { title }
}

/// A spec page: its setup (accounts, clock, policy) and its examples in order.
struct DocPage: Sendable, CustomStringConvertible {
    /// The page's `json setup` block.
    struct Setup: Decodable, Sendable {
        var spec: String
        var now: String
        var accounts: [SetupAccount]
    }

    struct SetupAccount: Decodable, Sendable {
        var userId: String
        var email: String?
        var phoneNumber: String?
        var isVerified: Bool?
        var isEmailVerified: Bool?
        var isPhoneVerified: Bool?
        var isTwoFactorEnabled: Bool?
        var roles: [String]?
        var createdAt: String
    }

    var file: String
    var setup: Setup
    var examples: [DocExample]

    var description: String { file }

    /// Every page under `Docs/Specs/`.
    static func all() throws -> [DocPage] {
        let directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Docs/Specs")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".md") }.sorted()
        return try files.map {
            try DocPage(file: $0, text: String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8))
        }
    }

    init(file: String, text: String) throws {
        self.file = file
        var setup: Setup?
        var examples: [DocExample] = []
        var heading = file
        var pendingRequest: (title: String, request: EndpointRequest)?
        for block in Self.blocks(in: text) {
            switch block.tag {
            case "heading":
                heading = block.body
            case "json setup":
                setup = try JSONDecoder().decode(Setup.self, from: Data(block.body.utf8))
            case "http request":
                pendingRequest = (heading, try Self.request(from: block.body))
            case "http response":
                guard let pending = pendingRequest else { throw DocError("\(file): a response without a request") }
                let (status, headers, body) = try Self.message(block.body)
                let code = try Int(status.split(separator: " ").dropFirst().first.map(String.init) ?? "")
                    .orThrow(DocError("\(file): bad status line \(status)"))
                examples.append(
                    DocExample(
                        title: "\(file): \(pending.title)", request: pending.request, expectedStatus: code,
                        expectedHeaders: headers, expectedBody: body))
                pendingRequest = nil
            default:
                continue
            }
        }
        self.setup = try setup.orThrow(DocError("\(file) has no json setup block"))
        self.examples = examples
    }

    /// Headings and fenced blocks, in order.
    private static func blocks(in text: String) -> [(tag: String, body: String)] {
        var blocks: [(String, String)] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        while let line = lines.next() {
            if line.hasPrefix("#") {
                blocks.append(("heading", line.drop { $0 == "#" || $0 == " " }.description))
            } else if line.hasPrefix("```") {
                let tag = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                var body: [Substring] = []
                while let inner = lines.next(), !inner.hasPrefix("```") { body.append(inner) }
                blocks.append((tag, body.joined(separator: "\n")))
            }
        }
        return blocks
    }

    private static func message(_ text: String) throws -> (startLine: String, headers: [String: String], body: String) {
        let parts = text.components(separatedBy: "\n\n")
        let head = parts[0].split(separator: "\n").map(String.init)
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw DocError("bad header line \(line)") }
            headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (head.first ?? "", headers, parts.dropFirst().joined(separator: "\n\n"))
    }

    private static func request(from text: String) throws -> EndpointRequest {
        let (startLine, headers, body) = try message(text)
        let parts = startLine.split(separator: " ")
        guard parts.count >= 2 else { throw DocError("bad request line \(startLine)") }
        var caller = Caller.anonymous
        if let authorization = headers["Authorization"], authorization.hasPrefix("Bearer "),
            let user = UserID(String(authorization.dropFirst("Bearer ".count)))
        {
            caller = .user(user)
        }
        return EndpointRequest(
            method: String(parts[0]), path: String(parts[1]), caller: caller, body: Array(body.utf8),
            ifMatch: headers["If-Match"])
    }
}

struct DocError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Optional {
    func orThrow(_ error: @autoclosure () -> some Error) throws -> Wrapped {
        guard let self else { throw error() }
        return self
    }
}
