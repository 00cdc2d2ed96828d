//! Multi-criteria route search on an abstract graph whose moves take
//! path-dependent time: rounds (round k = routes of k moves) with a bag of
//! labels per state, and the brute-force enumeration it is tested against.
//!
//! Criteria of a route from `start` to `goal`: years to the goal (less is
//! better), probability of making every move (more), the lowest salary
//! along the route (more), earnings over the horizon (more), number of
//! moves (fewer).
//!
//! **Experience accumulates.** Every state belongs to an occupation slot.
//! A year spent in slot `a` counts as `related[a][b]` years of experience
//! toward slot `b` (1 toward itself), on top of the experience the person
//! starts with (`credit`). A move from `u` to `v` happens after the edge's
//! least stay, or, if later, once the experience credited toward `v`'s
//! slot reaches `need[v]`: years in `u` are credited at `related[u][v]`.
//! Durations therefore depend on the whole path, so a label carries the
//! experience it has credited toward every slot.
//!
//! **Schooling accumulates too.** A state may require years of schooling
//! (`schooling[v]`, in all: a bachelor's is 16) that the person (`schooled`
//! at the start) may lack; the move into it waits, in the state before, until the
//! difference is studied, alongside the work there. Entering a state
//! raises the schooling a route carries to at least what it required.
//! Study longer than `full_time_study` years is full-time: those years
//! earn nothing and count as no experience, and the route's lowest salary
//! is then 0 (a graph may forbid such study: `unpaid_allowed`).
//!
//! **An offer in hand** ([`Graph::offered`]): the move from the start into
//! an offered state asks only its edge's stay — no experience, no study;
//! the employer has weighed the person.
//!
//! **A route never returns** to a post it has left. It re-enters no
//! occupation slot it has left, except the person's own ([`Home`]) when
//! the graph allows it (their way up there is closed), and that only at a
//! rank (`rank`, the grade) above every rank they held there: a switchback
//! comes back higher (a blocked first officer who captains for a regional
//! airline returns to the majors as a captain), never to the grade given
//! up — unless the person lost the post there ([`Home::lost`]): then
//! only ranks the route itself held bar a return below them. A detour
//! out and back for a year of other work's pay (an accountant
//! made a financial advisor on the way to lead accountant) is no route. A
//! route that starts elsewhere (an option's onward route) has left home
//! already, holding its grade there. A label carries the highest rank held
//! at home before it last left it.
//!
//! **A promotion is not given back**: a route does not step down (to a
//! lower rank) into a lower salary out of a state it stepped up into. Such
//! a climb only to step down again adds a landing to risk for a year's
//! higher pay — no coach's advice (a counsellor hired a grade up for a
//! year before stepping down into the goal). A step down by grade into
//! better-paid work gives nothing back (a nurse made lead while she
//! studies, then a nurse practitioner).
//!
//! **Why the pruning is exact.** A label is pruned only when another label
//! at the same state (a) has credited *exactly* the same experience toward
//! every slot it may still enter, has gathered exactly the same
//! schooling, has left no slot the other has not left, held no higher
//! rank than the other at home before leaving it nor, at home, since
//! entering it (so wherever the other may re-enter, it may too), did not
//! step up
//! into the state unless the other did (so it may step down wherever the
//! other may), and (b) is at
//! least as good on (years, probability, lowest salary, earnings projected
//! at the goal salary, moves). Equal credit means every continuation takes
//! the same time from either label, so the gap in time persists to the end
//! and the final earnings differ by exactly `(E1 − E2) + s_goal·(t2 − t1)`
//! — the projected comparison. (More credit alone would not do: a label
//! that moves on sooner also credits less on the way; nor would more
//! schooling, which shortens stays and so credits less experience.) A
//! label is also cut
//! when even the least stays could not bring it to the goal within the
//! horizon in the moves left, or when its probability falls below the
//! graph's floor — a bound the brute force applies identically.

/// A move between two states.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Edge {
    /// The destination state.
    pub to: usize,
    /// The least years in the source state before this move (in a
    /// [`Path`], the years actually spent).
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
    /// The occupation slot of each state (fewer than 64 slots).
    pub slot: Vec<usize>,
    /// `related[a][b]`: what a year in slot `a` counts toward slot `b`.
    pub related: Vec<Vec<f64>>,
    /// Years of related experience each state requires before moving in.
    pub need: Vec<f64>,
    /// Experience credited toward each slot before the route starts.
    pub credit: Vec<f64>,
    /// Years of schooling each state requires before moving in.
    pub schooling: Vec<f64>,
    /// Years of schooling the person has at the start.
    pub schooled: f64,
    /// Study longer than this many years is done full-time, unpaid.
    pub full_time_study: f64,
    /// Whether a route may take unpaid study at all (not under a pay
    /// floor).
    pub unpaid_allowed: bool,
    /// Routes less likely than this are not considered.
    pub min_probability: f64,
    /// The most labels kept at a state other than the goal (0: no limit).
    /// With a limit, the search is bounded rather than exact: when a bag is
    /// full, one label gives way — the arriving one if another in the bag
    /// is as fast and as likely, else the latest such, else the latest of
    /// all (`Arena::worst`).
    pub bag_limit: usize,
    /// The start pays nothing (the person is out of work): a route's
    /// lowest salary is that of the states it moves into, and waiting at
    /// the start gathers no experience (there is no post to gather it in).
    pub start_unpaid: bool,
    /// States the person holds an offer for: moved into from the start,
    /// they ask no experience and no study — the employer has weighed the
    /// person, as the advisor takes an offer in hand ([`Graph::offer`]).
    pub offered: Vec<usize>,
    /// The least years of study a state asks of a person short of its
    /// schooling, whatever they lack (empty: only what they lack): a
    /// medical degree is its whole programme, not the two years between a
    /// master's and it.
    pub study_floor: Vec<f64>,
    /// The rank (grade) of each state; empty when all are equal.
    pub rank: Vec<u8>,
    /// The person's own occupation, when the graph holds it: the one slot
    /// a route may come back to (see the module docs).
    pub home: Option<Home>,
}

/// The person's own occupation in a graph ([`Graph::home`]).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Home {
    /// Its slot.
    pub slot: usize,
    /// The rank the person holds there, when the route starts in another
    /// slot (it has left home already); ignored when it starts at home,
    /// and no bar to a return when the post was lost ([`Self::bar`]).
    pub held: u8,
    /// Whether a route may come back once it has left, above every rank
    /// held there: the person's way up at home is closed, and going out
    /// to come back higher is the switchback. Otherwise it never comes
    /// back.
    pub returns: bool,
    /// Whether the person lost the post they held there (out of work):
    /// getting back to their work, at any grade, is no return to a post
    /// they left — a laid-off lead flight attendant who takes a hotel's
    /// front desk to pay the rent may fly again as a senior one. Only the
    /// grades a route itself holds at home bar a return below them.
    pub lost: bool,
}

