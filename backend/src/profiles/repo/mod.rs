//! SQL of profiles and program lists. Functions that take a `Tx` run inside the caller's
//! transaction (a write one, or a read-only one for pages); the rest are single reads on
//! the pool.
mod completeness;
mod custom_fields;
mod lists;
mod photos;
mod profile;

pub use completeness::*;
pub use custom_fields::*;
pub use lists::*;
pub use photos::*;
pub use profile::*;
