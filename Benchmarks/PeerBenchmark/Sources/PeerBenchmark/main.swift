import Foundation

// Usage (Benchmarks/run drives these; every number is printed as one JSON line):
//   PeerBenchmark populate <root> <count>...                 json-<count>/ and sqlite-<count>.db
//   PeerBenchmark open <json|sqlite> <root> <count> <reads>  start-up, peak RSS, reads (fresh process)
//   PeerBenchmark upserts <root> <writes> <count>...         single-writer p50/p99, with the floor
//   PeerBenchmark concurrent <root> <count> <writes per writer> <rounds> <writers>...
let usage = """
    usage: PeerBenchmark populate <root> <count>...
           PeerBenchmark open <json|sqlite> <root> <count> <reads>
           PeerBenchmark upserts <root> <writes> <count>...
           PeerBenchmark concurrent <root> <count> <writes per writer> <rounds> <writers>...
    """

let arguments = Array(CommandLine.arguments.dropFirst())
let numbers = arguments.compactMap { Int($0) }
do {
    switch (arguments.first, arguments.count) {
    case ("populate", 3...):
        for count in numbers { try Population.populate(arguments[1], count: count) }
    case ("open", 5):
        try await Commands.open(arguments[1], root: arguments[2], count: numbers[0], reads: numbers[1])
    case ("upserts", 4...):
        try await Commands.upserts(root: arguments[1], writes: numbers[0], counts: Array(numbers.dropFirst()))
    case ("concurrent", 6...):
        try await Commands.concurrent(
            root: arguments[1], count: numbers[0], writesPerWriter: numbers[1], rounds: numbers[2],
            writers: Array(numbers.dropFirst(3)))
    default:
        print(usage)
        exit(arguments.first == "help" ? 0 : 64)
    }
} catch {
    FileHandle.standardError.write(Data("PeerBenchmark: \(error)\n".utf8))
    exit(1)
}
