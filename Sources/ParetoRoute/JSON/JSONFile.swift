import Foundation

/// Reads JSON files for the commands, mapping file-system failures to exit-status kinds.
public enum JSONFile {
    /// Reads and parses the JSON file at `path`.
    public static func read(path: String) throws -> JSONValue {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError(.missingInput, file: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw DataError(file: path, "is a directory; expected a JSON file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(.readFailure, file: path, "cannot be read")
        }
        guard !data.isEmpty else { throw DataError(file: path, line: 1, "the file is empty; expected a JSON document") }
        return try JSONParser.parse([UInt8](data), file: path)
    }
}
