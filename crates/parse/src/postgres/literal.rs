//! Canonical text of typed constants, the way PostgreSQL's output functions print them, for
//! the types whose input forms are commonly written differently from how the catalog prints
//! them: booleans (`'t'`, `'yes'` → `true`), numbers in exponent form (`1e3` → `1000`),
//! bit strings (`B'101'`, `X'F'`), dates and times without padding, UUIDs in upper case,
//! host addresses with a full-length mask, and spaced array literals. Anything not
//! recognized is returned unchanged; `--dev-url` is the exact route for the rest.

/// The canonical text of constant `text` of type `data_type` (canonical type name).
pub fn canonical(data_type: &str, text: &str) -> String {
    if let Some(element) = data_type.strip_suffix("[]") {
        return array(element, text);
    }
    let base = without_modifiers(data_type);
    match base.as_str() {
        "boolean" => boolean(text),
        "smallint" | "integer" | "bigint" | "numeric" | "real" | "double precision" => number(text),
        "bit" | "bit varying" => bits(text),
        "date" => date(text).unwrap_or_else(|| text.to_string()),
        "time without time zone" => time(text).unwrap_or_else(|| text.to_string()),
        "timestamp without time zone" => timestamp(text, false).unwrap_or_else(|| text.to_string()),
        "timestamp with time zone" => timestamp(text, true).unwrap_or_else(|| text.to_string()),
        "interval" => interval(text).unwrap_or_else(|| text.to_string()),
        "uuid" => text.trim().to_ascii_lowercase(),
        "inet" => inet(text),
        _ => text.to_string(),
    }
}

/// `timestamp(3) with time zone` → `timestamp with time zone`.
fn without_modifiers(data_type: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in data_type.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// ISO timestamps as PostgreSQL prints them with `DateStyle = ISO` and `TimeZone = UTC`
/// (the inspector pins both): `2020-1-2 3:04:05.500+02` → `2020-01-02 01:04:05.5+00`
/// with time zone; the zone is ignored without one.
fn timestamp(text: &str, with_zone: bool) -> Option<String> {
    let t = text.trim();
    // A date alone is midnight.
    let (date_part, rest) = t.split_once([' ', 'T']).unwrap_or((t, "00:00"));
    let (y, m, d) = {
        let parts: Vec<i64> = date_part
            .split('-')
            .map(|p| p.parse().ok())
            .collect::<Option<_>>()?;
        match parts.as_slice() {
            [y, m, d] if *y > 0 => (*y, *m, *d),
            _ => return None,
        }
    };
    let zone_at = rest.find(['+', '-', 'Z', 'z']);
    let (clock, zone) = match zone_at {
        Some(i) => (&rest[..i], Some(&rest[i..])),
        None => (rest, None),
    };
    let (clock, fraction) = clock
        .trim()
        .split_once('.')
        .map_or((clock.trim(), ""), |(c, f)| (c, f));
    let hms: Vec<i64> = clock
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (h, mi, s) = match hms.as_slice() {
        [h, mi] => (*h, *mi, 0),
        [h, mi, s] => (*h, *mi, *s),
        _ => return None,
    };
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let fraction = fraction.trim_end_matches('0');
    let offset_minutes = match zone {
        None => 0,
        Some(z) if z.eq_ignore_ascii_case("z") => 0,
        Some(z) => {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            let digits = &z[1..];
            let (zh, zm) = match digits.split_once(':') {
                Some((zh, zm)) => (zh.parse::<i64>().ok()?, zm.parse::<i64>().ok()?),
                None if digits.len() == 4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
                None => (digits.parse().ok()?, 0),
            };
            sign * (zh * 60 + zm)
        }
    };
    let (mut days, mut minutes) = (days_from_civil(y, m, d), h * 60 + mi);
    if with_zone {
        minutes -= offset_minutes;
        days += minutes.div_euclid(24 * 60);
        minutes = minutes.rem_euclid(24 * 60);
    }
    let (y, m, d) = civil_from_days(days);
    let mut out = format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{s:02}",
        minutes / 60,
        minutes % 60
    );
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    if with_zone {
        out.push_str("+00");
    }
    Some(out)
}

