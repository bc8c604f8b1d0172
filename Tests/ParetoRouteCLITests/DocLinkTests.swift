import Foundation
import Testing

/// Every relative link of README.md, docs/*.md and GoldenData/README.md names a file that exists
/// and, when it has an anchor into a Markdown file, a heading of that file (by GitHub's rule:
/// lower case, punctuation dropped, spaces to hyphens, `-1`, `-2` for repeats).
@Suite struct DocLinkTests {
    @Test(arguments: DocExampleRunner.docs)
    func everyRelativeLinkResolves(file: String) throws {
        let root = DocExampleRunner.root
        let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
        let links = Self.links(in: text)
        let directory = URL(fileURLWithPath: root + "/" + file).deletingLastPathComponent()
        for (line, target) in links {
            if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let path = parts[0].isEmpty ? URL(fileURLWithPath: root + "/" + file) : directory.appendingPathComponent(parts[0]).standardizedFileURL
            guard FileManager.default.fileExists(atPath: path.path) else {
                Issue.record("\(file):\(line): link to \(target): no such file")
                continue
            }
            guard parts.count == 2, path.pathExtension == "md" else { continue }
            let headings = Self.anchors(in: try String(contentsOf: path, encoding: .utf8))
            #expect(headings.contains(parts[1]), "\(file):\(line): link to \(target): no such heading in \(path.lastPathComponent)")
        }
    }

    /// The README stays a front door (at most 300 lines) from which every page of the guide is linked.
    @Test func theReadmeIsAShortFrontDoorToEveryPage() throws {
        let root = DocExampleRunner.root
        let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        #expect(readme.split(separator: "\n", omittingEmptySubsequences: false).count <= 301)
        let linked = Set(Self.links(in: readme).map { $0.target.split(separator: "#").first.map(String.init) ?? "" })
        let pages = DocExampleRunner.docs.filter { $0.hasPrefix("docs/") }
        #expect(pages.count >= 15)
        for page in pages { #expect(linked.contains(page), "README.md does not link \(page)") }
    }

    @Test func linksAndAnchorsAreReadAsGitHubDoes() {
        let text = "See [a](docs/a.md#x) and ![b](b.png).\n```\n[not](c.md)\n```\nand `[code](d.md)` [e](#front-file-paretoroutefront2)\n"
        #expect(Self.links(in: text).map(\.target) == ["docs/a.md#x", "b.png", "#front-file-paretoroutefront2"])
        #expect(Self.anchors(in: "## Front file (`paretoroute.front/2`)\n# A, b — c\n# A, b — c\n") == ["front-file-paretoroutefront2", "a-b--c", "a-b--c-1"])
    }

    /// The `[text](target)` links outside code, with their 1-based lines.
    static func links(in text: String) -> [(line: Int, target: String)] {
        var result: [(Int, String)] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let code = DocExample.codeLines(lines)
        for (index, line) in lines.enumerated() where !code[index] {
            // Drop inline code spans.
            var plain = ""
            var inCode = false
            for character in line {
                if character == "`" { inCode.toggle(); continue }
                if !inCode { plain.append(character) }
            }
            var rest = Substring(plain)
            while let open = rest.range(of: "](") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                let target = after[..<close].split(separator: " ").first.map(String.init) ?? ""
                result.append((index + 1, target))
                rest = after[after.index(after: close)...]
            }
        }
        return result
    }

    /// The anchors GitHub gives the headings of a Markdown text.
    static func anchors(in text: String) -> [String] {
        var seen: [String: Int] = [:]
        var result: [String] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let code = DocExample.codeLines(lines)
        for (index, line) in lines.enumerated() where !code[index] {
            guard line.hasPrefix("#") else { continue }
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            var slug = ""
            for character in title.lowercased() {
                if character.isLetter || character.isNumber || character == "-" || character == "_" {
                    slug.append(character)
                } else if character == " " {
                    slug.append("-")
                }
            }
            let count = seen[slug, default: 0]
            seen[slug] = count + 1
            result.append(count == 0 ? slug : "\(slug)-\(count)")
        }
        return result
    }
}
