import Testing
@testable import ParetoRoute

@Suite struct TextTableTests {
    static let table = TextTable(columns: [
        .init("intent"), .init("model", cuttable: true), .init("max_tokens", compact: "tok", .right),
        .init("change", dropRank: 0),
    ], rows: [["faq", "haiku-ft-2026-q1-customer", "500", "a → b"], ["chat", "big", "1500", "same"]], indent: "  ")

    @Test func columnsAreAsWideAsTheirLongestEntryAndFiguresEndUnderTheirHeaders() {
        #expect(Self.table.lines() == [
            "  intent  model                      max_tokens  change",
            "  faq     haiku-ft-2026-q1-customer         500  a → b",
            "  chat    big                              1500  same",
        ])
    }

    @Test func tooWideDropsThenCompactsThenCuts() {
        // 2 + 6 + 2 + 25 + 2 + 10 = 47 without the change column.
        #expect(Self.table.lines(width: 47) == [
            "  intent  model                      max_tokens",
            "  faq     haiku-ft-2026-q1-customer         500",
            "  chat    big                              1500",
        ])
        #expect(!Self.table.needsCut(width: 47))
        // Compact header: 2 + 6 + 2 + 25 + 2 + 4 = 41.
        #expect(Self.table.lines(width: 41)[1] == "  faq     haiku-ft-2026-q1-customer   500")
        // Cut: the model column gets 41 − 5 − 16 = 20 characters.
        #expect(Self.table.needsCut(width: 36))
        #expect(Self.table.lines(width: 36) == [
            "  intent  model                  tok",
            "  faq     haiku-ft-2026-q1-cu…   500",
            "  chat    big                   1500",
        ])
    }

    @Test func wrapPrefersListBoundariesAndIndents() {
        let line = "  cheapest repair: recommendation → haiku-ft/500/t0.3/rag2, product_question → haiku-ft/400/t0.1/rag2"
        #expect(wrapText(line, width: 70) == [
            "  cheapest repair: recommendation → haiku-ft/500/t0.3/rag2,",
            "      product_question → haiku-ft/400/t0.1/rag2",
        ])
        #expect(wrapText(line, width: nil) == [line])
        #expect(wrapText("short", width: 10) == ["short"])
        #expect(wrapText("aaaa bbbb cccc", width: 9) == ["aaaa bbbb", "    cccc"])
        #expect(wrapLines("one two three\nfour\n", width: 8) == "one two\n    three\nfour\n")
    }

    @Test func wordsCarriedOverAfterACommaBreakStillFit() {
        // The break after "bbbbbbb," carries "cccccc" over; with "dddddddddddd" that is 23
        // columns, so the line breaks again (it used to run to 23).
        #expect(wrapText("aaaa bbbbbbb, cccccc dddddddddddd", width: 20) == ["aaaa bbbbbbb,", "    cccccc", "    dddddddddddd"])
    }
}
