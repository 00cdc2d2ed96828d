//! Multi-criteria route search on an abstract graph: McRAPTOR-style rounds
//! (round k = routes of k moves) with a Pareto bag of labels per state, and
//! the brute-force enumeration it is tested against.
//!
//! Criteria of a route from `start` to `goal`: years to the goal (less is
//! better), probability of making every move (more), the lowest salary
//! along the route (more), earnings over the horizon (more), number of
//! moves (fewer).
//!
//! Why the pruning is exact: an edge's duration (the years spent in its
//! source state before the move) depends only on the edge. So two labels at
//! one state that take the same continuation keep the same gap in time to
//! the end, and their final earnings differ by exactly
//! `(E1 − E2) + s_goal · (t2 − t1)`, the salaries in between cancelling.
//! Comparing earnings so far *projected at the goal salary*,
//! `E + s_goal · (H − t)`, is therefore the same as comparing final
//! earnings, and a label dominated on (years, probability, lowest salary,
//! projected earnings, moves) can never lead to a Pareto-optimal route.

/// A move between two states.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Edge {
    /// The destination state.
    pub to: usize,
    /// Years spent in the source state before this move.
    pub years: f64,
    /// Probability of making the move.
    pub probability: f64,
}

/// A graph of positions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    /// Annual salary in each state.
    pub salary: Vec<f64>,
    /// Moves out of each state.
    pub edges: Vec<Vec<Edge>>,
    /// Where routes start.
    pub start: usize,
    /// Where routes end.
    pub goal: usize,
    /// The horizon in years: routes must reach the goal by then, and
    /// earnings are counted up to it.
    pub horizon: f64,
    /// The most moves a route may make.
    pub max_moves: usize,
}

/// The criteria of a route.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Criteria {
    /// Years until the goal is reached.
    pub years: f64,
    /// Product of the moves' probabilities.
    pub probability: f64,
    /// Lowest salary of any state on the route, start and goal included.
    pub min_salary: f64,
    /// Salary earned from now to the horizon, staying at the goal once reached.
    pub earnings: f64,
    /// Number of moves.
    pub moves: usize,
}

impl Criteria {
    /// Whether `self` is at least as good as `other` on every criterion.
    pub fn dominates(&self, other: &Criteria) -> bool {
        const EPS: f64 = 1e-9;
        self.years <= other.years + EPS
            && self.probability >= other.probability - EPS
            && self.min_salary >= other.min_salary - EPS
            && self.earnings >= other.earnings - EPS * other.earnings.abs().max(1.0)
            && self.moves <= other.moves
    }
}

/// A route: the states visited and the years spent in each before moving on.
#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    /// States from start to goal.
    pub states: Vec<usize>,
    /// The edges taken, in order.
    pub edges: Vec<Edge>,
    /// Its criteria.
    pub criteria: Criteria,
}

#[derive(Clone, Copy, Debug)]
struct Label {
    state: usize,
    years: f64,
    earned: f64,
    probability: f64,
    min_salary: f64,
    moves: usize,
    parent: Option<(usize, Edge)>,
}

impl Label {
    /// The label's criteria with earnings projected at the goal salary.
    fn projected(&self, g: &Graph) -> Criteria {
        Criteria {
            years: self.years,
            probability: self.probability,
            min_salary: self.min_salary,
            earnings: self.earned + g.salary[g.goal] * (g.horizon - self.years),
            moves: self.moves,
        }
    }
}

