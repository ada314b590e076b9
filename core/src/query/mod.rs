//! What a reader asks of a dataset: the filter and its facet counts ([`filter`], the plain
//! definition), the bitset index that answers the same questions fast at scale ([`index`]),
//! free-text search across scripts and spellings ([`search`]), abbreviations of kinds of
//! institutions ([`institutions`]), and what is offered while typing ([`suggest`]).

pub mod conditions;
pub mod filter;
pub mod index;
pub mod institutions;
pub mod search;
pub mod suggest;
