//! Bytes to text: UTF-8 as is, UTF-16 when a byte-order mark says so, else Windows-1252 (with a
//! warning), and binary data refused.

/// Decoded text, and a warning when it was not UTF-8.
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Why bytes cannot be analysed as text.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let (text, encoding, had_errors) = encoding_rs::UTF_16LE.decode(&bytes);
        let mut warning = format!("decoded as {} (byte-order mark)", encoding.name());
        if had_errors {
            warning.push_str("; invalid sequences were replaced with U+FFFD");
        }
        return Ok(Decoded { text: text.into_owned(), warning: Some(warning) });
    }
    if memchr::memchr(0, &bytes).is_some() {
        return Err("binary data (it contains NUL bytes), not text".to_string());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text, warning: None }),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
            Ok(Decoded {
                text: text.into_owned(),
                warning: Some(format!(
                    "not valid UTF-8 (first bad byte at offset {offset}); decoded as Windows-1252, offsets index the decoded text"
                )),
            })
        }
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
        assert!(d.warning.unwrap().contains("Windows-1252"));
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
    }
}
