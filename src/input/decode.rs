//! Bytes to text: UTF-8 as is, UTF-16 when a byte-order mark says so, else Windows-1252 (with a
//! warning), and binary data refused.

/// Decoded text, and a warning when it was not UTF-8.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Why bytes are not analysed as text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotText {
    #[error(
        "UTF-32 text (byte-order mark), which is not supported: convert it to UTF-8, e.g. with `iconv -f UTF-32 -t UTF-8`"
    )]
    Utf32,
    #[error("binary data (it contains NUL bytes), not text")]
    NulBytes,
    #[error("binary data (it is mostly control characters), not text")]
    ControlCharacters,
}

/// Bytes to text (UTF-8, UTF-16 by byte-order mark or by its NUL bytes, else Windows-1252 with
/// a warning), or why they are not text. A carriage return alone (old Mac OS line ends) is read
/// as a line feed, so such a file has lines; CRLF is kept, and no offset moves.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, NotText> {
    decode_bytes(bytes)
        .map(|Decoded { text, warning }| Decoded { text: lone_returns_as_line_feeds(text), warning })
}

fn decode_bytes(bytes: Vec<u8>) -> Result<Decoded, NotText> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(NotText::Utf32);
    }
    let (encoding, how) = if bytes.starts_with(&[0xFF, 0xFE]) {
        (Some(encoding_rs::UTF_16LE), "byte-order mark")
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        (Some(encoding_rs::UTF_16BE), "byte-order mark")
    } else {
        (sniff_utf16(&bytes), "no byte-order mark, but every other byte is NUL")
    };
    if let Some(encoding) = encoding {
        let (text, encoding, had_errors) = encoding.decode(&bytes);
        if text.contains('\0') {
            return Err(NotText::NulBytes);
        }
        let mut warning = format!("decoded as {} ({how})", encoding.name());
        if had_errors {
            warning.push_str("; invalid sequences were replaced with U+FFFD");
        }
        return Ok(Decoded { text: text.into_owned(), warning: Some(warning) });
    }
    if memchr::memchr(0, &bytes).is_some() {
        return Err(NotText::NulBytes);
    }
    if crate::text::mostly_control_bytes(&bytes) {
        return Err(NotText::ControlCharacters);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text, warning: None }),
        Err(e) => {
            let bad_at = e.utf8_error().valid_up_to();
            let (text, warning) = windows_1252(&e.into_bytes(), bad_at, "the file");
            Ok(Decoded { text, warning: Some(format!("{warning}, offsets index the decoded text")) })
        }
    }
}

/// Each carriage return that no line feed follows, as a line feed (one byte for one).
fn lone_returns_as_line_feeds(text: String) -> String {
    let bytes = text.as_bytes();
    let lone: Vec<usize> =
        memchr::memchr_iter(b'\r', bytes).filter(|&at| bytes.get(at + 1) != Some(&b'\n')).collect();
    if lone.is_empty() {
        return text;
    }
    let mut bytes = text.into_bytes();
    for at in lone {
        bytes[at] = b'\n';
    }
    String::from_utf8(bytes).expect("an ASCII byte for an ASCII byte keeps UTF-8 valid")
}

/// Bytes that are not UTF-8 decoded as Windows-1252 (where every byte is a character), as
/// every input does, and the warning that says so: `bad_at` is the offset of the first byte
/// that is not UTF-8, `place` what the bytes are ("the file", "the line", "the text field").
pub fn windows_1252(bytes: &[u8], bad_at: usize, place: &str) -> (String, String) {
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    let warning =
        format!("not valid UTF-8 (first bad byte: byte {} of {place}); decoded as Windows-1252", bad_at + 1);
    (text.into_owned(), warning)
}

/// UTF-16 without a byte-order mark, as text that is mostly ASCII shows it: in the first 4 KiB,
/// a NUL in at least a third of the even (big-endian) or odd (little-endian) bytes, and none in
/// the others.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let zeros = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd, pairs) = (zeros(0), zeros(1), head.len() / 2);
    if even == 0 && odd * 3 >= pairs {
        Some(encoding_rs::UTF_16LE)
    } else if odd == 0 && even * 3 >= pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("café".as_bytes().to_vec()).unwrap();
        assert_eq!(d.text, "café");
        assert!(d.warning.is_none());
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning() {
        let d = decode(b"caf\xe9 \x93quote\x94".to_vec()).unwrap();
        assert_eq!(d.text, "café “quote”");
        let warning = d.warning.unwrap();
        assert!(warning.starts_with("not valid UTF-8 (first bad byte: byte 4 of the file)"), "{warning}");
    }

    #[test]
    fn utf16_with_bom() {
        let bytes: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Hi é".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(bytes).unwrap().text, "Hi é");
        let bytes: Vec<u8> =
            [0xFE, 0xFF].into_iter().chain("Hi".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(bytes).unwrap().text, "Hi");
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(vec![0x7f, b'E', b'L', b'F', 0, 0, 1]).is_err());
        // Data without a NUL byte.
        let data: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 255 + 1) as u8).collect();
        assert_eq!(decode(data).unwrap_err(), NotText::ControlCharacters);
        // A UTF-16 byte-order mark in front of data that decodes to NUL characters.
        let mut fake = vec![0xFF, 0xFE];
        fake.extend_from_slice(&[b'a', 0, 0, 0, b'b', 0]);
        assert_eq!(decode(fake).unwrap_err(), NotText::NulBytes);
    }

    #[test]
    fn lone_carriage_returns_are_line_breaks() {
        assert_eq!(decode(b"Title\rBy A\r\rText.\r".to_vec()).unwrap().text, "Title\nBy A\n\nText.\n");
        assert_eq!(decode(b"One\r\nTwo\r\n\r".to_vec()).unwrap().text, "One\r\nTwo\r\n\n");
    }

    #[test]
    fn utf16_without_bom_and_utf32() {
        let le: Vec<u8> = "Hi é, a report.".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode(le).unwrap();
        assert_eq!(d.text, "Hi é, a report.");
        assert!(d.warning.unwrap().contains("UTF-16LE (no byte-order mark"));
        let be: Vec<u8> = "Hi, a report.".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(be).unwrap().text, "Hi, a report.");
        let utf32: Vec<u8> = [0xFF, 0xFE, 0, 0, b'H', 0, 0, 0].to_vec();
        assert_eq!(decode(utf32).unwrap_err(), NotText::Utf32);
    }
}
