//! Keeps passwords out of error messages: the password of a connection URL (as written and
//! percent-decoded) is replaced by `***` in any text derived from that URL, whatever the
//! library that produced the text chose to print.

/// `message` with every occurrence of the password of `url` replaced by `***`.
pub fn redact(url: &str, message: &str) -> String {
    let mut text = message.to_string();
    if let Some(password) = password(url) {
        let decoded = percent_decode(&password);
        for secret in [password, decoded] {
            if !secret.is_empty() {
                text = text.replace(&secret, "***");
            }
        }
    }
    text
}

/// The password part of `scheme://user:password@host/...`, as written.
fn password(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let (userinfo, _) = authority.rsplit_once('@')?;
    let (_, password) = userinfo.split_once(':')?;
    Some(password.to_string())
}

/// Decodes `%XX` escapes; anything malformed is kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(byte) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_password() {
        assert_eq!(
            password("postgres://u:s3cret@h:5432/db").as_deref(),
            Some("s3cret")
        );
        assert_eq!(password("postgres://u@h/db"), None);
        assert_eq!(password("postgres://h/db?user=a@b"), None);
        assert_eq!(
            password("postgres://u:p%40ss@h/db").as_deref(),
            Some("p%40ss")
        );
    }

    #[test]
    fn replaces_written_and_decoded_forms() {
        let url = "postgres://u:p%40ss@h/db";
        assert_eq!(
            redact(url, "failed for u:p%40ss and p@ss"),
            "failed for u:*** and ***"
        );
        assert_eq!(redact("postgres://u@h/db", "no secret"), "no secret");
    }

    #[test]
    fn malformed_escapes_are_kept() {
        assert_eq!(percent_decode("a%zzb%4"), "a%zzb%4");
        assert_eq!(percent_decode("%41%42"), "AB");
    }
}
