import Testing
@testable import NSGA2
@Test func placeholder() { #expect(1 == 1) }