/// The Pareto-optimal routes from `g.start` to `g.goal`, by rounds.
pub fn pareto_routes(g: &Graph) -> Vec<Path> {
    let n = g.salary.len();
    if g.start >= n || g.goal >= n {
        return Vec::new();
    }
    let mut arena: Vec<Label> = vec![Label {
        state: g.start,
        years: 0.0,
        earned: 0.0,
        probability: 1.0,
        min_salary: g.salary[g.start],
        moves: 0,
        parent: None,
    }];
    let least = least_time_to_goal(g);
    let mut bags: Vec<Vec<usize>> = vec![Vec::new(); n];
    bags[g.start].push(0);
    let mut frontier = vec![0usize];
    for round in 1..=g.max_moves {
        let mut next = Vec::new();
        for &li in &frontier {
            let l = arena[li];
            // A route ends when it reaches the goal.
            if l.state == g.goal && round > 1 {
                continue;
            }
            for e in &g.edges[l.state] {
                let years = l.years + e.years;
                // Exact target pruning: a label that cannot reach the goal
                // within the horizon in the moves left leads to no route.
                if years + least[g.max_moves - round][e.to] > g.horizon + 1e-9 {
                    continue;
                }
                let cand = Label {
                    state: e.to,
                    years,
                    earned: l.earned + g.salary[l.state] * e.years,
                    probability: l.probability * e.probability,
                    min_salary: l.min_salary.min(g.salary[e.to]),
                    moves: round,
                    parent: Some((li, *e)),
                };
                let c = cand.projected(g);
                let bag = &mut bags[e.to];
                if bag.iter().any(|&b| arena[b].projected(g).dominates(&c)) {
                    continue;
                }
                bag.retain(|&b| !c.dominates(&arena[b].projected(g)));
                arena.push(cand);
                bag.push(arena.len() - 1);
                next.push(arena.len() - 1);
            }
        }
        // Labels pruned after being queued are not extended.
        next.retain(|li| bags[arena[*li].state].contains(li));
        frontier = next;
        if frontier.is_empty() {
            break;
        }
    }
    let mut out: Vec<Path> = bags[g.goal]
        .iter()
        .filter(|&&li| arena[li].moves > 0)
        .map(|&li| {
            let mut states = vec![arena[li].state];
            let mut edges = Vec::new();
            let mut cur = li;
            while let Some((p, e)) = arena[cur].parent {
                edges.push(e);
                states.push(arena[p].state);
                cur = p;
            }
            states.reverse();
            edges.reverse();
            Path {
                states,
                edges,
                criteria: arena[li].projected(g),
            }
        })
        .collect();
    sort_paths(&mut out);
    out
}

/// `least[r][v]`: the least years from `v` to the goal in at most `r`
/// moves (0 at the goal, infinite where it cannot be reached).
fn least_time_to_goal(g: &Graph) -> Vec<Vec<f64>> {
    let n = g.salary.len();
    let mut least = vec![vec![f64::INFINITY; n]; g.max_moves + 1];
    least[0][g.goal] = 0.0;
    for r in 1..=g.max_moves {
        least[r] = least[r - 1].clone();
        for u in 0..n {
            if u == g.goal {
                continue;
            }
            for e in &g.edges[u] {
                let t = e.years + least[r - 1][e.to];
                if t < least[r][u] {
                    least[r][u] = t;
                }
            }
        }
    }
    least
}

/// The fastest route to the goal, ignoring the horizon: earliest arrival
/// per state, round by round (Bellman–Ford limited to `g.max_moves`).
pub fn fastest(g: &Graph) -> Option<Path> {
    let n = g.salary.len();
    if g.start >= n || g.goal >= n {
        return None;
    }
    // best[v] = (arrival, previous state, edge) of the best route so far.
    let mut best: Vec<Option<(f64, usize, Edge)>> = vec![None; n];
    let mut arrival = vec![f64::INFINITY; n];
    arrival[g.start] = 0.0;
    let mut paths: Vec<Vec<(usize, Edge)>> = vec![Vec::new(); n];
    for _ in 0..g.max_moves {
        let mut next_arrival = arrival.clone();
        let mut next_paths = paths.clone();
        for u in 0..n {
            if !arrival[u].is_finite() || (u == g.goal && u != g.start) {
                continue;
            }
            for e in &g.edges[u] {
                let t = arrival[u] + e.years;
                if t < next_arrival[e.to] - 1e-12 {
                    next_arrival[e.to] = t;
                    let mut p = paths[u].clone();
                    p.push((u, *e));
                    next_paths[e.to] = p;
                    best[e.to] = Some((t, u, *e));
                }
            }
        }
        arrival = next_arrival;
        paths = next_paths;
    }
    best[g.goal]?;
    let steps = &paths[g.goal];
    let mut states: Vec<usize> = steps.iter().map(|(u, _)| *u).collect();
    states.push(g.goal);
    let edges: Vec<Edge> = steps.iter().map(|(_, e)| *e).collect();
    Some(Path {
        criteria: criteria_of(g, &states, &edges),
        states,
        edges,
    })
}