/// Non-negative intervals in PostgreSQL's `postgres` output style: `90 minutes` →
/// `01:30:00`, `2 weeks` → `14 days`, `1 year 2 months 3 days 4 hours` →
/// `1 year 2 mons 3 days 04:00:00`. Negative or unusual inputs are left as written.
fn interval(text: &str) -> Option<String> {
    const MICROS_PER_SECOND: f64 = 1_000_000.0;
    let (mut months, mut days, mut micros) = (0f64, 0f64, 0f64);
    let lower = text.trim().to_ascii_lowercase();
    let mut tokens = lower.split_whitespace().peekable();
    while let Some(token) = tokens.next() {
        if token.contains(':') {
            let parts: Vec<f64> = token
                .split(':')
                .map(|p| p.parse().ok())
                .collect::<Option<_>>()?;
            let seconds = match parts.as_slice() {
                [h, m] => h * 3600.0 + m * 60.0,
                [h, m, s] => h * 3600.0 + m * 60.0 + s,
                _ => return None,
            };
            micros += seconds * MICROS_PER_SECOND;
            continue;
        }
        let value: f64 = token.parse().ok()?;
        let unit = tokens.next()?;
        let unit = unit.trim_end_matches(',');
        match unit {
            "year" | "years" | "yr" | "yrs" | "y" => months += value * 12.0,
            "mon" | "mons" | "month" | "months" => months += value,
            "week" | "weeks" | "w" => days += value * 7.0,
            "day" | "days" | "d" => days += value,
            "hour" | "hours" | "hr" | "hrs" | "h" => micros += value * 3600.0 * MICROS_PER_SECOND,
            "minute" | "minutes" | "min" | "mins" | "m" => {
                micros += value * 60.0 * MICROS_PER_SECOND
            }
            "second" | "seconds" | "sec" | "secs" | "s" => micros += value * MICROS_PER_SECOND,
            "millisecond" | "milliseconds" | "ms" => micros += value * 1000.0,
            "microsecond" | "microseconds" | "us" => micros += value,
            _ => return None,
        }
    }
    if months < 0.0 || days < 0.0 || micros < 0.0 {
        return None;
    }
    // Fractions spill down the way PostgreSQL's input does: a month is 30 days, a day 24 hours.
    let whole_months = months.trunc();
    days += (months - whole_months) * 30.0;
    let whole_days = days.trunc();
    micros += (days - whole_days) * 86_400.0 * MICROS_PER_SECOND;
    let (months, days, micros) = (
        whole_months as i64,
        whole_days as i64,
        micros.round() as i64,
    );
    let mut parts = Vec::new();
    let plural = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if months / 12 != 0 {
        parts.push(plural(months / 12, "year", "years"));
    }
    if months % 12 != 0 {
        parts.push(plural(months % 12, "mon", "mons"));
    }
    if days != 0 {
        parts.push(plural(days, "day", "days"));
    }
    if micros != 0 || parts.is_empty() {
        let seconds = micros / 1_000_000;
        let fraction = micros % 1_000_000;
        let mut clock = format!(
            "{:02}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        );
        if fraction != 0 {
            clock.push_str(format!(".{fraction:06}").trim_end_matches('0'));
        }
        parts.push(clock);
    }
    Some(parts.join(" "))
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// A bit-string constant as written (`b101`, `xFF`, pg_query's spelling) as its bits.
pub fn bit_string(written: &str) -> String {
    bits(written)
}

fn boolean(text: &str) -> String {
    match text.trim().to_ascii_lowercase().as_str() {
        "t" | "true" | "y" | "ye" | "yes" | "on" | "1" => "true".into(),
        "f" | "fa" | "fal" | "fals" | "false" | "n" | "no" | "of" | "off" | "0" => "false".into(),
        _ => text.to_string(),
    }
}

/// `1e3` → `1000`, `1.5E-2` → `0.015`; other numbers unchanged.
fn number(text: &str) -> String {
    let trimmed = text.trim();
    let Some((mantissa, exponent)) = trimmed.split_once(['e', 'E']) else {
        return trimmed.to_string();
    };
    let Ok(exponent) = exponent.parse::<i32>() else {
        return trimmed.to_string();
    };
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if !(int_part
        .chars()
        .chain(frac_part.chars())
        .all(|c| c.is_ascii_digit()))
    {
        return trimmed.to_string();
    }
    let digits = format!("{int_part}{frac_part}");
    let point = int_part.len() as i32 + exponent;
    let (whole, fraction) = if point <= 0 {
        (
            "0".to_string(),
            format!("{}{digits}", "0".repeat((-point) as usize)),
        )
    } else if point as usize >= digits.len() {
        (
            format!("{digits}{}", "0".repeat(point as usize - digits.len())),
            String::new(),
        )
    } else {
        (
            digits[..point as usize].to_string(),
            digits[point as usize..].to_string(),
        )
    };
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

fn bits(text: &str) -> String {
    let t = text.trim();
    if let Some(b) = t.strip_prefix(['b', 'B']) {
        return b.to_string();
    }
    if let Some(hex) = t.strip_prefix(['x', 'X']) {
        let mut out = String::new();
        for c in hex.chars() {
            match c.to_digit(16) {
                Some(v) => out.push_str(&format!("{v:04b}")),
                None => return t.to_string(),
            }
        }
        return out;
    }
    t.to_string()
}

/// `2020-1-2` → `2020-01-02` (ISO order only).
fn date(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// `1:2` → `01:02:00`, `01:02:03` unchanged.
fn time(text: &str) -> Option<String> {
    let t = text.trim();
    let (clock, fraction) = t.split_once('.').map_or((t, None), |(c, f)| (c, Some(f)));
    let parts: Vec<u32> = clock
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (h, m, s) = match parts.as_slice() {
        [h, m] => (*h, *m, 0),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    Some(match fraction {
        Some(f) => format!("{h:02}:{m:02}:{s:02}.{f}"),
        None => format!("{h:02}:{m:02}:{s:02}"),
    })
}

/// `10.0.0.1/32` → `10.0.0.1`: PostgreSQL omits a mask covering the whole address.
fn inet(text: &str) -> String {
    let t = text.trim();
    match t.rsplit_once('/') {
        Some((addr, "32")) if !addr.contains(':') => addr.to_string(),
        Some((addr, "128")) if addr.contains(':') => addr.to_string(),
        _ => t.to_string(),
    }
}

/// `{ 1, 2 }` → `{1,2}` for arrays without quoted elements, each element canonical.
fn array(element: &str, text: &str) -> String {
    let t = text.trim();
    if t.contains('"') || !(t.starts_with('{') && t.ends_with('}')) {
        return t.to_string();
    }
    let inner = &t[1..t.len() - 1];
    if inner.trim().is_empty() {
        return "{}".to_string();
    }
    if inner.contains('{') {
        return t.split_whitespace().collect();
    }
    let items: Vec<String> = inner
        .split(',')
        .map(|item| canonical(element, item.trim()))
        .collect();
    format!("{{{}}}", items.join(","))
}

#[cfg(test)]
mod tests {
    use super::canonical;

    #[test]
    fn catalog_spellings() {
        let cases = [
            ("boolean", "t", "true"),
            ("boolean", "YES", "true"),
            ("boolean", "off", "false"),
            ("numeric", "1e3", "1000"),
            ("double precision", "1e10", "10000000000"),
            ("numeric(10,2)", "1.5E-2", "0.015"),
            ("numeric", "-2.5e1", "-25"),
            ("numeric", "12.50", "12.50"),
            ("bit(3)", "b101", "101"),
            ("bit(8)", "xFF", "11111111"),
            ("date", "2020-1-2", "2020-01-02"),
            ("time without time zone", "1:02", "01:02:00"),
            (
                "uuid",
                "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
            ),
            ("inet", "10.0.0.1/32", "10.0.0.1"),
            ("inet", "10.0.0.0/8", "10.0.0.0/8"),
            ("integer[]", "{ 1, 2 }", "{1,2}"),
            ("boolean[]", "{t, f}", "{true,false}"),
            ("text", "  x ", "  x "),
            (
                "timestamp without time zone",
                "1970-01-01 00:00:01+00:00",
                "1970-01-01 00:00:01",
            ),
            (
                "timestamp(3) with time zone",
                "2020-1-2 1:04:05.500+02",
                "2020-01-01 23:04:05.5+00",
            ),
            (
                "timestamp with time zone",
                "2024-02-29T23:30:00-01:00",
                "2024-03-01 00:30:00+00",
            ),
            ("timestamp with time zone", "infinity", "infinity"),
            (
                "timestamp with time zone",
                "2024-01-01",
                "2024-01-01 00:00:00+00",
            ),
            ("interval", "2 hours", "02:00:00"),
            ("interval", "90 minutes", "01:30:00"),
            ("interval", "2 weeks", "14 days"),
            (
                "interval",
                "1 year 2 months 3 days 4 hours",
                "1 year 2 mons 3 days 04:00:00",
            ),
            ("interval", "1 day", "1 day"),
            ("interval", "1.5 days", "1 day 12:00:00"),
            ("interval", "0", "0"),
            ("interval", "1.5 seconds", "00:00:01.5"),
            ("interval(3)", "-1 day", "-1 day"),
        ];
        for (ty, written, printed) in cases {
            assert_eq!(canonical(ty, written), printed, "{ty} {written}");
        }
    }
}
