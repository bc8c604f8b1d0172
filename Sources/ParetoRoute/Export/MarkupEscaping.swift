/// Text made safe inside HTML or SVG elements and quoted attributes (`&`, `<`, `>`, `"`).
///
/// Model and intent names come from the user's data; the SVG and the HTML report must
/// show them as text, never as markup.
func escapeMarkup(_ text: String) -> String {
    var out = ""
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(character)
        }
    }
    return out
}
