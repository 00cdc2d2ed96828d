//! The compact, compressed catalog snapshot compiled into the binary.
//!
//! Layout: the magic bytes `SWBK`, a little-endian `u16` format version,
//! then the postcard encoding of [`Catalog`] compressed with LZ4 (size
//! prepended). LZ4 is chosen over denser codecs because decompression must
//! fit, with decoding, in the 20 ms start-up budget.

use switchback_core::Catalog;

const MAGIC: &[u8; 4] = b"SWBK";
/// Bump whenever the serialised shape of [`Catalog`] changes.
pub const FORMAT_VERSION: u16 = 6;

/// Why a snapshot could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// Not a Switchback snapshot at all.
    #[error("not a Switchback catalog snapshot (bad magic bytes)")]
    NotASnapshot,
    /// Written by another version of the program.
    #[error(
        "catalog snapshot format {found} is not the supported format {FORMAT_VERSION}; rebuild it with `SWITCHBACK_BLESS=1 cargo test -p switchback-data --test snapshot`"
    )]
    Version {
        /// The version found.
        found: u16,
    },
    /// The compressed stream is damaged.
    #[error("catalog snapshot is damaged: {0}")]
    Decompress(#[from] lz4_flex::block::DecompressError),
    /// The encoded catalog is damaged.
    #[error("catalog snapshot does not decode: {0}")]
    Decode(#[from] postcard::Error),
}

/// Encodes a catalog. Deterministic: the same catalog gives the same bytes.
pub fn encode(catalog: &Catalog) -> Result<Vec<u8>, SnapshotError> {
    let raw = postcard::to_stdvec(catalog)?;
    let mut out = Vec::with_capacity(raw.len() / 2);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&lz4_flex::compress_prepend_size(&raw));
    Ok(out)
}

/// Decodes a snapshot written by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<Catalog, SnapshotError> {
    if bytes.len() < 6 || &bytes[..4] != MAGIC {
        return Err(SnapshotError::NotASnapshot);
    }
    let found = u16::from_le_bytes([bytes[4], bytes[5]]);
    if found != FORMAT_VERSION {
        return Err(SnapshotError::Version { found });
    }
    let raw = lz4_flex::decompress_size_prepended(&bytes[6..])?;
    Ok(postcard::from_bytes(&raw)?)
}
