//! From what was asked to what each letter needs. [`request`] is the one conversion that
//! checks what flags, settings, the guided flow or a signers row ask for; [`planner`]
//! resolves a checked request against the data into Drafts, one per letter. Nothing
//! downstream knows where a value came from.

mod checks;
mod demands;
mod planner;
pub mod request;
mod signature;
pub mod warnings;

pub use demands::DemandSelection;
pub use planner::{check_postal_address, plan, plan_in, Draft, Plan, Planner};
pub use request::{
    validate, Checked, Context, Given, LetterRequest, RawRequest, RawSender, DEFAULT_WIDTH,
    EARLIEST_DATE, LATEST_DATE, MAX_WIDTH, MIN_WIDTH,
};
