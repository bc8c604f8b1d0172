/// The evaluation tools whose results `import` reads.
public enum EvalTool: String, Sendable, CaseIterable {
    /// Inspect AI (`inspect-ai`), eval logs in JSON form.
    case inspect
    /// promptfoo, `promptfoo eval -o results.json` or `-o results.jsonl`.
    case promptfoo
}
