import Foundation

/// Paths of the shared test fixtures and of the default data, found from this file.
enum FixturePaths {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let repository = testsDirectory.deletingLastPathComponent()

    static func fixture(_ name: String) -> String {
        testsDirectory.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    static var goldenData: String {
        repository.appendingPathComponent("GoldenData").path
    }
}
