import Foundation

/// The JWT secret used when none is configured: generated once, kept in the data directory
/// (`jwt-secret`, mode 0600), so that `profile-server token` and the server agree across restarts.
public enum DevelopmentSecret {
    /// The file name inside the data directory.
    public static let fileName = "jwt-secret"

    /// The secret in `directory`, created (with the directory) when missing; `created` says
    /// whether this call made it.
    public static func loadOrCreate(in directory: String) throws(ServerError) -> (secret: String, created: Bool) {
        let path = directory + "/" + fileName
        if let existing = try? String(contentsOfFile: path, encoding: .utf8) {
            let secret = existing.trimmingCharacters(in: .whitespacesAndNewlines)
            guard secret.utf8.count >= 32 else {
                throw .configuration("\(path) holds a secret shorter than 32 bytes; delete it to generate a new one")
            }
            return (secret, false)
        }
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }
            .joined()
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            guard
                FileManager.default.createFile(
                    atPath: path, contents: Data((secret + "\n").utf8), attributes: [.posixPermissions: 0o600])
            else { throw ServerError.storage("cannot write \(path)") }
        } catch {
            throw .storage("cannot create the development secret at \(path): \(error)")
        }
        return (secret, true)
    }
}
