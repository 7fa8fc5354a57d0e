import Foundation
import Testing

@Suite("Server behaviour at the edges")
struct ServerBehaviourTests {
    @Test("/health answers 200 and every response carries a request id")
    func health() async throws {
        try await TestServer.run { client async throws in
            let health = try await client.send(.get, "/health")
            #expect(health.status == 200)
            #expect(health.json["status"] as? String == "ok")
            let first = try #require(health.header("X-Request-Id"))
            let second = try await client.send(.get, "/api/v1/profiles/me")
            #expect(second.header("X-Request-Id") != nil)
            #expect(second.header("X-Request-Id") != first)
        }
    }

    @Test("A preflight from a configured origin is allowed; another origin gets no CORS headers")
    func cors() async throws {
        try await TestServer.run(corsOrigins: ["http://localhost:3000"]) { client async throws in
            let preflight = try await client.send(
                .options, "/api/v1/profiles/me",
                headers: ["Origin": "http://localhost:3000", "Access-Control-Request-Method": "PUT"])
            #expect(preflight.header("Access-Control-Allow-Origin") == "http://localhost:3000")
            #expect(preflight.header("Access-Control-Allow-Methods")?.contains("PUT") == true)
            let foreign = try await client.send(.get, "/health", headers: ["Origin": "https://evil.example"])
            #expect(foreign.header("Access-Control-Allow-Origin") == nil)
        }
    }

    @Test("A restart on the same data directory serves the same profiles")
    func restart() async throws {
        let directory = TestServer.temporaryDirectory()
        let written = try await TestServer.run(dataDirectory: directory) { client async throws in
            let put = try await client.send(.put, "/api/v1/profiles/me", as: "alice", json: Samples.creatorProfile)
            #expect(put.status == 200)
            return put.header("ETag")
        }
        try await TestServer.run(dataDirectory: directory) { client async throws in
            let get = try await client.send(.get, "/api/v1/profile/u/john_doe")
            #expect(get.status == 200)
            let own = try await client.send(.get, "/api/v1/profiles/me", as: "alice")
            #expect(own.header("ETag") == written)
        }
    }

    @Test("In-memory mode serves the same API")
    func inMemory() async throws {
        try await TestServer.run(inMemory: true) { client async throws in
            let put = try await client.send(.put, "/api/v1/profiles/me", as: "a", json: Samples.creatorProfile)
            #expect(put.status == 200)
            let health = try await client.send(.get, "/health")
            #expect(health.json["store"] as? String == "memory")
        }
    }

    @Test("A data directory whose parents do not exist yet is created")
    func newDataDirectory() async throws {
        let directory = TestServer.temporaryDirectory() + "/not/yet/there"
        try await TestServer.run(dataDirectory: directory) { client async throws in
            let put = try await client.send(.put, "/api/v1/profiles/me", as: "a", json: Samples.creatorProfile)
            #expect(put.status == 200)
        }
        #expect(FileManager.default.fileExists(atPath: directory + "/store"))
    }

    @Test("An unknown path is 404 and a known path with another method 405, in the nearest spec's envelope")
    func unmatched() async throws {
        try await TestServer.run { client async throws in
            let unknown = try await client.send(.get, "/api/v1/profiles/nothing", as: "a")
            #expect(unknown.status == 404)
            #expect(unknown.json["success"] as? Bool == false)
            let method = try await client.send(.delete, "/api/v1/profiles/me", as: "a")
            #expect(method.status == 405)
            #expect(method.json["success"] as? Bool == false)
        }
    }
}
