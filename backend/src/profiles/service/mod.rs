//! Rules of profiles, the program lists, custom fields and completeness. Each public
//! function owns its transaction.
mod completeness;
mod fields;
mod lists;
mod profile;

pub use completeness::*;
pub use fields::*;
pub use lists::*;
pub use profile::*;
