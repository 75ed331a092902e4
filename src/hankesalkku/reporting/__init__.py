"""Progress and final reports, indicators, impact frameworks and target districts."""
