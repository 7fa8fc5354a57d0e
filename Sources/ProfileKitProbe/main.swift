import Foundation

// The differential tests' view of the library (Conformance/differential/): each subcommand lives
// in its own file and reads a corpus, writing one JSON line per case for a reference to compare.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "url":
    ProbeURL.run(Array(arguments.dropFirst()))
case "image":
    ProbeImage.run(Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write(Data("usage: ProfileKitProbe url|image [arguments]\n".utf8))
    exit(64)
}