impl Home {
    /// Whether rank `rank` is one a route may come back at, having held
    /// at most `held` at home.
    fn admits(&self, rank: u8, held: u8) -> bool {
        self.returns && rank > held
    }

    /// The rank a return must pass for the post held before the route: the
    /// rank held, or none (0) for a post the person lost.
    pub fn bar(&self) -> u8 {
        if self.lost { 0 } else { self.held }
    }
}

/// The criteria of a route.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Criteria {
    /// Years until the goal is reached.
    pub years: f64,
    /// Product of the moves' probabilities.
    pub probability: f64,
    /// Lowest salary of any state on the route, start and goal included
    /// (the start left out when it pays nothing: [`Graph::start_unpaid`]).
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
    /// The edges taken, in order, with the years actually spent.
    pub edges: Vec<Edge>,
    /// Its criteria.
    pub criteria: Criteria,
}

impl Graph {
    /// The lowest salary a route has before its first move: the start's,
    /// unless it pays nothing because the person is out of work.
    fn start_floor(&self) -> f64 {
        if self.start_unpaid {
            f64::INFINITY
        } else {
            self.salary[self.start]
        }
    }

    /// Years spent in `from` before taking `e`, given the experience
    /// credited and the schooling gathered so far; `None` when the
    /// destination's experience can never be gathered there. Hundredths of
    /// a year (under four days): finer figures are noise, and coarser ones
    /// let horizons compare exactly.
    pub fn duration(&self, from: usize, e: &Edge, credit: &[f64], schooled: f64) -> Option<f64> {
        if self.offer(from, e.to) {
            return Some((e.years * 100.0).round() / 100.0);
        }
        let (a, b) = (self.slot[from], self.slot[e.to]);
        let short = self.need[e.to] - credit[b];
        // Out of work, the start is no post: waiting there gathers no
        // experience.
        let idle = from == self.start && self.start_unpaid;
        let by_experience = if short <= 1e-9 {
            0.0
        } else if self.related[a][b] > 0.0 && !idle {
            short / self.related[a][b]
        } else {
            return None;
        };
        let by_study = self.study(e.to, schooled);
        let years = (e.years.max(by_experience).max(by_study) * 100.0).round() / 100.0;
        years.is_finite().then_some(years)
    }

    /// The rank of state `v` ([`Graph::rank`]; 0 when ranks are not given).
    fn rank(&self, v: usize) -> u8 {
        self.rank.get(v).copied().unwrap_or(0)
    }

    /// Home, when the route starts elsewhere: the slot left before the
    /// start, and the rank held there.
    fn left_home(&self) -> Option<Home> {
        self.home.filter(|h| h.slot != self.slot[self.start])
    }

    /// Whether a route that has left slot `slot`, holding at most rank
    /// `held` there, may enter state `v` of it again.
    fn comes_back(&self, slot: usize, v: usize, held: u8) -> bool {
        self.home
            .is_some_and(|h| h.slot == slot && h.admits(self.rank(v), held))
    }

    /// Whether a route that stepped up into `from` may move on to `to`:
    /// not a step down into lower pay, which gives the promotion back.
    fn keeps_promotion(&self, from: usize, to: usize) -> bool {
        self.rank(to) >= self.rank(from) || self.salary[to] >= self.salary[from]
    }

    /// Whether the move from `from` to `to` takes an offer in hand
    /// ([`Graph::offered`]): from the start, into an offered state.
    pub fn offer(&self, from: usize, to: usize) -> bool {
        from == self.start && self.offered.contains(&to)
    }

    /// Years of study a person with `schooled` years needs before moving
    /// into `to` (0 when they have enough).
    pub fn study(&self, to: usize, schooled: f64) -> f64 {
        let short = self.schooling[to] - schooled;
        if short <= 1e-9 {
            0.0
        } else {
            short.max(self.study_floor.get(to).copied().unwrap_or(0.0))
        }
    }

    /// The years of that study that earn nothing: all of it when it is
    /// longer than [`Graph::full_time_study`], else none.
    pub fn unpaid(&self, to: usize, schooled: f64) -> f64 {
        let study = self.study(to, schooled);
        if study > self.full_time_study + 1e-9 {
            study
        } else {
            0.0
        }
    }

    /// The years of a stay of `stay` in `from` that count as work
    /// experience: none of full-time study (`unpaid`), and none at all at
    /// the start of a person out of work — no post, no experience, study
    /// or not.
    fn worked(&self, from: usize, stay: f64, unpaid: f64) -> f64 {
        if from == self.start && self.start_unpaid {
            0.0
        } else {
            stay - unpaid
        }
    }

    /// Credits `years` in `from` toward every slot.
    fn credit_stay(&self, from: usize, years: f64, credit: &mut [f64]) {
        let row = &self.related[self.slot[from]];
        for (c, r) in credit.iter_mut().zip(row) {
            *c += years * r;
        }
    }

    fn valid(&self) -> bool {
        let n = self.salary.len();
        let slots = self.related.len();
        self.start < n
            && self.goal < n
            && self.edges.len() == n
            && self.slot.len() == n
            && self.need.len() == n
            && self.schooling.len() == n
            && self.credit.len() == slots
            && slots <= 64
            && (self.rank.is_empty() || self.rank.len() == n)
            && (self.study_floor.is_empty() || self.study_floor.len() == n)
            && self.home.is_none_or(|h| h.slot < slots)
            && self.slot.iter().all(|&s| s < slots)
            && self.related.iter().all(|r| r.len() == slots)
            // One truth for an unpaid start: its salary is nothing.
            && (!self.start_unpaid || self.salary[self.start] == 0.0)
    }
}

#[derive(Clone, Copy, Debug)]
struct Label {
    state: usize,
    years: f64,
    earned: f64,
    probability: f64,
    min_salary: f64,
    moves: usize,
    /// Years of schooling the route has gathered (the person's, raised by
    /// each state entered).
    schooled: f64,
    /// Slots the route has moved out of.
    left: u64,
    /// The highest rank held at home ([`Graph::home`]) before the route
    /// last left it (0 while it has not).
    home_held: u8,
    /// The highest rank held in the slot the route is in, since it entered
    /// it.
    here_high: u8,
    /// The route stepped up into its state: it may not step down next.
    climbed: bool,
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

/// Labels and the experience each has credited, side by side.
struct Arena {
    labels: Vec<Label>,
    credit: Vec<f64>,
    slots: usize,
}

impl Arena {
    fn credit(&self, i: usize) -> &[f64] {
        &self.credit[i * self.slots..(i + 1) * self.slots]
    }

    fn push(&mut self, l: Label, credit: &[f64]) -> usize {
        self.labels.push(l);
        self.credit.extend_from_slice(credit);
        self.labels.len() - 1
    }

    /// Drops the label pushed last.
    fn pop(&mut self) {
        self.labels.pop();
        self.credit.truncate(self.labels.len() * self.slots);
    }

