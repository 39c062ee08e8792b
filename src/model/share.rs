//! Share links: a workspace carried in the URL fragment, which browsers never send to a server.
//!
//! A link is `<app address>#share=<format>.<payload>`, where the payload is the compact export
//! file, deflated (raw DEFLATE, done by the browser's `CompressionStream`) and written in
//! base64url. The format number lets a later Rolecall change the encoding and an older one say so
//! instead of misreading it. Opening a link runs the same import pipeline as a file.

use thiserror::Error;

/// What starts a share fragment.
pub const FRAGMENT_PREFIX: &str = "#share=";
/// The encoding this app writes and reads.
pub const FORMAT: u32 = 1;
/// The longest link this app makes: 16,384 characters. Every current browser opens far longer
/// ones (Chromium 2 MB, Firefox 1 MB, Safari about 80,000), and chat tools keep whole messages of
/// more (Slack 40,000 characters, Microsoft Teams about 28 KB); older mail clients and link
/// previewers are what cut first. Past it, the user is told to share a file instead.
pub const MAX_LINK_CHARS: usize = 16 * 1024;
/// The longest fragment this app reads. Links from this app stay under [`MAX_LINK_CHARS`]; the
/// margin lets a hand-made or future link through, and keeps a giant one from being decoded.
pub const MAX_FRAGMENT_CHARS: usize = 64 * 1024;

/// The most JSON text a link may inflate to. A link this app makes holds at most about 80 KB;
/// the cap keeps a small hostile link (DEFLATE shrinks repetitive text about 1,000-fold) from
/// unpacking into megabytes before the import even starts.
pub const MAX_INFLATED_BYTES: usize = 2 * 1024 * 1024;

/// Why a share link cannot be made or read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShareError {
    /// The link would be longer than [`MAX_LINK_CHARS`].
    #[error("the link would be {chars} characters, more than {MAX_LINK_CHARS}")]
    TooLong { chars: usize },
    /// The fragment is cut short or has characters that base64url does not use.
    #[error("the link is incomplete or damaged")]
    Damaged,
    /// The fragment unpacks to more than [`MAX_INFLATED_BYTES`].
    #[error("the link unpacks to more than {} MB", MAX_INFLATED_BYTES / (1024 * 1024))]
    TooBig,
    /// The fragment was made by a newer Rolecall with an encoding this one does not know.
    #[error("the link uses format {found}; this app reads format {FORMAT}")]
    NewerFormat { found: u32 },
}

/// The payload of a share fragment (`#share=…`), or `None` when `hash` is an ordinary page.
pub fn payload(hash: &str) -> Option<&str> {
    hash.strip_prefix(FRAGMENT_PREFIX)
}

/// The link that opens `compressed` in the app at `base` (the address without its fragment).
pub fn link(base: &str, compressed: &[u8]) -> Result<String, ShareError> {
    let link = format!("{base}{FRAGMENT_PREFIX}{FORMAT}.{}", base64url_encode(compressed));
    let chars = link.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(ShareError::TooLong { chars });
    }
    Ok(link)
}

/// The compressed bytes in a share payload (the part after `#share=`).
pub fn decode(payload: &str) -> Result<Vec<u8>, ShareError> {
    // A link pasted from a mail or chat may carry stray spaces, line breaks or escapes.
    let payload: String = payload.chars().filter(|c| !c.is_whitespace()).collect();
    let payload = payload.replace("%2E", ".").replace("%2e", ".");
    if payload.len() > MAX_FRAGMENT_CHARS {
        return Err(ShareError::TooLong { chars: payload.len() });
    }
    let (format, data) = payload.split_once('.').ok_or(ShareError::Damaged)?;
    let format: u32 = format.parse().map_err(|_| ShareError::Damaged)?;
    if format > FORMAT {
        return Err(ShareError::NewerFormat { found: format });
    }
    if format != FORMAT {
        return Err(ShareError::Damaged);
    }
    let bytes = base64url_decode(data)?;
    if bytes.is_empty() {
        return Err(ShareError::Damaged);
    }
    Ok(bytes)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Unpadded base64url (RFC 4648 §5): only characters that need no escaping in a URL.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Reads unpadded base64url; `=` padding is accepted and ignored.
pub fn base64url_decode(text: &str) -> Result<Vec<u8>, ShareError> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return Err(ShareError::Damaged);
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == c).ok_or(ShareError::Damaged)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // RFC 4648 test vectors, in the URL-safe alphabet and without padding.
    #[test]
    fn base64url_matches_the_rfc_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url_encode(plain.as_bytes()), coded);
            assert_eq!(base64url_decode(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    }

    proptest! {
        // Every byte string survives the trip through a link.
        #[test]
        fn any_bytes_round_trip_through_a_link(bytes in proptest::collection::vec(any::<u8>(), 1..600)) {
            let link = link("https://example.org/rolecall/", &bytes).unwrap();
            let payload = payload(link.strip_prefix("https://example.org/rolecall/").unwrap()).unwrap();
            prop_assert_eq!(decode(payload).unwrap(), bytes);
        }
    }

    // A link that would be cut by mail or chat tools is refused with its length.
    #[test]
    fn a_link_past_the_cap_is_refused_with_its_length() {
        let bytes = vec![7u8; MAX_LINK_CHARS];
        match link("https://example.org/", &bytes) {
            Err(ShareError::TooLong { chars }) => assert!(chars > MAX_LINK_CHARS),
            other => panic!("expected TooLong, got {other:?}"),
        }
    }

    // Damaged links are told apart from links made by a newer app.
    #[test]
    fn damaged_and_newer_links_are_told_apart() {
        assert_eq!(decode("1.Zm9v*"), Err(ShareError::Damaged));
        assert_eq!(decode("1.Z"), Err(ShareError::Damaged));
        assert_eq!(decode("Zm9v"), Err(ShareError::Damaged));
        assert_eq!(decode("1."), Err(ShareError::Damaged));
        assert_eq!(decode("0.Zm9v"), Err(ShareError::Damaged));
        assert_eq!(decode("2.Zm9v"), Err(ShareError::NewerFormat { found: 2 }));
        assert!(matches!(decode(&"A".repeat(MAX_FRAGMENT_CHARS + 1)), Err(ShareError::TooLong { .. })));
    }

    // Links pasted from mail arrive with line breaks, or with the dot escaped.
    #[test]
    fn whitespace_and_an_escaped_dot_are_forgiven() {
        assert_eq!(decode("1.Zm9v\n YmFy").unwrap(), b"foobar");
        assert_eq!(decode("1%2EZm9v").unwrap(), b"foo");
    }

    #[test]
    fn only_share_fragments_have_a_payload() {
        assert_eq!(payload("#share=1.abc"), Some("1.abc"));
        assert_eq!(payload("#/board"), None);
        assert_eq!(payload(""), None);
    }
}
