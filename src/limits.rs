//! Every bound, defined once: those the engine enforces, and the three the
//! pages apply to what the engine gives them ([`MAX_LEDGER_ROWS_SHOWN`],
//! [`MAX_GFE_CLAIM_ITEMS`], [`MAX_PRICE_LIST_ROWS`]), which the engine never
//! reads but which are kept here so that the pages' module of bounds is
//! generated from one table.
//!
//! The decoder reads its bounds from here, the reference's limits table
//! (`docs/limits.md`) is generated from [`TABLE`], and the price sheet's JSON
//! Schema is checked against it by a test, so the three cannot drift apart.
//! The bounds keep the work of one estimate small and every sum exact: with
//! at most 3,653 sessions, 50 per-session fees and amounts of at most
//! [`MAX_AMOUNT`], no total comes near 2^53.

/// Largest amount an input may state, in minor units (100,000,000.00 in a
/// currency with two decimals).
pub const MAX_AMOUNT: i64 = 10_000_000_000;
/// Earliest year of any date.
pub const MIN_YEAR: i32 = 1970;
/// Latest year of any date.
pub const MAX_YEAR: i32 = 2199;
/// Earliest year of a patient's date of birth (older than any plan's dates;
/// 1900–1969 must share their leap years with 2100–2169, which they do).
pub const MIN_BIRTH_YEAR: i32 = 1900;

/// Most phases in a plan (and in a treatment of a price sheet).
pub const MAX_PHASES: usize = 20;
/// Most fees.
pub const MAX_FEES: usize = 50;
/// Most packages.
pub const MAX_PACKAGES: usize = 50;
/// Most discounts.
pub const MAX_DISCOUNTS: usize = 10;
/// Most savings programmes.
pub const MAX_ASSISTANCE: usize = 5;
/// Most coverage limits.
pub const MAX_COVERAGE_LIMITS: usize = 10;
/// Most codes in a fee schedule.
pub const MAX_FEE_SCHEDULE_ENTRIES: usize = 200;
/// Longest wait for a patient's claim to be reimbursed, in days.
pub const MAX_REIMBURSEMENT_DAYS: u32 = 365;
/// Most closed dates.
pub const MAX_CLOSED_DATES: usize = 400;
/// Most entries in a list of weekdays (a repeat is reported as such below
/// this; past it the list is refused unread).
pub const MAX_WEEKDAY_ENTRIES: usize = 28;
/// Most entries in a discount's `appliesTo` (likewise).
pub const MAX_APPLIES_TO_ENTRIES: usize = 12;
/// Longest name, in Unicode code points.
pub const MAX_NAME_CHARS: usize = 80;
/// Longest billing code, in code points.
pub const MAX_CODE_CHARS: usize = 20;

/// Longest horizon in months (and latest `until`, in months after the start).
pub const MAX_HORIZON_MONTHS: u32 = 120;
/// Longest horizon in weeks.
pub const MAX_HORIZON_WEEKS: u32 = 520;
/// Longest interval of a recurrence or gap, in days.
pub const MAX_INTERVAL_DAYS: u32 = 366;
/// Longest interval of a recurrence or gap, in weeks.
pub const MAX_INTERVAL_WEEKS: u32 = 52;
/// Longest interval of a recurrence or gap, in months.
pub const MAX_INTERVAL_MONTHS: u32 = 24;
/// Most sessions in a phase, a package or a coverage limit.
pub const MAX_SESSIONS: u32 = 1000;
/// Longest phase, in weeks.
pub const MAX_PHASE_WEEKS: u32 = 520;
/// Most monthly payments of a payment plan.
pub const MAX_FINANCING_MONTHS: u32 = 120;

/// Most problems reported for one input; decoding does no per-problem work
/// past it.
pub const MAX_PROBLEMS: usize = 100;
/// Most plans in one comparison.
pub const MAX_COMPARED: usize = 10;