/// Every route up to `g.max_moves` moves, filtered to its Pareto set: the
/// reference [`pareto_routes`] is tested against. Exponential; for tests.
pub fn brute_force(g: &Graph) -> Vec<Path> {
    let mut all = Vec::new();
    let mut states = vec![g.start];
    let mut edges = Vec::new();
    enumerate(g, &mut states, &mut edges, &mut all);
    let mut pareto: Vec<Path> = Vec::new();
    for p in &all {
        let dominated = all
            .iter()
            .any(|q| q.criteria.dominates(&p.criteria) && !p.criteria.dominates(&q.criteria));
        let duplicate = pareto
            .iter()
            .any(|q| q.criteria.dominates(&p.criteria) && p.criteria.dominates(&q.criteria));
        if !dominated && !duplicate {
            pareto.push(p.clone());
        }
    }
    sort_paths(&mut pareto);
    pareto
}

fn enumerate(g: &Graph, states: &mut Vec<usize>, edges: &mut Vec<Edge>, out: &mut Vec<Path>) {
    let here = *states.last().unwrap_or(&g.start);
    if here == g.goal && !edges.is_empty() {
        out.push(Path {
            states: states.clone(),
            edges: edges.clone(),
            criteria: criteria_of(g, states, edges),
        });
        return;
    }
    if edges.len() == g.max_moves {
        return;
    }
    for e in &g.edges[here] {
        let years: f64 = edges.iter().map(|x| x.years).sum::<f64>() + e.years;
        if years > g.horizon + 1e-9 {
            continue;
        }
        states.push(e.to);
        edges.push(*e);
        enumerate(g, states, edges, out);
        states.pop();
        edges.pop();
    }
}

/// The criteria of a path, computed directly from its definition.
pub fn criteria_of(g: &Graph, states: &[usize], edges: &[Edge]) -> Criteria {
    let years: f64 = edges.iter().map(|e| e.years).sum();
    let earned: f64 = states
        .iter()
        .zip(edges)
        .map(|(s, e)| g.salary[*s] * e.years)
        .sum();
    Criteria {
        years,
        probability: edges.iter().map(|e| e.probability).product(),
        min_salary: states
            .iter()
            .map(|s| g.salary[*s])
            .fold(f64::INFINITY, f64::min),
        earnings: earned + g.salary[g.goal] * (g.horizon - years),
        moves: edges.len(),
    }
}

