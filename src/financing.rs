//! A monthly payment plan for what the patient owes (docs/financing.md).
//!
//! The level payment comes from the annuity formula, the one place the engine
//! uses floating point; it is rounded to a minor unit at once. `(1 + i)^n` is
//! computed by repeated multiplication rather than `powf`, whose last bit can
//! differ between the native libm and the one compiled into wasm: the estimate
//! must be the same to the byte everywhere. Interest on the balance is exact
//! integer arithmetic.

use crate::prelude::*;

use crate::calendar::Date;
use crate::money::{Amount, Percent, mul_div_round};
use crate::output::{FinancingSchedule, Payment};
use crate::plan::Financing;

/// The level payment `round(P·i / (1 − (1 + i)^−n))` with `i = apr / 1200`.
fn level_payment(principal: Amount, apr: Percent, months: u32) -> Amount {
    let i = apr.as_f64() / 1200.0;
    let mut growth = 1.0f64;
    for _ in 0..months {
        growth *= 1.0 + i;
    }
    let payment = principal.minor() as f64 * i / (1.0 - 1.0 / growth);
    Amount::new(crate::money::round(payment) as i64)
}

/// Schedules repayment of `principal` (positive) from `first`, the plan's
/// first session date, with payments one month apart starting a month later.
pub(crate) fn schedule(terms: &Financing, principal: Amount, first: Date) -> FinancingSchedule {
    let n = terms.months.max(1);
    let bp = i64::from(terms.apr.basis_points());
    let level = if bp == 0 {
        None
    } else {
        Some(level_payment(principal, terms.apr, n))
    };
    let mut balance = principal;
    let mut payments = Vec::with_capacity(n as usize);
    let mut total_interest = Amount::ZERO;
    for k in 1..=n {
        if balance <= Amount::ZERO {
            break;
        }
        let interest = Amount::new(mul_div_round(balance.minor(), bp, 120_000));
        let regular = match level {
            Some(level) => level,
            None => {
                let (base, extra) = (
                    principal.minor() / i64::from(n),
                    principal.minor() % i64::from(n),
                );
                Amount::new(base + i64::from(i64::from(k) <= extra))
            }
        };
        let payoff = balance + interest;
        let payment = if k == n || regular >= payoff {
            payoff
        } else {
            regular
        };
        let repaid = payment - interest;
        balance -= repaid;
        total_interest += interest;
        payments.push(Payment {
            n: k,
            date: first.add_months(k),
            payment,
            interest,
            principal: repaid,
            balance,
        });
    }
    let payment = level
        .or(payments.first().map(|p| p.payment))
        .unwrap_or_default();
    FinancingSchedule {
        principal,
        months: terms.months,
        apr: terms.apr,
        payment,
        total_interest,
        total_paid: principal + total_interest,
        payments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::FinanceOf;

    fn terms(months: u32, apr: f64) -> Financing {
        Financing {
            months,
            apr: Percent::from_number(apr).expect("apr"),
            down_payment: Amount::ZERO,
            of: FinanceOf::Total,
        }
    }

    #[test]
    fn interest_free_splits_the_remainder_over_the_first_payments() {
        let first = Date::parse("2026-01-31").expect("date");
        let s = schedule(&terms(3, 0.0), Amount::new(100_000), first);
        let amounts: Vec<i64> = s.payments.iter().map(|p| p.payment.minor()).collect();
        assert_eq!(amounts, [33_334, 33_333, 33_333]);
        let dates: Vec<String> = s.payments.iter().map(|p| p.date.to_string()).collect();
        assert_eq!(dates, ["2026-02-28", "2026-03-31", "2026-04-30"]);
        assert_eq!(s.total_interest, Amount::ZERO);
        assert_eq!(s.payments.last().map(|p| p.balance), Some(Amount::ZERO));
    }

    #[test]
    fn amortises_at_a_rate() {
        // 3,000.00 over 12 months at 9.99 %: 300000·i/(1−(1+i)^−12) = 26373.37 → 263.73.
        let first = Date::parse("2026-01-05").expect("date");
        let s = schedule(&terms(12, 9.99), Amount::new(300_000), first);
        assert_eq!(s.payment, Amount::new(26_373));
        // First month's interest: 3000.00 × 9.99 % / 12 = 24.975 → 24.98.
        assert_eq!(s.payments[0].interest, Amount::new(2_498));
        assert_eq!(s.payments.len(), 12);
        assert_eq!(s.payments.last().map(|p| p.balance), Some(Amount::ZERO));
        let paid: Amount = s.payments.iter().map(|p| p.payment).sum();
        assert_eq!(paid, s.total_paid);
        assert_eq!(s.total_paid, s.principal + s.total_interest);
    }
}
