import Foundation
import ParetoRoute
import Testing
@testable import ParetoRouteCLI

/// Headless Chromium, when installed (Debian's `chromium` package; `.ci/run` installs it).
enum HeadlessChromium {
    /// The browser's path, or nil: the browser tests are then reported skipped.
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs the browser headless on `url` with `arguments`; returns its stdout.
    static func run(_ url: String, _ arguments: [String]) throws -> String {
        guard let path else { return "" }
        let profile = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        // --no-sandbox: CI and this machine run tests as root, where Chromium's sandbox refuses to start.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
                             "--virtual-time-budget=10000"] + arguments + [url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The page's DOM after its script ran.
    static func dom(_ file: String, fragment: String) throws -> String {
        try run("file://" + file + "#" + fragment, ["--dump-dom"])
    }
}

/// The HTML report of `optimize` on the default data, rendered in a real browser: what the
/// page shows after its script ran must be what the CLI answers on the same front's JSON.
@Suite(.serialized, .enabled(if: HeadlessChromium.path != nil, "needs headless Chromium (apt-get install chromium)"))
struct ReportBrowserTests {
    static let golden = Paths.tests.deletingLastPathComponent().appendingPathComponent("GoldenData").path

    /// `optimize --out front.json --html report.html --mark production.json`, once for the suite.
    static let report: (front: String, html: String, status: Int32) = {
        let directory = (try? Paths.temporaryDirectory()) ?? NSTemporaryDirectory()
        let run = runTool(["optimize", "--data", golden, "--out", directory + "/front.json", "--html", directory + "/report.html",
                           "--mark", golden + "/production.json", "--quiet"])
        return (directory + "/front.json", directory + "/report.html", run.status)
    }()

    /// The value of `attribute` on the element whose `id` is `id`.
    static func attribute(_ attribute: String, ofElement id: String, in dom: String) -> String? {
        guard let start = dom.range(of: "id=\"\(id)\"") else { return nil }
        let tagStart = dom[..<start.lowerBound].lastIndex(of: "<") ?? start.lowerBound
        let tag = dom[tagStart...].prefix { $0 != ">" }
        guard let name = tag.range(of: " \(attribute)=\"") else { return nil }
        return String(tag[name.upperBound...].prefix { $0 != "\"" })
    }

    /// Per intent of the table `id`: field → value, from the cells' `data-field`/`data-value`.
    static func intentFigures(table id: String, in dom: String) -> [String: [String: String]] {
        guard let start = dom.range(of: "id=\"\(id)\""), let end = dom[start.upperBound...].range(of: "</table>") else { return [:] }
        var figures: [String: [String: String]] = [:]
        for row in dom[start.upperBound..<end.lowerBound].components(separatedBy: "<tr data-intent=\"").dropFirst() {
            let intent = String(row.prefix { $0 != "\"" })
            for cellText in row.components(separatedBy: "data-field=\"").dropFirst() {
                let field = String(cellText.prefix { $0 != "\"" })
                if let value = cellText.range(of: "data-value=\"") {
                    figures[intent, default: [:]][field] = String(cellText[value.upperBound...].prefix { $0 != "\"" })
                } else if let text = cellText.range(of: ">") {
                    figures[intent, default: [:]][field] = String(cellText[text.upperBound...].prefix { $0 != "<" })
                }
            }
        }
        return figures
    }

    @Test func budgetInTheURLNamesThePointPickReturns() throws {
        #expect(Self.report.status == 0)
        let dom = try HeadlessChromium.dom(Self.report.html, fragment: "budget=20000")
        #expect(dom.contains("data-ready=\"true\""))
        #expect(!dom.contains("data-error="))
        // The library's answer on the same JSON, the CLI's, and the configuration the page lists for it.
        let front = try Front.load(path: Self.report.front)
        guard case .found(let index)? = FrontPicker.pick(.budget(20_000), from: front) else {
            Issue.record("pick found nothing")
            return
        }
        let pick = runTool(["pick", Self.report.front, "--budget", "20000"])
        #expect(pick.status == 0)
        #expect(pick.out.hasPrefix("point #\(index + 1) of \(front.points.count): \(formatUSD(front.points[index].monthlyCostUSD))/month"))
        #expect(Self.attribute("data-point", ofElement: "budget-answer", in: dom) == String(index + 1))
        let shown = Self.intentFigures(table: "budget-intents", in: dom)
        #expect(shown.count == 10)
        for figures in front.points[index].intents {
            #expect(shown[figures.intent]?["model"] == figures.option.singleSetting?.model)
            #expect(shown[figures.intent]?["max_tokens"] == figures.option.singleSetting.map { String($0.maxTokens) })
        }
    }

