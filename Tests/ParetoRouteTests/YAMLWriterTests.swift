import Testing
@testable import ParetoRoute

/// The hand-written YAML: quoting, numbers, layout, and the reader reading back every value.
struct YAMLWriterTests {
    @Test func stringsArePlainOnlyWhenNoReaderCanMistakeThem() {
        #expect(YAMLWriter.scalar("intent/faq") == "intent/faq")
        #expect(YAMLWriter.scalar("haiku-ft") == "haiku-ft")
        #expect(YAMLWriter.scalar("os.environ/ANTHROPIC_API_KEY") == "os.environ/ANTHROPIC_API_KEY")
        #expect(YAMLWriter.scalar("bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0") == "\"bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0\"")
        #expect(YAMLWriter.scalar("a b") == "\"a b\"")
        #expect(YAMLWriter.scalar("x#y") == "\"x#y\"")
        #expect(YAMLWriter.scalar("key: value") == "\"key: value\"")
        for word in ["yes", "No", "ON", "off", "y", "n", "true", "False", "null"] {
            #expect(YAMLWriter.scalar(word) == "\"\(word)\"", "\(word)")
        }
        #expect(YAMLWriter.scalar("") == "\"\"")
        #expect(YAMLWriter.scalar("0.5") == "\"0.5\"")
        #expect(YAMLWriter.scalar("1e5") == "\"1e5\"")
        #expect(YAMLWriter.scalar("-x") == "\"-x\"")
        #expect(YAMLWriter.scalar("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"")
        #expect(YAMLWriter.scalar("a\u{1}b\nc\td\u{2028}") == "\"a\\u0001b\\nc\\td\\u2028\"")
        #expect(YAMLWriter.scalar("café") == "\"café\"")
    }

    @Test func numbersUseTheFormsYAML11Reads() {
        #expect(YAMLWriter.number(250) == "250")
        #expect(YAMLWriter.number(0) == "0")
        #expect(YAMLWriter.number(-0.0) == "0")
        #expect(YAMLWriter.number(0.3) == "0.3")
        #expect(YAMLWriter.number(-2.5) == "-2.5")
        // YAML 1.1 (PyYAML) reads 1e-05 as a string: a dot and a signed exponent are needed.
        #expect(YAMLWriter.number(1e-05) == "1.0e-05")
        #expect(YAMLWriter.number(1.5e-07) == "1.5e-07")
        #expect(YAMLWriter.number(1e20) == "1.0e+20")
        #expect(YAMLWriter.number(.nan) == "null")
        #expect(YAMLWriter.number(.infinity) == "null")
    }

    @Test func aDocumentIsLaidOutByteForByte() {
        let value = YAMLValue.mapping([
            ("model_list", .sequence([
                .mapping([("model_name", .string("intent/faq")),
                          ("litellm_params", .mapping([("model", .string("a:b")), ("weight", .number(0.7))])),
                          ("tags", .sequence([.string("x"), .bool(true), .null]))]),
                .string("plain"),
                .sequence([.number(1), .number(2)]),
                .mapping([]),
            ])),
            ("empty", .sequence([])),
            ("none", .mapping([])),
        ])
        let text = YAMLWriter.render(value, comments: ["written by a test", "two\nlines"])
        #expect(text == """
            # written by a test
            # two lines
            model_list:
              - model_name: intent/faq
                litellm_params:
                  model: "a:b"
                  weight: 0.7
                tags:
                  - x
                  - true
                  - null
              - plain
              -
                - 1
                - 2
              - {}
            empty: []
            none: {}

            """)
        #expect(YAMLWriter.render(value, comments: ["written by a test", "two\nlines"]) == text)
        let read = try? YAMLReader.parse(text, file: "t.yaml")
        #expect(read?.value == value)
        #expect(read?.line(of: "model_list[0].litellm_params.model") == 6)
        #expect(read?.line(of: "model_list[0].litellm_params") == 5)
        #expect(read?.line(of: "model_list[2][1]") == 15)
        #expect(read?.line(of: "none") == 18)
    }

    @Test func seededRandomDocumentsReadBackEqual() throws {
        var generator = SplitMix(seed: 28)
        let alphabet = Array("aZ_09/:#- .\"'\\\té\n{}[]&*!|>%@`,?=~")
        func string() -> String {
            String((0..<Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        }
        func value(depth: Int) -> YAMLValue {
            switch generator.next() % (depth > 2 ? 4 : 6) {
            case 0: return .string(string())
            case 1:
                let bits = generator.next()
                let number = Double(Int64(bitPattern: bits) % 1_000_000) / Double(1 + generator.next() % 10_000) * pow10(Int(generator.next() % 30) - 15)
                return .number(number == 0 ? 0 : number)
            case 2: return .bool(generator.next() % 2 == 0)
            case 3: return .null
            case 4:
                var keys: [String] = []
                return .mapping((0..<Int(generator.next() % 4)).compactMap { _ in
                    let key = string()
                    guard !keys.contains(key) else { return nil }
                    keys.append(key)
                    return (key, value(depth: depth + 1))
                })
            default: return .sequence((0..<Int(generator.next() % 4)).map { _ in value(depth: depth + 1) })
            }
        }
        for round in 0..<500 {
            var keys: [String] = []
            let document = YAMLValue.mapping((0..<Int(1 + generator.next() % 4)).compactMap { _ in
                let key = string()
                guard !keys.contains(key) else { return nil }
                keys.append(key)
                return (key, value(depth: 0))
            })
            let text = YAMLWriter.render(document)
            let read = try YAMLReader.parse(text, file: "random.yaml")
            #expect(read.value == document, "round \(round):\n\(text)")
        }
    }

    private func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }
}

/// SplitMix64, so the random documents are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
