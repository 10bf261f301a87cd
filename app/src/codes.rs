//! Codes people read from paper or a screen and type on a phone: reset codes
//! and cohort codes. Crockford's base 32 (digits and capitals without I, L,
//! O and U), so that no character can be mistaken for another, and typing
//! forgives case, spaces, dashes, O for 0 and I or L for 1.

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `length` random characters (5 bits each) from the operating system.
pub fn generate(length: usize) -> String {
    let mut bytes = vec![0u8; length];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    // 256 is a multiple of 32: taking the low 5 bits is uniform.
    bytes.iter().map(|byte| ALPHABET[usize::from(byte % 32)] as char).collect()
}

/// A typed code in its stored form, when it has exactly `length` characters
/// of the alphabet once forgiven; `None` otherwise.
pub fn normalise(text: &str, length: usize) -> Option<String> {
    if text.len() > 4 * length {
        return None;
    }
    let mut code = String::with_capacity(length);
    for c in text.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
            _ => return None,
        };
        code.push(c);
    }
    (code.len() == length).then_some(code)
}

/// In groups of four, for reading out or printing: `ABCD-EFGH`.
pub fn grouped(code: &str) -> String {
    code.as_bytes().chunks(4).map(String::from_utf8_lossy).collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_use_the_alphabet_and_differ() {
        let code = generate(12);
        assert_eq!(code.len(), 12);
        assert!(code.bytes().all(|c| ALPHABET.contains(&c)));
        assert_ne!(code, generate(12));
    }

    #[test]
    fn typing_is_forgiven_but_garbage_is_refused() {
        assert_eq!(normalise("abcd efgh-jkmo", 12).as_deref(), Some("ABCDEFGHJKM0"));
        assert_eq!(normalise("abcd-efgh-jkil", 12).as_deref(), Some("ABCDEFGHJK11"));
        assert_eq!(normalise(&grouped("K7QM2XPA"), 8).as_deref(), Some("K7QM2XPA"));
        assert_eq!(normalise("ABCD-EFGH", 12), None);
        assert_eq!(normalise("ABCD-EFGH-JKMU", 12), None);
        assert_eq!(normalise("ABCD-EFGH-JKM\u{0}", 12), None);
        assert_eq!(normalise("ABCD-EFGH-JKMЖ", 12), None);
        assert_eq!(normalise(&"A".repeat(10_000), 12), None);
    }
}
