//! A strftime-like pattern (`%d/%m/%Y %H:%M`) matched against a date string and turned into ISO 8601.

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Match `s` against a strftime-like pattern and write the moment as ISO 8601 (UTC offset kept).
/// Directives: `%Y %y %m %d %e %H %I %M %S %f %p %b %B %a %A %z %Z %T %%`.
pub(super) fn strptime(s: &str, pattern: &str) -> Option<String> {
    let (mut y, mut mo, mut d, mut h, mut mi, mut sec) = (None, None, None, 0_u32, 0_u32, 0_u32);
    let mut frac = String::new();
    let mut pm = None;
    let mut zone = String::from("Z");
    let mut has_time = false;
    let mut s = s;
    let mut p = pattern.chars().peekable();
    let digits = |s: &mut &str, max: usize| -> Option<u32> {
        let t = s.trim_start_matches(' ');
        let n = t.chars().take(max).take_while(char::is_ascii_digit).count();
        let v = t.get(..n)?.parse().ok()?;
        *s = &t[n..];
        Some(v)
    };
    let word = |s: &mut &str| -> String {
        let n = s
            .chars()
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        // Month and day names are English (`Jan`, `Monday`): ASCII case folding is all they need.
        let w = s[..n].to_ascii_lowercase();
        *s = &s[n..];
        w
    };
    while let Some(c) = p.next() {
        if c != '%' {
            if c.is_whitespace() {
                s = s.trim_start();
            } else {
                s = s.strip_prefix(c)?;
            }
            continue;
        }
        match p.next()? {
            'Y' => y = Some(digits(&mut s, 4)?),
            'y' => y = Some(2000 + digits(&mut s, 2)?),
            'm' => mo = Some(digits(&mut s, 2)?),
            'd' | 'e' => d = Some(digits(&mut s, 2)?),
            'H' | 'I' => (h, has_time) = (digits(&mut s, 2)?, true),
            'M' => mi = digits(&mut s, 2)?,
            'S' => sec = digits(&mut s, 2)?,
            'T' => {
                h = digits(&mut s, 2)?;
                s = s.strip_prefix(':')?;
                mi = digits(&mut s, 2)?;
                s = s.strip_prefix(':')?;
                sec = digits(&mut s, 2)?;
                has_time = true;
            }
            'f' => {
                let n = s.chars().take_while(char::is_ascii_digit).count();
                frac = s[..n].to_string();
                s = &s[n..];
            }
            'p' => pm = Some(word(&mut s) == "pm"),
            'b' | 'B' => {
                let w = word(&mut s);
                mo = Some(MONTHS.iter().position(|m| w.starts_with(m))? as u32 + 1);
            }
            'a' | 'A' => {
                word(&mut s);
            }
            'z' | 'Z' => {
                let t = s.trim_start();
                if let Some(rest) = t.strip_prefix('Z') {
                    s = rest;
                } else if t.starts_with(['+', '-']) {
                    let sign = &t[..1];
                    let mut r = &t[1..];
                    let hh = digits(&mut r, 2)?;
                    r = r.strip_prefix(':').unwrap_or(r);
                    let mm = digits(&mut r, 2).unwrap_or(0);
                    zone = format!("{sign}{hh:02}:{mm:02}");
                    s = r;
                } else {
                    let w = word(&mut s);
                    if !matches!(w.as_str(), "utc" | "gmt") {
                        return None;
                    }
                }
            }
            '%' => s = s.strip_prefix('%')?,
            _ => return None,
        }
    }
    if !s.trim().is_empty() {
        return None;
    }
    match pm {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    let (y, mo, d) = (y?, mo?, d.unwrap_or(1));
    if !has_time && mi == 0 && sec == 0 {
        return Some(format!("{y:04}-{mo:02}-{d:02}"));
    }
    let frac = if frac.is_empty() {
        String::new()
    } else {
        format!(".{frac}")
    };
    Some(format!(
        "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{sec:02}{frac}{zone}"
    ))
}
