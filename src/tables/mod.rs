//! Tables generated from Unicode data by `scripts/`.

pub mod radicals;
pub mod surnames;