    /// Whether label `a` makes `b` (at the same state) useless: see the
    /// module docs. Credit is compared clipped at the most any state of
    /// the slot needs (beyond it, more changes nothing), and only toward
    /// slots `b` may still enter; schooling must be equal, as credit.
    fn prunes(&self, g: &Graph, bounds: &SlotBounds, a: usize, b: usize) -> bool {
        let (la, lb) = (&self.labels[a], &self.labels[b]);
        // `b` may never enter slot `s` again: it left it, and cannot come
        // back above the ranks it held there.
        let closed = |s: usize| lb.left & (1 << s) != 0 && !bounds.reopens(s, lb.home_held);
        let at_home = bounds.home.is_some_and(|h| h.slot == g.slot[la.state]);
        la.left & !lb.left == 0
            && la.home_held <= lb.home_held
            && (!at_home || la.here_high <= lb.here_high)
            && (!la.climbed || lb.climbed)
            && (la.schooled - lb.schooled).abs() < 1e-9
            && self
                .credit(a)
                .iter()
                .zip(self.credit(b))
                .zip(&bounds.ceiling)
                .enumerate()
                .all(|(s, ((x, y), c))| closed(s) || (x.min(*c) - y.min(*c)).abs() < 1e-9)
            && la.projected(g).dominates(&lb.projected(g))
    }

    /// The label a full bag gives up first, `arriving` being the one just
    /// put in. Labels in one bag differ in the experience they carry,
    /// which is why neither pruned the other; the one that matters least
    /// goes: the arriving label if another is at least as fast and as
    /// likely, else the latest (then least likely) of those another is at
    /// least as fast and as likely as, else the latest of all. Giving up
    /// the latest alone would drop a likelier route that took longer — a
    /// step down, say — in favour of faster, unlikelier labels.
    fn worst(&self, bag: &[usize], arriving: usize) -> Option<usize> {
        let beats = |a: usize, b: usize| {
            let (la, lb) = (&self.labels[a], &self.labels[b]);
            a != b
                && la.years <= lb.years + 1e-9
                && la.probability >= lb.probability - 1e-12
                && (la.years < lb.years - 1e-9 || la.probability > lb.probability + 1e-12 || a < b)
        };
        let beaten = |b: usize| bag.iter().any(|&a| beats(a, b));
        if beaten(arriving) {
            return Some(arriving);
        }
        let latest = |pool: &mut dyn Iterator<Item = usize>| {
            pool.max_by(|&a, &b| {
                let (la, lb) = (&self.labels[a], &self.labels[b]);
                la.years
                    .total_cmp(&lb.years)
                    .then(lb.probability.total_cmp(&la.probability))
                    .then(a.cmp(&b))
            })
        };
        latest(&mut bag.iter().copied().filter(|&b| beaten(b)))
            .or_else(|| latest(&mut bag.iter().copied()))
    }
}

/// The Pareto-optimal routes from `g.start` to `g.goal`, by rounds.
pub fn pareto_routes(g: &Graph) -> Vec<Path> {
    if !g.valid() {
        return Vec::new();
    }
    let n = g.salary.len();
    let slots = g.related.len();
    let mut arena = Arena {
        labels: Vec::new(),
        credit: Vec::new(),
        slots,
    };
    let first = Label {
        state: g.start,
        years: 0.0,
        earned: 0.0,
        probability: 1.0,
        min_salary: g.start_floor(),
        moves: 0,
        schooled: g.schooled,
        left: g.left_home().map_or(0, |h| 1 << h.slot),
        home_held: g.left_home().map_or(0, |h| h.bar()),
        // A post lost bars no return below it ([`Home::lost`]): the
        // start, when it is that post (the person out of work); a start
        // at home in work is a post the route holds.
        here_high: match g.home {
            Some(h) if h.lost && g.start_unpaid && h.slot == g.slot[g.start] => 0,
            _ => g.rank(g.start),
        },
        climbed: false,
        parent: None,
    };
    arena.push(first, &g.credit);
    let least = least_time_to_goal(g);
    let bounds = SlotBounds::of(g);
    let mut bags: Vec<Vec<usize>> = vec![Vec::new(); n];
    bags[g.start].push(0);
    let mut frontier = vec![0usize];
    let mut credit = vec![0f64; slots];
    for round in 1..=g.max_moves {
        let mut next = Vec::new();
        for &li in &frontier {
            let l = arena.labels[li];
            // A route ends when it reaches the goal.
            if l.state == g.goal && round > 1 {
                continue;
            }
            for e in &g.edges[l.state] {
                let step = Step {
                    li,
                    e,
                    round,
                    least: &least,
                };
                let Some(cand) = extend(g, &arena, &step, &mut credit) else {
                    continue;
                };
                let ci = arena.push(cand, &credit);
                if !admit(g, &mut arena, &bounds, &mut bags[e.to], ci) {
                    arena.pop();
                    continue;
                }
                next.push(ci);
            }
        }
        // Labels pruned after being queued are not extended.
        next.retain(|li| bags[arena.labels[*li].state].contains(li));
        frontier = next;
        if frontier.is_empty() {
            break;
        }
    }
    let goal_labels: Vec<usize> = bags[g.goal]
        .iter()
        .copied()
        .filter(|&li| arena.labels[li].moves > 0)
        .collect();
    let mut out: Vec<Path> = goal_labels
        .iter()
        .filter(|&&li| {
            // At the goal the route is over: only its criteria matter.
            let c = arena.labels[li].projected(g);
            !goal_labels.iter().any(|&o| {
                let d = arena.labels[o].projected(g);
                o != li && d.dominates(&c) && (!c.dominates(&d) || o < li)
            })
        })
        .map(|&li| path_of(g, &arena.labels, li))
        .collect();
    sort_paths(&mut out);
    out
}

/// Puts label `ci` in its state's bag unless a label there prunes it,
/// dropping the labels it prunes, and, at a full bag (not the goal's),
/// giving way or making way by [`Arena::worst`]. Whether it was kept.
fn admit(
    g: &Graph,
    arena: &mut Arena,
    bounds: &SlotBounds,
    bag: &mut Vec<usize>,
    ci: usize,
) -> bool {
    if bag.iter().any(|&b| arena.prunes(g, bounds, b, ci)) {
        return false;
    }
    bag.retain(|&b| !arena.prunes(g, bounds, ci, b));
    let state = arena.labels[ci].state;
    if g.bag_limit > 0 && state != g.goal && bag.len() >= g.bag_limit {
        bag.push(ci);
        let worst = arena.worst(bag, ci);
        bag.retain(|&b| Some(b) != worst);
        return worst != Some(ci);
    }
    bag.push(ci);
    true
}

/// What each slot asks at most — the experience any of its states needs
/// (credit beyond it changes nothing) — and the slot a route may come back
/// to, with its top rank (a route that left it holding that rank can never
/// enter it again).
struct SlotBounds {
    ceiling: Vec<f64>,
    home: Option<Home>,
    home_top: u8,
}

impl SlotBounds {
    fn of(g: &Graph) -> SlotBounds {
        let mut bounds = SlotBounds {
            ceiling: vec![0.0; g.related.len()],
            home: g.home,
            home_top: 0,
        };
        for (v, &slot) in g.slot.iter().enumerate() {
            bounds.ceiling[slot] = bounds.ceiling[slot].max(g.need[v]);
            if bounds.home.is_some_and(|h| h.slot == slot) {
                bounds.home_top = bounds.home_top.max(g.rank(v));
            }
        }
        bounds
    }

