/// A CSV field as RFC 4180 writes it: quoted, with inner quotes doubled, when it holds a comma,
/// a quote or a line break; as it is otherwise.
///
/// The one writer every CSV the tool produces uses (front CSV, cell table, imported evals,
/// calibrated intents), so what it writes the project's own reader reads back.
package func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    var quoted = "\""
    for character in text { quoted += character == "\"" ? "\"\"" : String(character) }
    return quoted + "\""
}
