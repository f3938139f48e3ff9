//! Publication days: the `date` of a JSON Lines record, read as a calendar
//! day (`YYYY-MM-DD`), which is what the graph counts by and what
//! `--since` / `--until` compare.

/// The day of a date: `YYYY-MM-DD`, optionally followed by a time
/// (`2024-03-01T12:00:00Z`, `2024-03-01 12:00`), or GDELT's `YYYYMMDD`.
/// `None` when it is not a real calendar day.
pub fn parse_day(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    let (y, m, d) = if b.len() == 8 {
        (digits(0..4)?, digits(4..6)?, digits(6..8)?)
    } else {
        if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        if b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        (digits(0..4)?, digits(5..7)?, digits(8..10)?)
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&d)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Sorted days (`YYYY-MM-DD`) as runs of consecutive calendar days,
/// `(first, last)` each: 03-04, 03-05, 03-09 give (03-04, 03-05) and
/// (03-09, 03-09). A day that is not a calendar day is a run of its own.
pub fn consecutive_runs<'a>(days: impl IntoIterator<Item = &'a str>) -> Vec<(&'a str, &'a str)> {
    let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let mut runs: Vec<(&str, &str)> = Vec::new();
    for day in days {
        let follows = runs.last().is_some_and(|&(_, last)| {
            matches!((date(last), date(day)), (Some(a), Some(b)) if a.succ_opt() == Some(b))
        });
        match runs.last_mut() {
            Some(run) if follows => run.1 = day,
            _ => runs.push((day, day)),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::{consecutive_runs, parse_day};

    #[test]
    fn consecutive_days_make_one_run() {
        assert_eq!(
            consecutive_runs(["2024-02-28", "2024-02-29", "2024-03-01", "2024-03-09"]),
            [("2024-02-28", "2024-03-01"), ("2024-03-09", "2024-03-09")]
        );
        assert_eq!(
            consecutive_runs(["2023-12-31", "2024-01-01"]),
            [("2023-12-31", "2024-01-01")]
        );
        assert_eq!(
            consecutive_runs(["2024-03-04"]),
            [("2024-03-04", "2024-03-04")]
        );
        assert!(consecutive_runs([]).is_empty());
        // Not calendar days (a hand-edited graph): each stands alone.
        assert_eq!(
            consecutive_runs(["2024-03-04", "2024-03-05x", "2024-03-06"]),
            [
                ("2024-03-04", "2024-03-04"),
                ("2024-03-05x", "2024-03-05x"),
                ("2024-03-06", "2024-03-06")
            ]
        );
    }

    #[test]
    fn days_in_the_usual_spellings() {
        assert_eq!(parse_day("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(
            parse_day("2024-03-01T12:00:00Z").as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(
            parse_day(" 2024-03-01 08:00 ").as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(parse_day("20240301").as_deref(), Some("2024-03-01"));
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-1-01",
            "01/03/2024",
            "",
            "2024-03-01x",
            "yesterday",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }
}
