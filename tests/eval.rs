//! `newslint eval` on small labelled sets whose numbers are checked by hand.