    @Test func budgetBelowTheCheapestPointNamesTheNearestAsPickDoes() throws {
        let dom = try HeadlessChromium.dom(Self.report.html, fragment: "budget=5000")
        let pick = runTool(["pick", Self.report.front, "--budget", "5000"])
        #expect(pick.status == 1)
        let front = try Front.load(path: Self.report.front)
        #expect(pick.out.hasPrefix("nearest point (#1): \(formatUSD(front.points[0].monthlyCostUSD))/month"))
        #expect(Self.attribute("data-nearest", ofElement: "budget-answer", in: dom) == "1")
        #expect(Self.attribute("data-point", ofElement: "budget-answer", in: dom) == nil)
    }

    /// Point #12, the knee and the last point.
    @Test(arguments: ["12", "knee", "last"])
    func pointInTheURLShowsThePointsFiguresAsInTheJSON(_ which: String) throws {
        let front = try Front.load(path: Self.report.front)
        let number = which == "knee" ? (front.kneeIndex ?? 0) + 1 : which == "last" ? front.points.count : Int(which) ?? 1
        let dom = try HeadlessChromium.dom(Self.report.html, fragment: "point=\(number)")
        #expect(Self.attribute("data-point", ofElement: "point-intents", in: dom) == String(number))
        // Front format 2: the point's cell indices into each intent's cell list.
        let json = try JSONFile.read(path: Self.report.front)
        guard let indices = json["points"]?.array?[number - 1]["cells"]?.array, let names = json["intents"]?.array,
              let cells = json["cells"]?.array else {
            Issue.record("no point \(number) in the JSON")
            return
        }
        let shown = Self.intentFigures(table: "point-intents", in: dom)
        #expect(shown.count == indices.count)
        for (j, index) in indices.enumerated() {
            let name = names[j]["name"]?.string ?? ""
            let intent = cells[j].array?[Int(index.number ?? -1)] ?? .null
            #expect(shown[name]?["model"] == intent["model"]?.string)
            for field in ["max_tokens", "temperature", "rag_chunks", "monthly_cost_usd", "quality", "p99_latency_ms",
                          "quality_standard_error", "weight_share"] {
                // The page writes JavaScript's shortest round-trip text: the same double.
                let value = shown[name]?[field].flatMap(Double.init)
                #expect(value == intent[field]?.number, "point \(number), \(name), \(field)")
            }
        }
    }

    @Test func markedProductionShowsItsFeasibilityAndDominatorsAsCheckDoes() throws {
        let dom = try HeadlessChromium.dom(Self.report.html, fragment: "")
        let check = runTool(["check", Self.golden + "/production.json", "--data", Self.golden, "--front", Self.report.front])
        let front = try Front.load(path: Self.report.front)
        #expect(check.out.contains("NOT feasible"))
        // "DOMINATED by N of the M front points": the page names the same N.
        let line = try #require(check.out.split(separator: "\n").first { $0.hasPrefix("DOMINATED by ") })
        let words = line.split(separator: " ")
        #expect(words.count > 5 && words[5] == Substring(String(front.points.count)))
        #expect(Self.attribute("data-dominators", ofElement: "mark-detail", in: dom) == words.dropFirst(2).first.map(String.init))
        #expect(Self.attribute("data-feasible", ofElement: "mark-detail", in: dom) == "false")
        // Without a fragment the budget panel answers the knee's cost: the knee itself.
        #expect(Self.attribute("data-point", ofElement: "budget-answer", in: dom) == front.kneeIndex.map { String($0 + 1) })
    }

    @Test func printsToAPDF() throws {
        let pdf = try Paths.temporaryDirectory() + "/report.pdf"
        _ = try HeadlessChromium.run("file://" + Self.report.html + "#budget=20000", ["--print-to-pdf=" + pdf, "--no-pdf-header-footer"])
        let data = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(data.prefix(5) == Data("%PDF-".utf8))
        #expect(data.count > 20_000)
    }
}
