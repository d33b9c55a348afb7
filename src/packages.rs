//! Which prepaid packages to buy for a phase (docs/ledger.md, Packages).
//!
//! Packages are bought only where they lower the phase's cost. Greedy choice
//! fails on bundles that do not divide evenly (a 6-pack and a 4-pack for 8
//! sessions), so this is an exact unbounded-knapsack dynamic programme over
//! the number of sessions covered, O(packages × sessions) — at most
//! 50 × 3,653 steps — with the contract's tie-breaks applied exactly.

use crate::money::Amount;
use crate::prelude::*;

/// A package offer for one phase, with its price after discounts.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Offer {
    pub sessions: usize,
    pub charge: Amount,
}

/// How many of each offer to buy for a phase of `sessions` sessions whose
/// single-session charge (after discounts) is `unit`.
///
/// Lowest total cost first; among equal costs, the fewest sessions covered by
/// packages; then as many as possible of the earliest-listed offer, then the
/// next, and so on.
pub(crate) fn choose(offers: &[Offer], sessions: usize, unit: Amount) -> Vec<usize> {
    let k = offers.len();
    if k == 0 || sessions == 0 {
        return vec![0; k];
    }
    // best[j][t]: least cost of covering exactly t sessions with offers j..k
    // (None: impossible). Row k is "no offers": only t = 0 is possible.
    let width = sessions + 1;
    let mut best: Vec<Option<i64>> = vec![None; (k + 1) * width];
    best[k * width] = Some(0);
    for j in (0..k).rev() {
        let size = offers[j].sessions;
        let price = offers[j].charge.minor();
        for t in 0..width {
            let skip = best[(j + 1) * width + t];
            let take = if size > 0 && t >= size {
                best[j * width + t - size].map(|c| c + price)
            } else {
                None
            };
            best[j * width + t] = match (skip, take) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
    }
    // Total cost of covering t sessions, then the fewest t at the least cost.
    let mut chosen_t = 0;
    let mut chosen_cost = i64::MAX;
    for (t, packages) in best[..width].iter().enumerate() {
        if let Some(packages) = *packages {
            let cost = packages + (sessions - t) as i64 * unit.minor();
            if cost < chosen_cost {
                chosen_cost = cost;
                chosen_t = t;
            }
        }
    }
    // Reconstruct: take as many of each offer in order as still allows the
    // rest to be covered at the remaining least cost.
    let mut counts = vec![0; k];
    let mut left = chosen_t;
    let Some(mut cost_left) = best[chosen_t] else {
        return counts;
    };
    for j in 0..k {
        let size = offers[j].sessions;
        let price = offers[j].charge.minor();
        let mut x = left / size.max(1);
        loop {
            let rest = left - x * size;
            if best[(j + 1) * width + rest] == Some(cost_left - x as i64 * price) {
                break;
            }
            if x == 0 {
                break;
            }
            x -= 1;
        }
        counts[j] = x;
        left -= x * size;
        cost_left -= x as i64 * price;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(sessions: usize, charge: i64) -> Offer {
        Offer {
            sessions,
            charge: Amount::new(charge),
        }
    }

    #[test]
    fn buys_only_when_cheaper() {
        assert_eq!(
            choose(&[offer(6, 240_000)], 7, Amount::new(50_000)),
            vec![1]
        );
        assert_eq!(
            choose(&[offer(6, 300_000)], 7, Amount::new(50_000)),
            vec![0],
            "equal cost: cover fewer"
        );
        assert_eq!(
            choose(&[offer(6, 310_000)], 7, Amount::new(50_000)),
            vec![0]
        );
        assert_eq!(
            choose(&[offer(8, 100)], 7, Amount::new(50_000)),
            vec![0],
            "never covers more than the phase"
        );
    }

    #[test]
    fn beats_greedy() {
        // 8 sessions at 100: a 6-pack (450) + 2 singles = 650, but two 4-packs = 560.
        assert_eq!(
            choose(&[offer(6, 450), offer(4, 280)], 8, Amount::new(100)),
            vec![0, 2]
        );
    }

    #[test]
    fn ties_prefer_earlier_offers() {
        // Two 3-packs or one 6-pack cost the same: buy as many of the first listed.
        assert_eq!(
            choose(&[offer(3, 200), offer(6, 400)], 6, Amount::new(100)),
            vec![2, 0]
        );
        assert_eq!(
            choose(&[offer(6, 400), offer(3, 200)], 6, Amount::new(100)),
            vec![1, 0]
        );
    }
}
