//! Organisation mode (issue #13): an organisation's own jobs mapped to
//! O*NET occupations ([`map`]), graded on Switchback's ladder and read as
//! one internal labour market ([`mobility`]): who is blocked where they
//! stand, which step down or sideways move would put them on a real route
//! up, and for whom an open role is such a move.

mod map;
pub mod mobility;
pub mod people;

pub use map::*;
