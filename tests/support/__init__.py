"""What the tests and the benchmarks (bench/) share about the site in a browser: where
the project is, the path the site is published under, a static server like GitHub
Pages, how Chromium is started, and the accessibility check."""
