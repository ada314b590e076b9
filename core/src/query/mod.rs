//! What a reader asks of a dataset: the filter and its facet counts ([`filter`], the plain
//! definition), the bitset index that answers the same questions fast at scale ([`index`]),
//! and free-text search across scripts and spellings ([`search`]).

pub mod conditions;
pub mod filter;
pub mod index;
pub mod search;
