//! Occupation codes: O*NET-SOC 2019 codes and the SOC 2018 groups derived
//! from them.
//!
//! Codes are parsed once, at the edge, into fixed-size `Copy` values, so the
//! rest of the program never handles a malformed code.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An O*NET-SOC 2019 occupation code such as `15-1252.00`.
///
/// Stored as its ten ASCII bytes; always valid by construction.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct OnetCode([u8; 10]);

/// Why a text is not an O*NET-SOC code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not an O*NET-SOC code (expected the form 15-1252.00)")]
pub struct CodeError {
    /// The rejected text.
    pub text: String,
}

impl OnetCode {
    /// Parses `XX-XXXX.XX`; a bare SOC code `XX-XXXX` means its `.00` occupation.
    pub fn parse(text: &str) -> Result<Self, CodeError> {
        let t = text.trim().as_bytes();
        let err = || CodeError {
            text: text.to_owned(),
        };
        let mut out = *b"00-0000.00";
        match t.len() {
            7 | 10 => {}
            _ => return Err(err()),
        }
        for (i, &b) in t.iter().enumerate() {
            let ok = match i {
                2 => b == b'-',
                7 => b == b'.',
                _ => b.is_ascii_digit(),
            };
            if !ok {
                return Err(err());
            }
            out[i] = b;
        }
        Ok(Self(out))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits, '-' and '.' are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("00-0000.00")
    }

    /// The code's ASCII bytes: what hot comparisons read, with no UTF-8
    /// check (the route planner asks for codes millions of times a query).
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The SOC 2018 detailed code: the first seven characters.
    pub fn soc(&self) -> SocCode {
        let mut b = [0u8; 7];
        b.copy_from_slice(&self.0[..7]);
        SocCode(b)
    }
}

impl fmt::Display for OnetCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for OnetCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OnetCode({})", self.as_str())
    }
}

impl FromStr for OnetCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// A SOC 2018 code such as `15-1252` (detailed) or `15-1250` (broad group).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SocCode([u8; 7]);

impl SocCode {
    /// Parses `XX-XXXX`.
    pub fn parse(text: &str) -> Result<Self, CodeError> {
        let t = text.trim().as_bytes();
        let ok = t.len() == 7
            && t.iter().enumerate().all(|(i, &b)| {
                if i == 2 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if !ok {
            return Err(CodeError {
                text: text.to_owned(),
            });
        }
        let mut b = [0u8; 7];
        b.copy_from_slice(t);
        Ok(Self(b))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("00-0000")
    }

    /// The code's ASCII bytes ([`OnetCode::as_bytes`]).
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Whether the code begins with `prefix` ("15-1", "13-2011").
    pub fn starts_with(&self, prefix: &str) -> bool {
        self.0.starts_with(prefix.as_bytes())
    }

    /// The two-digit major group number (11 for management, 15 for computer…).
    pub fn major_number(&self) -> u8 {
        (self.0[0] - b'0') * 10 + (self.0[1] - b'0')
    }

    /// The major group, e.g. `15-0000`.
    pub fn major(&self) -> SocCode {
        self.with_zeros_from(3)
    }

    /// The minor group, e.g. `15-1200`.
    pub fn minor(&self) -> SocCode {
        self.with_zeros_from(5)
    }

    /// The broad group, e.g. `15-1250`: SOC's "function family".
    pub fn broad(&self) -> SocCode {
        self.with_zeros_from(6)
    }

    fn with_zeros_from(&self, from: usize) -> SocCode {
        let mut b = self.0;
        for byte in &mut b[from..] {
            *byte = b'0';
        }
        SocCode(b)
    }
}

impl fmt::Display for SocCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for SocCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SocCode({})", self.as_str())
    }
}

/// Serde for an [`OnetCode`] written as its text (`15-1252.00`) in
/// documents people and other tools read, such as a stored plan (the
/// snapshot keeps the compact byte form).
pub(crate) mod as_text {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::OnetCode;

    /// Writes the code as text.
    pub fn serialize<S: Serializer>(code: &OnetCode, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(code.as_str())
    }

    /// Reads and validates the code's text.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OnetCode, D::Error> {
        let text = String::deserialize(d)?;
        OnetCode::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_derives_groups() {
        let c = OnetCode::parse("15-1252.00").unwrap();
        assert_eq!(c.as_str(), "15-1252.00");
        assert_eq!(c.soc().as_str(), "15-1252");
        assert_eq!(c.soc().broad().as_str(), "15-1250");
        assert_eq!(c.soc().minor().as_str(), "15-1200");
        assert_eq!(c.soc().major().as_str(), "15-0000");
        assert_eq!(c.soc().major_number(), 15);
        assert_eq!(OnetCode::parse("11-1011").unwrap().as_str(), "11-1011.00");
    }

    #[test]
    fn rejects_malformed_codes() {
        for bad in [
            "",
            "15-1252.0",
            "151252.00",
            "15-12a2.00",
            "15_1252.00",
            "data scientist",
        ] {
            assert!(OnetCode::parse(bad).is_err(), "{bad}");
        }
        assert!(SocCode::parse("15-12").is_err());
    }
}