    /// Whether a route that left slot `s`, holding `held` at home, may
    /// still enter it again.
    fn reopens(&self, s: usize, held: u8) -> bool {
        self.home
            .is_some_and(|h| h.slot == s && h.admits(self.home_top, held))
    }
}

/// Where a label stands after a move, for the no-return rules: the slots
/// it has left, the highest rank held since entering its slot, and the
/// highest held at home before it last left it.
struct Places {
    left: u64,
    here_high: u8,
    home_held: u8,
}

/// [`Places`] after label `l` moves into state `to`, unless the move
/// returns where the route may not (see the module docs) or gives a
/// promotion back.
fn places(g: &Graph, l: &Label, to: usize) -> Option<Places> {
    let (from_slot, to_slot) = (g.slot[l.state], g.slot[to]);
    let (left, here_high) = if from_slot != to_slot {
        (l.left | (1u64 << from_slot), g.rank(to))
    } else {
        (l.left, l.here_high.max(g.rank(to)))
    };
    let leaves_home = g.home.is_some_and(|h| h.slot == from_slot) && to_slot != from_slot;
    let home_held = if leaves_home {
        l.home_held.max(l.here_high)
    } else {
        l.home_held
    };
    let returns = left & (1u64 << to_slot) != 0;
    if returns && !g.comes_back(to_slot, to, home_held) {
        return None;
    }
    if l.climbed && !g.keeps_promotion(l.state, to) {
        return None;
    }
    Some(Places {
        left,
        here_high,
        home_held,
    })
}

/// One extension of a label: the label (`li`), the edge, the round, and
/// the least years from each state to the goal by moves left.
struct Step<'a> {
    li: usize,
    e: &'a Edge,
    round: usize,
    least: &'a [Vec<f64>],
}

/// The label reached by `step`, with its credit in `credit`, unless a
/// bound or the no-return rule rules it out.
fn extend(g: &Graph, arena: &Arena, step: &Step<'_>, credit: &mut [f64]) -> Option<Label> {
    let Step {
        li,
        e,
        round,
        least,
    } = *step;
    let l = &arena.labels[li];
    let Places {
        left,
        here_high,
        home_held,
    } = places(g, l, e.to)?;
    let probability = l.probability * e.probability;
    if probability < g.min_probability - 1e-12 {
        return None;
    }
    let stay = g.duration(l.state, e, arena.credit(li), l.schooled)?;
    let years = l.years + stay;
    // A label that cannot reach the goal within the horizon in the moves
    // left, even at the least stays, leads to no route.
    if years + least[g.max_moves - round][e.to] > g.horizon + 1e-9 {
        return None;
    }
    let unpaid = if g.offer(l.state, e.to) {
        0.0
    } else {
        g.unpaid(e.to, l.schooled)
    };
    if unpaid > 0.0 && !g.unpaid_allowed {
        return None;
    }
    credit.copy_from_slice(arena.credit(li));
    // Full-time study is no work: only the rest of the stay is experience.
    g.credit_stay(l.state, g.worked(l.state, stay, unpaid), credit);
    Some(Label {
        state: e.to,
        years,
        earned: l.earned + g.salary[l.state] * (stay - unpaid),
        probability,
        min_salary: l.min_salary.min(g.salary[e.to]).min(if unpaid > 0.0 {
            0.0
        } else {
            f64::INFINITY
        }),
        moves: round,
        schooled: l.schooled.max(g.schooling[e.to]),
        left,
        home_held,
        here_high,
        climbed: g.rank(e.to) > g.rank(l.state),
        parent: Some((li, Edge { years: stay, ..*e })),
    })
}

fn path_of(g: &Graph, labels: &[Label], li: usize) -> Path {
    let mut states = vec![labels[li].state];
    let mut edges = Vec::new();
    let mut cur = li;
    while let Some((p, e)) = labels[cur].parent {
        edges.push(e);
        states.push(labels[p].state);
        cur = p;
    }
    states.reverse();
    edges.reverse();
    Path {
        states,
        edges,
        criteria: labels[li].projected(g),
    }
}

/// `least[r][v]`: the least years from `v` to the goal in at most `r`
/// moves at the edges' least stays (0 at the goal, infinite where it
/// cannot be reached): a lower bound whatever the experience.
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