/// Fastest first, then most likely, then fewest moves.
fn sort_paths(paths: &mut [Path]) {
    paths.sort_by(|a, b| {
        a.criteria
            .years
            .total_cmp(&b.criteria.years)
            .then(b.criteria.probability.total_cmp(&a.criteria.probability))
            .then(a.criteria.moves.cmp(&b.criteria.moves))
            .then(b.criteria.earnings.total_cmp(&a.criteria.earnings))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the property test needs no crate.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
        fn unit(&mut self) -> f64 {
            (self.next() >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    fn random_graph(rng: &mut Rng) -> Graph {
        let n = 2 + rng.below(6) as usize;
        let salary = (0..n)
            .map(|_| (40 + rng.below(120)) as f64 * 1000.0)
            .collect();
        let edges = (0..n)
            .map(|_| {
                (0..rng.below(5))
                    .map(|_| Edge {
                        to: rng.below(n as u64) as usize,
                        // Whole and half years make ties, which must be handled too.
                        years: (rng.below(8) as f64) * 0.5
                            + if rng.below(4) == 0 { rng.unit() } else { 0.0 },
                        probability: 0.2 + 0.8 * rng.unit(),
                    })
                    .collect()
            })
            .collect();
        Graph {
            salary,
            edges,
            start: 0,
            goal: n - 1,
            horizon: 2.0 + rng.below(10) as f64,
            max_moves: 1 + rng.below(4) as usize,
        }
    }

    fn key(paths: &[Path]) -> Vec<[i64; 5]> {
        let mut v: Vec<[i64; 5]> = paths
            .iter()
            .map(|p| {
                let c = p.criteria;
                [
                    (c.years * 1e6).round() as i64,
                    (c.probability * 1e9).round() as i64,
                    c.min_salary.round() as i64,
                    c.earnings.round() as i64,
                    c.moves as i64,
                ]
            })
            .collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn rounds_find_exactly_the_brute_force_pareto_set() {
        let mut rng = Rng(0x5eed_cafe_f00d);
        let mut nonempty = 0;
        for case in 0..2000 {
            let g = random_graph(&mut rng);
            let fast = pareto_routes(&g);
            let slow = brute_force(&g);
            assert_eq!(key(&fast), key(&slow), "case {case}: {g:#?}");
            nonempty += usize::from(!slow.is_empty());
            for p in &fast {
                // Routes end at the goal, respect the horizon and move limit,
                // and their reported criteria are their real criteria.
                assert_eq!(p.states.first(), Some(&g.start));
                assert_eq!(p.states.last(), Some(&g.goal));
                assert!(p.criteria.years <= g.horizon + 1e-9 && p.criteria.moves <= g.max_moves);
                let direct = criteria_of(&g, &p.states, &p.edges);
                assert!((direct.earnings - p.criteria.earnings).abs() < 1e-3);
                assert!(fast.iter().all(|q| std::ptr::eq(p, q)
                    || !q.criteria.dominates(&p.criteria)
                    || p.criteria.dominates(&q.criteria)));
            }
        }
        assert!(
            nonempty > 500,
            "the generator must produce reachable goals ({nonempty})"
        );
    }

    #[test]
    fn fastest_matches_the_quickest_brute_force_route() {
        let mut rng = Rng(0xfeed_beef);
        for case in 0..1000 {
            let mut g = random_graph(&mut rng);
            g.horizon = 1e9;
            let quickest = brute_force(&g)
                .iter()
                .map(|p| p.criteria.years)
                .fold(f64::INFINITY, f64::min);
            match fastest(&g) {
                Some(p) => {
                    assert!((p.criteria.years - quickest).abs() < 1e-9, "case {case}");
                    assert_eq!(p.states.last(), Some(&g.goal));
                }
                None => assert!(quickest.is_infinite(), "case {case}"),
            }
        }
    }

    #[test]
    fn a_step_down_can_beat_the_climb() {
        // 0 = start, 1 = a lower position with a short path up, 2 = goal.
        let g = Graph {
            salary: vec![100_000.0, 80_000.0, 150_000.0],
            edges: vec![
                vec![
                    Edge {
                        to: 2,
                        years: 6.0,
                        probability: 0.3,
                    },
                    Edge {
                        to: 1,
                        years: 0.5,
                        probability: 0.9,
                    },
                ],
                vec![Edge {
                    to: 2,
                    years: 2.0,
                    probability: 0.7,
                }],
                vec![],
            ],
            start: 0,
            goal: 2,
            horizon: 8.0,
            max_moves: 4,
        };
        let routes = pareto_routes(&g);
        assert_eq!(routes[0].states, [0, 1, 2]);
        assert!((routes[0].criteria.years - 2.5).abs() < 1e-9);
        assert!((routes[0].criteria.min_salary - 80_000.0).abs() < 1e-9);
        // The direct climb stays: it keeps a higher lowest salary.
        assert!(routes.iter().any(|r| r.states == [0, 2]));
    }
}
