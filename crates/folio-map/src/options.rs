//! The command line: which mapping, which files, which output.

/// What `--help` prints.
pub const USAGE: &str = "\
usage: folio-map [--preset NAME | --mapping FILE] [--url URL] [--comments-url URL] [--json] [--deny-warnings]
                 ARTICLE.json [COMMENTS.json]

  --preset NAME        read with a shipped preset (wordpress, ghost, reddit, ...)
  --mapping FILE       read with a mapping document (a file, or inline JSON starting with `{`)
                       (neither: the preset is detected from the response, as the widget does)
  --url URL            the URL ARTICLE.json was fetched from (relative links resolve against it)
  --comments-url URL   the URL COMMENTS.json was fetched from (default: the article's comments URL)
  --json               print the model and the warnings as JSON
  --deny-warnings      exit with status 1 when there is a warning (for CI)

Without COMMENTS.json, comments are read from the article document when the mapping says they are in it
(`comments.url: \"{self}\"`). Exit status: 0 mapped, 1 mapping or reading error, 2 wrong usage.";

/// The parsed command line.
#[derive(Debug, Default)]
pub struct Options {
    /// `--preset`.
    pub preset: Option<String>,
    /// `--mapping`: a file path or inline JSON.
    pub mapping: Option<String>,
    /// `--url`.
    pub url: Option<String>,
    /// `--comments-url`.
    pub comments_url: Option<String>,
    /// `--json`.
    pub json: bool,
    /// `--deny-warnings`.
    pub deny_warnings: bool,
    /// The article response file.
    pub article: String,
    /// The comments response file, if any.
    pub comments: Option<String>,
}

impl Options {
    /// Parse the arguments; `None` for `--help`.
    pub fn parse(args: &[String]) -> Result<Option<Self>, String> {
        let mut o = Options::default();
        let mut files = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let mut value = |name: &str| {
                it.next()
                    .cloned()
                    .ok_or_else(|| format!("{name} needs a value"))
            };
            match a.as_str() {
                "-h" | "--help" => return Ok(None),
                "--preset" => o.preset = Some(value(a)?),
                "--mapping" => o.mapping = Some(value(a)?),
                "--url" => o.url = Some(value(a)?),
                "--comments-url" => o.comments_url = Some(value(a)?),
                "--json" => o.json = true,
                "--deny-warnings" => o.deny_warnings = true,
                s if s.starts_with("--") => return Err(format!("unknown option {s}")),
                _ => files.push(a.clone()),
            }
        }
        if o.preset.is_some() && o.mapping.is_some() {
            return Err("give --preset or --mapping, not both".into());
        }
        let mut files = files.into_iter();
        o.article = files.next().ok_or("the article file is missing")?;
        o.comments = files.next();
        if let Some(extra) = files.next() {
            return Err(format!("unexpected argument {extra}"));
        }
        Ok(Some(o))
    }
}