#[cfg(test)]
/// Every route up to `g.max_moves` moves, filtered to its Pareto set: the
/// reference [`pareto_routes`] is tested against. Exponential; for tests.
pub fn brute_force(g: &Graph) -> Vec<Path> {
    if !g.valid() {
        return Vec::new();
    }
    let mut all = Vec::new();
    let mut states = vec![g.start];
    enumerate(g, &mut states, &mut all);
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

#[cfg(test)]
fn enumerate(g: &Graph, states: &mut Vec<usize>, out: &mut Vec<Path>) {
    let here = *states.last().unwrap_or(&g.start);
    if here == g.goal && states.len() > 1 {
        if let Some(p) = walk(g, states) {
            out.push(p);
        }
        return;
    }
    if states.len() > g.max_moves {
        return;
    }
    for e in &g.edges[here] {
        states.push(e.to);
        // Prefixes that break the horizon, the floor or the no-return rule
        // only get worse: stop there.
        if walk_prefix(g, states).is_some() {
            enumerate(g, states, out);
        }
        states.pop();
    }
}

#[cfg(test)]
/// Walks a path of states from the definitions alone: its edges (the most
/// likely of parallel edges is not chosen — every edge is its own path, so
/// the first matching edge is used, as graphs here have no parallel edges),
/// durations, credit and criteria. `None` if it breaks a rule.
fn walk_prefix(g: &Graph, states: &[usize]) -> Option<(Vec<Edge>, f64, f64, f64, bool)> {
    let mut credit = g.credit.clone();
    let mut schooled = g.schooled;
    let mut unpaid_study = false;
    let (mut years, mut earned, mut probability) = (0.0, 0.0, 1.0);
    let mut edges = Vec::new();
    for (i, w) in states.windows(2).enumerate() {
        let e = g.edges[w[0]].iter().find(|e| e.to == w[1])?;
        // No return, from the definition: a slot the route has been in
        // and left since (home counts as left, at the rank held, when the
        // route starts elsewhere) is entered again only if it is home and
        // home allows it, above every rank held there.
        let slot = g.slot[w[1]];
        let home = g.home.filter(|h| h.slot == slot);
        // A post lost before the route bars no return ([`Home::lost`]),
        // the start among them when it is that post.
        let lost = home.is_some_and(|h| h.lost) && g.start_unpaid;
        let mut held: Vec<u8> = (0..=i)
            .filter(|&k| {
                g.slot[states[k]] == slot && states[k + 1..=i].iter().any(|&m| g.slot[m] != slot)
            })
            .map(|k| if k == 0 && lost { 0 } else { g.rank(states[k]) })
            .collect();
        if let Some(h) = home.filter(|h| h.slot != g.slot[g.start]) {
            held.push(h.bar());
        }
        let rank = g.rank(w[1]);
        let may_return = home.is_some_and(|h| h.returns && held.iter().all(|&r| rank > r));
        if !held.is_empty() && !may_return {
            return None;
        }
        // No promotion given back, from the definition: no step down into
        // lower pay out of a state stepped up into.
        let stepped_up = i > 0 && g.rank(w[0]) > g.rank(states[i - 1]);
        let gives_back = g.rank(w[1]) < g.rank(w[0]) && g.salary[w[1]] < g.salary[w[0]];
        if stepped_up && gives_back {
            return None;
        }
        probability *= e.probability;
        if probability < g.min_probability - 1e-12 {
            return None;
        }
        let stay = g.duration(w[0], e, &credit, schooled)?;
        // An offer in hand asks no study (stated here apart, as below).
        let offer = w[0] == g.start && g.offered.contains(&w[1]);
        let unpaid = if offer { 0.0 } else { g.unpaid(w[1], schooled) };
        if unpaid > 0.0 && !g.unpaid_allowed {
            return None;
        }
        unpaid_study |= unpaid > 0.0;
        // Out of work at the start, no stay there is experience (stated
        // here apart from `Graph::worked`, so the oracle checks it).
        let worked = if w[0] == g.start && g.start_unpaid {
            0.0
        } else {
            stay - unpaid
        };
        g.credit_stay(w[0], worked, &mut credit);
        schooled = schooled.max(g.schooling[w[1]]);
        earned += g.salary[w[0]] * (stay - unpaid);
        years += stay;
        if years > g.horizon + 1e-9 {
            return None;
        }
        edges.push(Edge { years: stay, ..*e });
    }
    Some((edges, years, earned, probability, unpaid_study))
}

#[cfg(test)]
fn walk(g: &Graph, states: &[usize]) -> Option<Path> {
    let (edges, years, earned, probability, unpaid_study) = walk_prefix(g, states)?;
    let paid_floor = if unpaid_study { 0.0 } else { f64::INFINITY };
    Some(Path {
        criteria: Criteria {
            years,
            probability,
            min_salary: states.iter().skip(1).map(|s| g.salary[*s]).fold(
                // Worked out here, not by the search's own helper.
                if g.start_unpaid {
                    paid_floor
                } else {
                    paid_floor.min(g.salary[states[0]])
                },
                f64::min,
            ),
            earnings: earned + g.salary[g.goal] * (g.horizon - years),
            moves: edges.len(),
        },
        states: states.to_vec(),
        edges,
    })
}

#[cfg(test)]
/// The criteria of a path of states, computed from the definitions alone.
pub fn criteria_of(g: &Graph, states: &[usize]) -> Option<Criteria> {
    walk(g, states).map(|p| p.criteria)
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

    /// An arena of labels at one state, by (years, probability).
    fn bag_of(labels: &[(f64, f64)]) -> (Arena, Vec<usize>) {
        let mut arena = Arena {
            labels: Vec::new(),
            credit: Vec::new(),
            slots: 1,
        };
        let bag = labels
            .iter()
            .map(|&(years, probability)| {
                let label = Label {
                    state: 0,
                    years,
                    earned: 0.0,
                    probability,
                    min_salary: 0.0,
                    moves: 1,
                    schooled: 0.0,
                    left: 0,
                    home_held: 0,
                    here_high: 0,
                    climbed: false,
                    parent: None,
                };
                arena.push(label, &[0.0])
            })
            .collect();
        (arena, bag)
    }

    #[test]
    fn a_full_bag_gives_up_the_label_that_matters_least() {
        // The arriving label (last) is slower and no likelier than one
        // already there: it goes, not an older one.
        let (arena, bag) = bag_of(&[(2.0, 0.5), (6.0, 0.9), (3.0, 0.4)]);
        assert_eq!(arena.worst(&bag, 2), Some(2));
        // The arriving label is on the front of time and chance: the
        // latest of the labels it (or another) beats goes — here the
        // slow, unlikely one, not the slow, likely step down.
        let (arena, bag) = bag_of(&[(5.0, 0.3), (6.0, 0.9), (2.0, 0.5)]);
        assert_eq!(arena.worst(&bag, 2), Some(0));
        // Every label trades time for chance: the latest of all goes.
        let (arena, bag) = bag_of(&[(2.0, 0.3), (6.0, 0.9), (4.0, 0.6)]);
        assert_eq!(arena.worst(&bag, 2), Some(1));
        // Two equal labels: the later-made gives way, never both kept.
        let (arena, bag) = bag_of(&[(3.0, 0.5), (3.0, 0.5)]);
        assert_eq!(arena.worst(&bag, 1), Some(1));
    }

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

    /// A random graph with path-dependent durations: states share slots,
    /// relatedness between slots is random, states need experience.
    fn random_graph(rng: &mut Rng) -> Graph {
        let n = 2 + rng.below(7) as usize;
        let slots = 1 + rng.below(n as u64) as usize;
        // One graph in four starts out of work, paid nothing there.
        let start_unpaid = rng.below(4) == 0;
        let salary = (0..n)
            .map(|s| {
                if s == 0 && start_unpaid {
                    0.0
                } else {
                    (40 + rng.below(120)) as f64 * 1000.0
                }
            })
            .collect();
        let edges = (0..n)
            .map(|u| {
                let mut out: Vec<Edge> = Vec::new();
                for _ in 0..rng.below(5) {
                    let to = rng.below(n as u64) as usize;
                    // Whole and half years make ties, which must be handled too.
                    let years = (rng.below(6) as f64) * 0.5
                        + if rng.below(4) == 0 { rng.unit() } else { 0.0 };
                    let probability = 0.2 + 0.8 * rng.unit();
                    if to != u && !out.iter().any(|e| e.to == to) {
                        out.push(Edge {
                            to,
                            years,
                            probability,
                        });
                    }
                }
                out
            })
            .collect();
        let related = (0..slots)
            .map(|a| {
                (0..slots)
                    .map(|b| {
                        if a == b {
                            1.0
                        } else if rng.below(3) == 0 {
                            0.0
                        } else {
                            rng.unit()
                        }
                    })
                    .collect()
            })
            .collect();
        let slot: Vec<usize> = (0..n).map(|_| rng.below(slots as u64) as usize).collect();
        let start_slot = slot[0];
        Graph {
            salary,
            edges,
            start: 0,
            goal: n - 1,
            horizon: 2.0 + rng.below(10) as f64,
            max_moves: 1 + rng.below(5) as usize,
            slot,
            related,
            need: (0..n)
                .map(|_| {
                    if rng.below(2) == 0 {
                        0.0
                    } else {
                        rng.below(8) as f64 * 0.5
                    }
                })
                .collect(),
            credit: (0..slots).map(|_| rng.below(4) as f64).collect(),
            schooling: (0..n)
                .map(|_| {
                    if rng.below(3) == 0 {
                        rng.below(5) as f64
                    } else {
                        0.0
                    }
                })
                .collect(),
            schooled: rng.below(3) as f64,
            full_time_study: if rng.below(2) == 0 {
                f64::INFINITY
            } else {
                rng.below(3) as f64
            },
            unpaid_allowed: rng.below(3) != 0,
            min_probability: if rng.below(2) == 0 { 0.0 } else { 0.1 },
            bag_limit: 0,
            start_unpaid,
            // One state in four is offered: moved into from the start, it
            // asks no experience and no study.
            offered: (1..n).filter(|_| rng.below(4) == 0).collect(),
            // One graph in three asks whole programmes of some states.
            study_floor: if rng.below(3) == 0 {
                (0..n).map(|_| rng.below(2) as f64 * 3.0).collect()
            } else {
                Vec::new()
            },
            // Two graphs in three rank their states, so routes may come
            // back to a slot higher than they left it.
            rank: if rng.below(3) > 0 {
                (0..n).map(|_| rng.below(4) as u8).collect()
            } else {
                Vec::new()
            },
            // Home is the start's slot, another, or none; most let routes
            // come back.
            home: match rng.below(5) {
                0 => None,
                k => Some(Home {
                    slot: if k > 2 {
                        start_slot
                    } else {
                        rng.below(slots as u64) as usize
                    },
                    held: rng.below(3) as u8,
                    returns: k > 1,
                    lost: rng.below(2) == 0,
                }),
            },
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
        let (mut nonempty, mut accumulated, mut studied, mut came_back) = (0, 0, 0, 0);
        let mut lost_regained = 0;
        for case in 0..5000 {
            let g = random_graph(&mut rng);
            let fast = pareto_routes(&g);
            let slow = brute_force(&g);
            assert_eq!(key(&fast), key(&slow), "case {case}: {g:#?}");
            nonempty += usize::from(!slow.is_empty());
            for p in &fast {
                // Routes end at the goal, respect the horizon and move limit,
                // never return to a slot they left, and their reported
                // criteria are their real criteria.
                assert_eq!(p.states.first(), Some(&g.start));
                assert_eq!(p.states.last(), Some(&g.goal));
                assert!(p.criteria.years <= g.horizon + 1e-9 && p.criteria.moves <= g.max_moves);
                let direct = criteria_of(&g, &p.states).expect("a valid route");
                assert!((direct.earnings - p.criteria.earnings).abs() < 1e-3);
                assert!((direct.years - p.criteria.years).abs() < 1e-9);
                // A slot left is entered again only if it is home and home
                // lets routes come back, and then only above every rank
                // held there before leaving — but for the start's, when it
                // is the post the person lost.
                let slots: Vec<usize> = p.states.iter().map(|s| g.slot[*s]).collect();
                let returns = g.home.filter(|h| h.returns).map(|h| h.slot);
                let lost_start = |k: usize| {
                    k == 0 && g.start_unpaid && g.home.is_some_and(|h| h.lost && h.slot == slots[0])
                };
                for (i, w) in slots.windows(2).enumerate() {
                    if w[0] != w[1] {
                        let high = (0..=i)
                            .filter(|&k| slots[k] == w[0] && !lost_start(k))
                            .map(|k| g.rank(p.states[k]))
                            .max();
                        for (j, _) in slots.iter().enumerate().skip(i + 1) {
                            let back = slots[j] == w[0];
                            let rank = g.rank(p.states[j]);
                            let admitted =
                                g.home.is_some_and(|h| h.admits(rank, high.unwrap_or(0)));
                            assert!(
                                !back || (Some(w[0]) == returns && admitted),
                                "case {case}: returns to slot {}",
                                w[0]
                            );
                        }
                    }
                }
                // Home left before the start is entered only above its rank.
                if let Some(h) = g.left_home() {
                    for (j, &v) in p.states.iter().enumerate() {
                        let home = slots[j] == h.slot;
                        assert!(!home || h.admits(g.rank(v), h.bar()), "case {case}");
                    }
                }
                // Some routes had to study on the way.
                let mut schooled = g.schooled;
                let mut had_to = false;
                for s in &p.states[1..] {
                    had_to |= g.schooling[*s] > schooled + 1e-9;
                    schooled = schooled.max(g.schooling[*s]);
                }
                studied += usize::from(had_to);
                // Some routes came back to a slot they had left.
                came_back += usize::from(p.states.iter().enumerate().any(|(j, &v)| {
                    (1..j).any(|m| g.slot[p.states[m]] != g.slot[v])
                        && p.states[..j].iter().any(|&k| g.slot[k] == g.slot[v])
                }));
                // Some routes of a person out of work came back to the post
                // lost at its grade or below, after other work.
                let lost_start =
                    g.start_unpaid && g.home.is_some_and(|h| h.lost && h.slot == g.slot[g.start]);
                lost_regained += usize::from(
                    lost_start
                        && p.states.iter().enumerate().any(|(j, &v)| {
                            g.slot[v] == g.slot[g.start]
                                && g.rank(v) <= g.rank(g.start)
                                && (1..j).any(|m| g.slot[p.states[m]] != g.slot[v])
                        }),
                );
                // Some durations were lengthened by the experience rule.
                accumulated += usize::from(p.edges.iter().zip(&p.states).any(|(e, s)| {
                    g.edges[*s]
                        .iter()
                        .any(|x| x.to == e.to && e.years > x.years + 1e-9)
                }));
            }
        }
        assert!(
            nonempty > 700,
            "the generator must produce reachable goals ({nonempty})"
        );
        assert!(
            accumulated > 100,
            "experience must lengthen some stays ({accumulated})"
        );
        assert!(studied > 100, "some routes must need schooling ({studied})");
        assert!(
            came_back > 20,
            "some routes must come back higher ({came_back})"
        );
        assert!(
            lost_regained > 0,
            "some routes must regain a lost post at or below its grade ({lost_regained})"
        );
    }

    #[test]
    fn study_is_done_in_the_position_before_and_carried_on() {
        // 0 = start (4 years of schooling), 1 = a role that needs 6, 2 = the
        // goal, which needs 6 as well.
        let edge = |to, years| Edge {
            to,
            years,
            probability: 0.9,
        };
        let g = Graph {
            // The role pays well enough that the longer route earns more.
            salary: vec![100_000.0, 300_000.0, 150_000.0],
            edges: vec![vec![edge(1, 1.0), edge(2, 0.5)], vec![edge(2, 1.0)], vec![]],
            start: 0,
            goal: 2,
            horizon: 20.0,
            max_moves: 3,
            slot: vec![0, 1, 2],
            related: vec![vec![1.0; 3]; 3],
            need: vec![0.0; 3],
            credit: vec![0.0; 3],
            schooling: vec![0.0, 6.0, 6.0],
            schooled: 4.0,
            full_time_study: f64::INFINITY,
            unpaid_allowed: true,
            min_probability: 0.0,
            bag_limit: 0,
            start_unpaid: false,
            offered: Vec::new(),
            study_floor: Vec::new(),
            rank: Vec::new(),
            home: None,
        };
        let routes = pareto_routes(&g);
        let direct = routes.iter().find(|r| r.states == [0, 2]).expect("direct");
        // Two years of study, not the half year the move would take.
        assert!((direct.criteria.years - 2.0).abs() < 1e-9, "{direct:?}");
        let via = routes.iter().find(|r| r.states == [0, 1, 2]).expect("via");
        // Studied once, before the first move; the goal asks nothing more.
        assert!((via.edges[0].years - 2.0).abs() < 1e-9, "{via:?}");
        assert!((via.edges[1].years - 1.0).abs() < 1e-9, "{via:?}");
    }

    #[test]
    fn a_route_comes_back_only_above_the_rank_it_left() {
        // Slot 0 is the person's occupation: 0 = the start (rank 1), 1 = its
        // next grade (rank 2), 4 = the goal, rank 2 in it. 2 (slot 1, rank
        // 1) and 3 (slot 2, rank 2) lie outside. Climbing to 1 and leaving
        // reaches 3 faster,
        // likelier and better paid than leaving at once through 2; but a
        // route that left holding rank 2 may not come back at rank 2, so
        // that label must not prune the other at 3, which may.
        let edge = |to, years, probability| Edge {
            to,
            years,
            probability,
        };
        let g = Graph {
            salary: vec![50_000.0, 60_000.0, 40_000.0, 55_000.0, 90_000.0],
            edges: vec![
                vec![edge(1, 1.0, 0.9), edge(2, 1.5, 0.8)],
                vec![edge(3, 1.0, 0.9)],
                vec![edge(3, 1.0, 0.8)],
                vec![edge(4, 1.0, 0.9)],
                vec![],
            ],
            start: 0,
            goal: 4,
            horizon: 10.0,
            max_moves: 3,
            slot: vec![0, 0, 1, 2, 0],
            related: vec![vec![1.0; 3]; 3],
            need: vec![0.0; 5],
            credit: vec![0.0; 3],
            schooling: vec![0.0; 5],
            rank: vec![1, 2, 1, 2, 2],
            home: Some(Home {
                slot: 0,
                held: 0,
                returns: true,
                lost: false,
            }),
            ..Graph::default()
        };
        let routes = pareto_routes(&g);
        assert_eq!(routes, brute_force(&g));
        let states: Vec<&[usize]> = routes.iter().map(|r| r.states.as_slice()).collect();
        assert_eq!(states, [[0, 2, 3, 4]]);
        // With the goal a grade higher, both come back.
        let higher = Graph {
            rank: vec![1, 2, 1, 2, 3],
            ..g
        };
        let routes = pareto_routes(&higher);
        assert_eq!(routes, brute_force(&higher));
        assert_eq!(routes[0].states, [0, 1, 3, 4]);
    }

    #[test]
    fn a_promotion_is_not_given_back() {
        // 0 = the start (rank 1), 1 = a grade up (rank 2), 2 = the goal at
        // rank 1 elsewhere. Climbing to 1 for its pay, then stepping down
        // into the goal, earns more than moving at once; it is no route.
        let edge = |to, years| Edge {
            to,
            years,
            probability: 0.9,
        };
        let g = Graph {
            salary: vec![50_000.0, 70_000.0, 55_000.0],
            edges: vec![vec![edge(1, 0.0), edge(2, 1.0)], vec![edge(2, 1.0)], vec![]],
            start: 0,
            goal: 2,
            horizon: 5.0,
            max_moves: 2,
            slot: vec![0, 0, 1],
            related: vec![vec![1.0; 2]; 2],
            need: vec![0.0; 3],
            credit: vec![0.0; 2],
            schooling: vec![0.0; 3],
            rank: vec![1, 2, 1],
            ..Graph::default()
        };
        let routes = pareto_routes(&g);
        assert_eq!(routes, brute_force(&g));
        let states: Vec<&[usize]> = routes.iter().map(|r| r.states.as_slice()).collect();
        assert_eq!(states, [[0, 2]]);
        // Unranked, the climb and the step down are two moves like any.
        let unranked = Graph {
            rank: Vec::new(),
            ..g
        };
        assert_eq!(pareto_routes(&unranked).len(), 2);
    }

    #[test]
    fn a_label_that_climbed_does_not_prune_one_that_may_step_down() {
        // 2 (rank 2) is reached faster and likelier by a step up from 3
        // (rank 1) than sideways from 1 (rank 2, in 3's slot: both routes
        // have left the same slots); only the latter may step down from it
        // into the goal 4 (rank 1).
        let edge = |to, years, probability| Edge {
            to,
            years,
            probability,
        };
        let g = Graph {
            salary: vec![50_000.0, 50_000.0, 70_000.0, 60_000.0, 60_000.0],
            edges: vec![
                vec![edge(1, 1.0, 0.8), edge(3, 0.5, 0.9)],
                vec![edge(2, 1.0, 0.8)],
                vec![edge(4, 1.0, 0.9)],
                vec![edge(2, 0.5, 0.9)],
                vec![],
            ],
            start: 0,
            goal: 4,
            horizon: 10.0,
            max_moves: 3,
            slot: vec![0, 1, 2, 1, 3],
            related: vec![vec![1.0; 4]; 4],
            need: vec![0.0; 5],
            credit: vec![0.0; 4],
            schooling: vec![0.0; 5],
            rank: vec![1, 2, 2, 1, 1],
            ..Graph::default()
        };
        let routes = pareto_routes(&g);
        assert_eq!(routes, brute_force(&g));
        let states: Vec<&[usize]> = routes.iter().map(|r| r.states.as_slice()).collect();
        assert_eq!(states, [[0, 1, 2, 4]]);
    }

    #[test]
    fn out_of_work_the_start_gathers_no_experience_even_while_studying() {
        // 0 = an out-of-work start (slot 0), 1 = a post asking a year more
        // schooling, studied alongside (slot 1), 2 = the goal in slot 1,
        // asking 1.5 years of experience that a year in slot 0 would count
        // fully. The year of study at the start is no work: the goal waits
        // 1.5 years in post 1, not 0.5 (then the 1-year least stay).
        let edge = |to, years| Edge {
            to,
            years,
            probability: 0.9,
        };
        let g = Graph {
            salary: vec![0.0, 50_000.0, 80_000.0],
            edges: vec![vec![edge(1, 0.0)], vec![edge(2, 1.0)], vec![]],
            start: 0,
            goal: 2,
            horizon: 10.0,
            max_moves: 2,
            slot: vec![0, 1, 1],
            related: vec![vec![1.0, 1.0], vec![0.0, 1.0]],
            need: vec![0.0, 0.0, 1.5],
            credit: vec![0.0, 0.0],
            schooling: vec![0.0, 13.0, 0.0],
            schooled: 12.0,
            full_time_study: 2.0,
            unpaid_allowed: true,
            min_probability: 0.0,
            bag_limit: 0,
            start_unpaid: true,
            offered: Vec::new(),
            study_floor: Vec::new(),
            rank: Vec::new(),
            home: None,
        };
        let routes = pareto_routes(&g);
        assert_eq!(routes, brute_force(&g));
        let r = routes.first().expect("a route");
        assert_eq!(r.states, [0, 1, 2]);
        assert!((r.edges[0].years - 1.0).abs() < 1e-9, "{r:?}");
        assert!((r.edges[1].years - 1.5).abs() < 1e-9, "{r:?}");
        // Employed, the same year at the start is experience.
        let working = Graph {
            salary: vec![40_000.0, 50_000.0, 80_000.0],
            start_unpaid: false,
            offered: Vec::new(),
            study_floor: Vec::new(),
            rank: Vec::new(),
            ..g
        };
        let r = pareto_routes(&working);
        assert!((r[0].edges[1].years - 1.0).abs() < 1e-9, "{r:?}");
    }

    #[test]
    fn experience_gathered_on_the_way_counts_later() {
        // 0 = start (slot 0), 1 = a related role (slot 1), 2 = goal (slot 2)
        // needing 6 years of experience that slot 1 counts fully and the
        // start counts at half.
        let edge = |to, years| Edge {
            to,
            years,
            probability: 0.9,
        };
        let g = Graph {
            salary: vec![100_000.0, 90_000.0, 150_000.0],
            edges: vec![vec![edge(1, 1.0), edge(2, 1.0)], vec![edge(2, 1.0)], vec![]],
            start: 0,
            goal: 2,
            horizon: 20.0,
            max_moves: 3,
            slot: vec![0, 1, 2],
            related: vec![
                vec![1.0, 1.0, 0.5],
                vec![0.0, 1.0, 1.0],
                vec![0.0, 0.0, 1.0],
            ],
            need: vec![0.0, 0.0, 6.0],
            credit: vec![2.0, 2.0, 1.0],
            schooling: vec![0.0; 3],
            schooled: 0.0,
            full_time_study: f64::INFINITY,
            unpaid_allowed: true,
            min_probability: 0.0,
            bag_limit: 0,
            start_unpaid: false,
            offered: Vec::new(),
            study_floor: Vec::new(),
            rank: Vec::new(),
            home: None,
        };
        let routes = pareto_routes(&g);
        let via = routes
            .iter()
            .find(|r| r.states == [0, 1, 2])
            .expect("via the related role");
        // One year at the start credits 0.5 toward the goal (1.5 in all);
        // then 4.5 more years in the related role: 5.5 years, not the 6 a
        // route that forgot the first year would take.
        assert!(
            (via.criteria.years - 5.5).abs() < 1e-9,
            "{:?}",
            via.criteria
        );
        let direct = routes.iter().find(|r| r.states == [0, 2]).expect("direct");
        assert!(
            (direct.criteria.years - 10.0).abs() < 1e-9,
            "{:?}",
            direct.criteria
        );
    }

    #[test]
    fn long_study_is_full_time_and_earns_nothing() {
        // 0 = start (16 years of schooling), 1 = the goal, which needs 21:
        // five years of study, beyond the two done alongside work.
        let g = Graph {
            salary: vec![100_000.0, 200_000.0],
            edges: vec![
                vec![Edge {
                    to: 1,
                    years: 1.0,
                    probability: 0.9,
                }],
                vec![],
            ],
            start: 0,
            goal: 1,
            horizon: 10.0,
            max_moves: 1,
            slot: vec![0, 1],
            related: vec![vec![1.0; 2]; 2],
            need: vec![0.0; 2],
            credit: vec![0.0; 2],
            schooling: vec![0.0, 21.0],
            schooled: 16.0,
            full_time_study: 2.0,
            unpaid_allowed: true,
            min_probability: 0.0,
            bag_limit: 0,
            start_unpaid: false,
            offered: Vec::new(),
            study_floor: Vec::new(),
            rank: Vec::new(),
            home: None,
        };
        let r = &pareto_routes(&g)[0];
        assert!((r.criteria.years - 5.0).abs() < 1e-9, "{r:?}");
        assert_eq!(r.criteria.min_salary, 0.0, "{r:?}");
        // Five unpaid years, then five at the goal's salary.
        assert!((r.criteria.earnings - 1_000_000.0).abs() < 1e-3, "{r:?}");
    }

    #[test]
    fn a_step_down_can_beat_the_climb() {
        // 0 = start, 1 = a lower position with a short path up, 2 = goal.
        let edge = |to, years, probability| Edge {
            to,
            years,
            probability,
        };
        let g = Graph {
            salary: vec![100_000.0, 80_000.0, 150_000.0],
            edges: vec![
                vec![edge(2, 6.0, 0.3), edge(1, 0.5, 0.9)],
                vec![edge(2, 2.0, 0.7)],
                vec![],
            ],
            start: 0,
            goal: 2,
            horizon: 8.0,
            max_moves: 4,
            slot: vec![0, 1, 2],
            related: vec![vec![1.0; 3]; 3],
            need: vec![0.0; 3],
            credit: vec![0.0; 3],
            schooling: vec![0.0; 3],
            schooled: 0.0,
            full_time_study: f64::INFINITY,
            unpaid_allowed: true,
            min_probability: 0.0,
            bag_limit: 0,
            start_unpaid: false,
            offered: Vec::new(),
            study_floor: Vec::new(),
            rank: Vec::new(),
            home: None,
        };
        let routes = pareto_routes(&g);
        assert_eq!(routes[0].states, [0, 1, 2]);
        assert!((routes[0].criteria.years - 2.5).abs() < 1e-9);
        assert!((routes[0].criteria.min_salary - 80_000.0).abs() < 1e-9);
        // The direct climb stays: it keeps a higher lowest salary.
        assert!(routes.iter().any(|r| r.states == [0, 2]));
    }
}