/// Most presets in a catalogue.
pub const MAX_PRESETS: usize = 50;
/// Longest preset id, in characters.
pub const MAX_PRESET_ID_CHARS: usize = 40;
/// Longest preset summary, in code points.
pub const MAX_SUMMARY_CHARS: usize = 2000;
/// Most assumptions, and most sources, of a preset.
pub const MAX_PRESET_NOTES: usize = 30;
/// Longest source title, in code points.
pub const MAX_TITLE_CHARS: usize = 200;

/// Most treatments on a price sheet.
pub const MAX_TREATMENTS: usize = 50;
/// Most diagnosis codes of a treatment.
pub const MAX_DIAGNOSIS_CODES: usize = 12;
/// Most separately scheduled items of a treatment.
pub const MAX_SEPARATE_ITEMS: usize = 20;
/// Longest free text (descriptions, addresses, assumptions, addresses of
/// sources), in code points.
pub const MAX_TEXT_CHARS: usize = 500;
/// Longest telephone number, in code points.
pub const MAX_PHONE_CHARS: usize = 40;
/// Longest street line of an address, in code points.
pub const MAX_STREET_CHARS: usize = 120;
/// Longest postal code, in code points.
pub const MAX_POSTAL_CODE_CHARS: usize = 20;
/// Longest validity of a quote, in days.
pub const MAX_VALID_DAYS: u32 = 365;
/// Longest quote number, in code points.
pub const MAX_NUMBER_CHARS: usize = 40;
/// Most other providers and facilities (co-providers) on a price sheet.
pub const MAX_PROVIDERS: usize = 20;
/// Most payers on a price sheet.
pub const MAX_PAYERS: usize = 20;
/// Most allowed amounts one payer lists.
pub const MAX_PAYER_RATES: usize = 1000;
/// Longest period one Good Faith Estimate covers, in months: a recurring
/// course is estimated a year at a time.
pub const MAX_GFE_MONTHS: u32 = 12;
/// Most ledger lines one quote may list: what a document can hold.
pub const MAX_QUOTE_LINES: usize = 20_000;
// The pages' bounds: the engine does not read these.

/// Most ledger lines the staff view lists one by one; a longer ledger is
/// summarised by month and item. (A page's bound.)
pub const MAX_LEDGER_ROWS_SHOWN: usize = 400;
/// Most items in one Claim of a Good Faith Estimate's FHIR Bundle (the Da
/// Vinci PCT professional GFE profile allows 1..50); more are split. (A
/// page's bound: the FHIR writer's.)
pub const MAX_GFE_CLAIM_ITEMS: usize = 50;
/// Most rows of a CSV price list the sheet editor imports. (A page's bound.)
pub const MAX_PRICE_LIST_ROWS: usize = 5000;

/// One row of the limits table.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    /// The constant's name in this module.
    pub name: &'static str,
    /// Its value.
    pub value: i64,
    /// What it bounds, with the fields it applies to.
    pub bounds: &'static str,
}

macro_rules! table {
    ($($name:ident: $what:literal),* $(,)?) => {
        /// Every limit, in the order of the reference's table.
        pub const TABLE: &[Limit] = &[$(Limit {
            name: stringify!($name),
            value: $name as i64,
            bounds: $what,
        }),*];
    };
}

