import Testing

@testable import ProfileStore

@Suite("JSONFileObjectScanner splits an object and its arrays without decoding them")
struct JSONFileObjectScannerTests {
    /// The text of each member's value, by key, or `nil` when the scanner refuses the text.
    private func members(_ text: String) -> [String: String]? {
        let bytes = Array(text.utf8)
        return JSONFileObjectScanner(bytes).members()?.mapValues { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The text of each element of the array member `key`, or `nil` when refused.
    private func elements(_ text: String, of key: String) -> [String]? {
        let bytes = Array(text.utf8)
        let scanner = JSONFileObjectScanner(bytes)
        guard let range = scanner.members()?[key] else { return nil }
        return scanner.elements(ofArrayAt: range)?.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test("members of a compact or spaced object are found with their exact value text")
    func members() {
        #expect(
            members(#"{"a":1,"b":[1,2],"c":{"d":"}"},"e":null}"#) == [
                "a": "1", "b": "[1,2]", "c": #"{"d":"}"}"#, "e": "null",
            ])
        #expect(members("\n{ \"a\" : -1.5e3 ,\n\"b\"\t:\r\n\"x\" }\n") == ["a": "-1.5e3", "b": #""x""#])
        #expect(members("{}") == [:])
        #expect(members(" { } ") == [:])
    }

    @Test("elements skip brackets, braces, commas and escaped quotes inside strings")
    func elementsInsideStrings() {
        let text = #"{"list":[ {"s":"a\"],{b"} , "\\" ,[["]"]],7,{}]}"#
        #expect(elements(text, of: "list") == [#"{"s":"a\"],{b"}"#, #""\\""#, #"[["]"]]"#, "7", "{}"])
        #expect(elements(#"{"list":[]}"#, of: "list") == [])
        #expect(elements("{\"list\":[\n]}", of: "list") == [])
    }

    @Test(
        "text that is not one object with distinct keys is refused",
        arguments: [
            "", "[]", "{", #"{"a":1"#, #"{"a":1}x"#, #"{"a":1,}"#, #"{"a" 1}"#, #"{a:1}"#, #"{"a":1,"a":2}"#,
            #"{"a":[1,2}"#, #"{"a":"open}"#, #"{"a":}"#, #"{"a":1 2}"#,
        ]
    )
    func refusesMalformedObjects(_ text: String) {
        #expect(members(text) == nil)
    }

    @Test(
        "a member that is not a well-formed array has no elements",
        arguments: [
            #"{"a":1}"#, #"{"a":"[1]"}"#, #"{"a":{"b":[1]}}"#, #"{"a":[1,]}"#, #"{"a":[,1]}"#, #"{"a":[1 2]}"#,
        ])
    func refusesMalformedArrays(_ text: String) {
        #expect(elements(text, of: "a") == nil)
    }
}
