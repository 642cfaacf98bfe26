//! One stable sort for the whole crate. Each call of the standard library's `sort_by` with its own element type or
//! comparator is an instance of its own of the sort's code (quicksort, drift-sort and small-sorts: about 3 KB of
//! WebAssembly each); every sort in Folio goes through this one instance instead: a slice of indices, compared
//! through a `dyn` comparator.

use std::cmp::Ordering;

/// Sorts `indices` stably by `cmp`, which compares two of its values (indices into whatever the caller sorts).
#[inline(never)]
pub fn sort_indices(indices: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    indices.sort_by(|a, b| cmp(*a, *b));
}

/// Sorts `items` stably by `cmp`, by sorting their positions with [`sort_indices`] and then moving each item once.
pub fn sort_vec_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_the_comparator() {
        // Equal keys keep their order: (1,'b') before (1,'d'), (0,'a') before (0,'c').
        let mut items = vec![(1, 'b'), (0, 'a'), (1, 'd'), (0, 'c'), (2, 'e')];
        sort_vec_by(&mut items, |x, y| x.0.cmp(&y.0));
        assert_eq!(items, [(0, 'a'), (0, 'c'), (1, 'b'), (1, 'd'), (2, 'e')]);
    }

    #[test]
    fn matches_the_standard_sort_on_many_inputs() {
        // A small linear congruential generator: reproducible inputs without a dependency.
        let mut seed: u64 = 7;
        for len in 0..200 {
            let mut items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|y| std::cmp::Reverse(y.0));
            sort_vec_by(&mut items, |x, y| y.0.cmp(&x.0));
            assert_eq!(items, expected, "length {len}");
        }
    }

    #[test]
    fn sorts_indices_by_what_they_point_at() {
        let names = ["c", "a", "b"];
        let mut idx = [0, 1, 2];
        sort_indices(&mut idx, &|a, b| names[a].cmp(names[b]));
        assert_eq!(idx, [1, 2, 0]);
    }
}
