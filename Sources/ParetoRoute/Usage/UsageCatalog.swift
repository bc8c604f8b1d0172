/// What the data says about the names in request logs: which provider model id is which
/// model (models.csv's `provider_ids`, else the model's own name) and which intents exist.
public struct UsageCatalog: Sendable {
    /// The data's models.
    public var models: [Model]
    /// The data's intents.
    public var intents: [Intent]
    private var modelByID: [String: Int]
    private var intentByName: [String: Int]

    /// A catalog of `models` and `intents`.
    public init(models: [Model], intents: [Intent]) {
        self.models = models
        self.intents = intents
        var byID: [String: Int] = [:]
        for (index, model) in models.enumerated() {
            byID[model.name] = byID[model.name] ?? index
            for id in model.providerIDs { byID[id] = byID[id] ?? index }
        }
        modelByID = byID
        intentByName = Dictionary(intents.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    /// The catalog of a loaded data directory.
    public init(table: CellTable) {
        self.init(models: table.models, intents: table.intents)
    }

    /// The model a logged model id names, or nil when the data does not know it.
    public func model(id: String) -> Model? {
        modelByID[id].map { models[$0] }
    }

    /// The intent of this name, or nil.
    public func intent(named name: String) -> Intent? {
        intentByName[name].map { intents[$0] }
    }
}
