/// One parsed CSV record, valid only inside the callback that receives it.
///
/// The fields point into the parser's reusable buffers, so reading a million rows
/// allocates nothing per row. Copy out what you keep.
package struct CSVRecord {
    /// The 1-based line on which the record starts (the header is line 1).
    package let line: Int
    private let bytes: UnsafeBufferPointer<UInt8>
    private let ends: UnsafeBufferPointer<Int>

    init(line: Int, bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) {
        self.line = line
        self.bytes = bytes
        self.ends = ends
    }

    /// The number of fields.
    package var count: Int { ends.count }

    /// The unescaped bytes of field `index` (quotes removed, `""` turned into `"`).
    package subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(rebasing: bytes[start..<ends[index]])
    }

    /// Field `index` as text, or `nil` when its bytes are not valid UTF-8.
    package func string(at index: Int) -> String? {
        String(validating: self[index], as: UTF8.self)
    }
}
