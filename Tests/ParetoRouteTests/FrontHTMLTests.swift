import Foundation
import Testing
@testable import ParetoRoute

/// The report's embedded data: compact (distinct cells + per-point indices) and exact.
@Suite struct FrontHTMLTests {
    static func point(_ cost: Double, _ quality: Double, _ settings: [(String, String, Double)]) -> FrontPoint {
        FrontPoint(monthlyCostUSD: cost, quality: quality, fixedFeesUSD: 0, isFeasible: true, intents: settings.map {
            .init(intent: $0.0, option: .setting(Setting(model: $0.1, maxTokens: 250, temperature: 0.1, ragChunks: 0)),
                  monthlyCostUSD: $0.2, quality: 0.5, p99LatencyMs: 900)
        })
    }

    /// Three points over two intents; faq uses two distinct cells, chat three.
    static let front = Front(method: .exact, dataFingerprint: "0123456789abcdef", points: [
        point(10, 0.80, [("faq", "small", 4), ("chat", "small", 6)]),
        point(12.5, 0.85, [("faq", "small", 4), ("chat", "mid", 8.5)]),
        point(20, 0.90, [("faq", "big", 9), ("chat", "big", 11)]),
    ])

    static func bytes(_ payload: FrontHTML.Payload, _ column: String) -> [UInt8] {
        [UInt8](Data(base64Encoded: payload.columns.first { $0.name == column }?.base64 ?? "") ?? Data())
    }

    @Test func cellsAreListedOncePerIntentAndIndexedPerPoint() {
        let payload = FrontHTML.embeddedData(Self.front, mark: nil, z: 1.96)
        let data = payload.json
        #expect(data["intents"] == .array([.string("faq"), .string("chat")]))
        let cells = data["cells"]?.array ?? []
        #expect(cells.map { $0.array?.count ?? 0 } == [2, 3])
        #expect(cells[0].array?[1].array?.first == .string("big/250/t0.1/rag0"))
        #expect(data["index_bytes"] == .number(1))
        // Point-major: point i's cell of intent j at i × 2 + j.
        #expect(Self.bytes(payload, "point_cells") == [0, 0, 0, 1, 1, 2])
        #expect(data["knee_point"] == .number(2))
        #expect(data["mark"] == .null)
    }

    @Test func figuresRoundTripExactlyAsLittleEndianDoubles() {
        let raw = Self.bytes(FrontHTML.embeddedData(Self.front, mark: nil, z: 1.96), "monthly_cost_usd")
        #expect(raw.count == 24)
        let costs = (0..<3).map { i in
            Double(bitPattern: (0..<8).reduce(UInt64(0)) { $0 | UInt64(raw[i * 8 + $1]) << UInt64(8 * $1) })
        }
        #expect(costs == [10, 12.5, 20])
        #expect(FrontHTML.base64([0.1]) == Data([0x9a, 0x99, 0x99, 0x99, 0x99, 0x99, 0xb9, 0x3f]).base64EncodedString())
        #expect(FrontHTML.base64(indices: [1, 300], width: 2) == Data([1, 0, 44, 1]).base64EncodedString())
    }

    @Test func pageIsSelfContainedAndItsDataCannotCloseTheScript() {
        let hostile = Front(method: .nsga2, dataFingerprint: "f", points: [
            Self.point(1, 0.5, [("</script><script>alert(1)</script>", "m", 1)]),
        ])
        let html = FrontHTML.render(hostile)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("</script><script>alert"))
        #expect(html.contains("\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"))
        // No network: nothing is loaded from elsewhere.
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains(" src="))
        // The JSON, six base64 columns, the script.
        #expect(html.components(separatedBy: "<script").count == 9)
    }

    /// The budget box shows whole dollars (it showed `25590.35918187`, the knee's exact cost):
    /// every write to it goes through `wholeDollars`, which rounds.
    @Test func theBudgetBoxShowsWholeDollars() {
        let html = FrontHTML.render(Self.front, mark: nil, z: 1.96, logCost: false)
        #expect(html.contains("function wholeDollars(value) { return String(Math.round(value)); }"))
        #expect(!html.contains("budgetInput.value = String("))
        #expect(html.components(separatedBy: "budgetInput.value = wholeDollars(").count == 3)
        #expect(html.contains("const knee = D.knee_point === null ? -1 : D.knee_point - 1;"))
    }
}

