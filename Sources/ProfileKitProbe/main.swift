// Runs the library on inputs that a script generates, one verdict line per input line, for the
// property and differential tests that compare the library with independent references
// (Conformance/):
//
//   ProfileKitProbe body <preset>    request bodies through the preset's endpoint path
//   ProfileKitProbe url [...]        URLs, against a WHATWG parser (ada-url)
//   ProfileKitProbe image [...]      image files, against Pillow
//   ProfileKitProbe strip            image files stripped of metadata, checked with Pillow
//
// Each subcommand lives in its own file; this switch only dispatches.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "body":
    exit(ProbeBody.run(Array(arguments.dropFirst())))
case "url":
    ProbeURL.run(Array(arguments.dropFirst()))
case "image":
    ProbeImage.run(Array(arguments.dropFirst()))
case "strip":
    ProbeStrip.run(Array(arguments.dropFirst()))
default:
    let usage = Array("usage: ProfileKitProbe body <preset> | url [arguments] | image [arguments] | strip\n".utf8)
    _ = write(2, usage, usage.count)
    exit(64)
}
