/// A CSV field as RFC 4180 writes it: quoted, with inner quotes doubled, when it holds a comma,
/// a quote or a line break; as it is otherwise.
///
/// The one writer every CSV the tool produces uses (front CSV, cell table, imported evals,
/// calibrated intents), so what it writes the project's own reader reads back.
package func csvField(_ text: String) -> String {
    // The bytes first (a cell table has a million fields): without any of these bytes no character is one.
    guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }),
          text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    var quoted = "\""
    for character in text { quoted += character == "\"" ? "\"\"" : String(character) }
    return quoted + "\""
}
