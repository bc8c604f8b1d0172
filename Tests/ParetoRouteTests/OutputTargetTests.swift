import Foundation
import Testing
@testable import ParetoRoute

/// Outputs never damage anything: links stay links, FIFOs stay FIFOs, clashes fail first.
@Suite struct OutputTargetTests {
    /// A fresh directory, removed when `body` returns.
    private func inDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paretoroute-output-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    private func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    private func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test func aSymlinkStaysALinkAndItsTargetIsReplacedKeepingItsPermissions() throws {
        try inDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory + "/real", withIntermediateDirectories: false)
            let target = directory + "/real/front.csv"
            try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
            chmod(target, 0o640)
            let link = directory + "/link.csv"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/front.csv")
            try OutputTarget(path: link, option: "--csv").write("new bytes\n")
            #expect(fileType(link) == S_IFLNK)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/front.csv")
            #expect(contents(target) == "new bytes\n")
            var info = stat()
            #expect(stat(target, &info) == 0 && info.st_mode & 0o777 == 0o640)
            // No temporary file is left beside the link or the target.
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/real") == ["front.csv"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["link.csv", "real"])
        }
    }

    @Test func aDanglingSymlinkCreatesItsTarget() throws {
        try inDirectory { directory in
            try FileManager.default.createSymbolicLink(atPath: directory + "/link.json", withDestinationPath: "made.json")
            try OutputTarget(path: directory + "/link.json").write("{}\n")
            #expect(fileType(directory + "/link.json") == S_IFLNK)
            #expect(contents(directory + "/made.json") == "{}\n")
        }
    }

    @Test func aFIFOIsWrittenDirectlyAndStaysAFIFO() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paretoroute-output-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let bytes = String(repeating: "0123456789abcdef\n", count: 20_000)  // 340 KB: more than a pipe buffer
        // The reader opens the FIFO on its own thread (an open for reading blocks until a writer comes).
        let reader = Task.detached { () -> String in
            FileHandle(forReadingAtPath: fifo).map { String(decoding: $0.readDataToEndOfFile(), as: UTF8.self) } ?? ""
        }
        try OutputTarget(path: fifo, option: "--out").write(bytes)
        #expect(await reader.value == bytes)
        #expect(fileType(fifo) == S_IFIFO)
    }

    @Test func errorsReadAsWordsAndComeBeforeWriting() throws {
        try inDirectory { directory in
            let isDirectory = #expect(throws: DataError.self) { try OutputTarget(path: directory, option: "--out").validate() }
            #expect(isDirectory?.kind == .writeFailure)
            #expect(isDirectory?.description == "--out \(directory): cannot write: is a directory")
            let missing = #expect(throws: DataError.self) { try OutputTarget(path: directory + "/none/f.json", option: "--out").validate() }
            #expect(missing?.description == "--out \(directory)/none/f.json: cannot write: the directory \(directory)/none does not exist")
            try "x".write(toFile: directory + "/file", atomically: false, encoding: .utf8)
            let underAFile = #expect(throws: DataError.self) { try OutputTarget(path: directory + "/file/f.json").validate() }
            #expect(underAFile?.description == "\(directory)/file/f.json: cannot write: not a directory")
            #expect(throws: DataError.self) { try OutputTarget(path: "/dev/fd/987654").validate() }
        }
    }

    @Test func twoOutputsNamingOneFileAreRefusedBeforeAnyWrite() throws {
        try inDirectory { directory in
            try "old\n".write(toFile: directory + "/f.json", atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: directory + "/link", withDestinationPath: directory + "/f.json")
            let pairs: [(String, String)] = [
                (directory + "/f.json", directory + "/f.json"),
                (directory + "/f.json", directory + "/link"),               // same inode through a link
                (directory + "/new.json", directory + "/../\(URL(fileURLWithPath: directory).lastPathComponent)/new.json"),  // not there yet
                ("-", "-"),
            ]
            for (first, second) in pairs {
                let error = #expect(throws: DataError.self) {
                    try OutputTarget.validate([OutputTarget(path: first, option: "--out"), OutputTarget(path: second, option: "--svg")])
                }
                #expect(error?.kind == .badRequest)
                #expect(error?.description == "--svg \(second): names the same file as --out \(first); expected a different file for each output")
            }
            #expect(contents(directory + "/f.json") == "old\n")
            #expect(!FileManager.default.fileExists(atPath: directory + "/new.json"))
            // /dev/null (a character device) may take several outputs; distinct files pass.
            try OutputTarget.validate([OutputTarget(path: "/dev/null"), OutputTarget(path: "/dev/null"),
                                       OutputTarget(path: directory + "/a"), OutputTarget(path: directory + "/b")])
        }
    }

    @Test func theDescriptorPathsAreRecognized() {
        #expect(OutputTarget.descriptorNumber("/dev/stdout") == 1)
        #expect(OutputTarget.descriptorNumber("/dev/stderr") == 2)
        #expect(OutputTarget.descriptorNumber("/dev/fd/63") == 63)
        #expect(OutputTarget.descriptorNumber("/proc/self/fd/7") == 7)
        #expect(OutputTarget.descriptorNumber("/dev/fd/") == nil)
        #expect(OutputTarget.descriptorNumber("/dev/fd/1x") == nil)
        #expect(OutputTarget.descriptorNumber("/dev/null") == nil)
    }
}
