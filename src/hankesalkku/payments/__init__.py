"""Payment claims, payments and advances, and the city's co-financing ledger."""
