//! The pipeline's stages, one file each, each a pure function of the model.

pub mod articles;
pub mod despace;
pub mod normalize;
pub mod rejoin;