table! {
    MAX_AMOUNT: "any amount (`price`, `amount`, `allowed`, `deductible`, …), in minor units; at least 0",
    MIN_YEAR: "the earliest year of a date",
    MAX_YEAR: "the latest year of a date",
    MIN_BIRTH_YEAR: "the earliest year of a quote input's `patient.birthDate`",
    MAX_PHASES: "`phases` (at least 1); `assistance[].phases`; `coverage.limits[].phases` (at least 1)",
    MAX_FEES: "`fees`; `assistance[].fees`",
    MAX_PACKAGES: "`packages`",
    MAX_DISCOUNTS: "`discounts`",
    MAX_ASSISTANCE: "`assistance`",
    MAX_COVERAGE_LIMITS: "`coverage.limits`",
    MAX_FEE_SCHEDULE_ENTRIES: "codes in `coverage.feeSchedule` (each key a billing code)",
    MAX_REIMBURSEMENT_DAYS: "`coverage.reimbursementDays` (at least 0)",
    MAX_CLOSED_DATES: "`clinic.closedDates`; a price sheet's `holidays`",
    MAX_WEEKDAY_ENTRIES: "entries of a weekday list (`every.weekdays`, `closedWeekdays`) before it is refused unread; repeats are errors",
    MAX_APPLIES_TO_ENTRIES: "entries of `discounts[].appliesTo` before it is refused unread; repeats are errors",
    MAX_NAME_CHARS: "every `name`, and names that refer to one (at least 1 code point)",
    MAX_CODE_CHARS: "every billing `code`, and each key of `coverage.feeSchedule`",
    MAX_HORIZON_MONTHS: "`horizon.months` (at least 1); `horizon.until` at most this many months after `start`",
    MAX_HORIZON_WEEKS: "`horizon.weeks` (at least 1)",
    MAX_INTERVAL_DAYS: "`every.days`, `startAfter.days` (at least 1)",
    MAX_INTERVAL_WEEKS: "`every.weeks`, `startAfter.weeks` (at least 1)",
    MAX_INTERVAL_MONTHS: "`every.months`, `startAfter.months` (at least 1)",
    MAX_SESSIONS: "`phases[].sessions`, `packages[].sessions`, `coverage.limits[].sessions` (at least 1)",
    MAX_PHASE_WEEKS: "`phases[].weeks` (at least 1)",
    MAX_FINANCING_MONTHS: "`financing.months` (at least 1)",
    MAX_PROBLEMS: "problems reported for one input",
    MAX_COMPARED: "plans in one `compare` (at least 1)",
    MAX_PRESETS: "presets in a catalogue",
    MAX_PRESET_ID_CHARS: "a preset's `id` (lower-case letters, digits, hyphens)",
    MAX_SUMMARY_CHARS: "a preset's `summary`",
    MAX_PRESET_NOTES: "a preset's `assumptions` and `sources` (at least 1 source)",
    MAX_TITLE_CHARS: "a source's `title`",
    MAX_TREATMENTS: "a price sheet's `treatments` (at least 1)",
    MAX_DIAGNOSIS_CODES: "`diagnosisCodes` of a treatment or a quote input",
    MAX_SEPARATE_ITEMS: "a treatment's `scheduledSeparately`",
    MAX_TEXT_CHARS: "free text: descriptions, address lines, assumptions, source addresses",
    MAX_PHONE_CHARS: "a price sheet's `phone`",
    MAX_STREET_CHARS: "`address.street`",
    MAX_POSTAL_CODE_CHARS: "`address.postalCode`",
    MAX_VALID_DAYS: "a price sheet's `quoteValidDays` (at least 1)",
    MAX_NUMBER_CHARS: "a quote input's `number`",
    MAX_PROVIDERS: "a price sheet's `providers` (co-providers and co-facilities)",
    MAX_PAYERS: "a price sheet's `payers`",
    MAX_PAYER_RATES: "`payers[].allowed`",
    MAX_GFE_MONTHS: "the horizon of a Good Faith Estimate, in months (a longer one is refused at `input.horizon`)",
    MAX_QUOTE_LINES: "ledger lines of one quote, Good Faith Estimate or ledger CSV (more is refused at `input.horizon`)",
    MAX_LEDGER_ROWS_SHOWN: "ledger lines the staff view lists one by one; past it, the ledger is summarised by month and item",
    MAX_GFE_CLAIM_ITEMS: "items in one Claim of a Good Faith Estimate's FHIR Bundle; more go into further Claims",
    MAX_PRICE_LIST_ROWS: "rows of a CSV price list the sheet editor imports",
}
