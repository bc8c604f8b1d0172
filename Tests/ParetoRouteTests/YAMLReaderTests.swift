import Testing
@testable import ParetoRoute

/// The YAML reader takes the subset the writer writes and names file and line for the rest.
struct YAMLReaderTests {
    private func message(_ text: String) -> String {
        do {
            _ = try YAMLReader.parse(text, file: "c.yaml")
            return "read"
        } catch {
            return String(describing: error)
        }
    }

    @Test func readsCommentsQuotesAndSequencesAtTheKeysIndent() throws {
        let text = """
            # a comment
            a: 1 # trailing
            'b c': 'it''s'
            d:
            - x
            - "y\\u00e9"
            e:   
              f: -2.5e-3
              g: ~
            h: [] # empty
            """
        let document = try YAMLReader.parse(text, file: "c.yaml")
        #expect(document.value == .mapping([
            ("a", .number(1)), ("b c", .string("it's")), ("d", .sequence([.string("x"), .string("yé")])),
            ("e", .mapping([("f", .number(-0.0025)), ("g", .null)])), ("h", .sequence([])),
        ]))
        #expect(document.line(of: "d[1]") == 6)
        #expect(document.line(of: "e.g") == 9)
        #expect(YAMLReader.typed("1e5") == .number(100_000))
        #expect(YAMLReader.typed("nan") == .string("nan"))
        #expect(YAMLReader.typed(".inf") == .string(".inf"))
        #expect(YAMLReader.typed("0x1A") == .string("0x1A"))
    }

    @Test func theRestOfYAMLIsRefusedAtItsLine() {
        #expect(message("a: 1\n\tb: 2\n") == "c.yaml:2: a tab in the indentation; expected spaces")
        #expect(message("a: [1, 2]\n").hasPrefix("c.yaml:1: '[1, 2]': flow collections, anchors, aliases, tags and block scalars are not supported"))
        #expect(message("a: &x 1\n").hasPrefix("c.yaml:1: '&x 1': flow collections"))
        #expect(message("a: |\n  text\n").hasPrefix("c.yaml:1: '|': flow collections"))
        #expect(message("a: 1\na: 2\n") == "c.yaml:2: the key 'a' appears twice in one mapping")
        #expect(message("a: \"open\n") == "c.yaml:1: the quoted string is not closed on its line; expected a closing \"")
        #expect(message("a:\n    b: 1\n  c: 2\n") == "c.yaml:3: unexpected indentation; expected a key or item aligned with the ones before it")
        #expect(message("---\na: 1\n") == "c.yaml:1: document markers and directives are not supported; expected one plain document")
        #expect(message("a: b: c\n") == "c.yaml:1: 'b: c' holds ': '; expected one scalar (quote it, or put a nested mapping on the next lines)")
        #expect(message("a: \"x\" y\n") == "c.yaml:1: text after the closing quote: 'y'; expected the end of the line or a comment")
        #expect(message("just text\n") == "c.yaml:1: 'just text' is neither 'key: value' nor a '- ' item")
        #expect(message("a: \"\\q\"\n") == "c.yaml:1: the escape \\q is not supported; expected one of \\\" \\\\ \\n \\t \\r \\uXXXX")
    }
}
