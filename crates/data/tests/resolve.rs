//! Resolving what people type, on the real catalog.

#![allow(clippy::unwrap_used)] // Tests, benches and dev tools fail loudly by design.

use std::sync::OnceLock;

use switchback_core::Catalog;
use switchback_core::Level;
use switchback_core::resolve::ResolveError;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| switchback_data::embedded().expect("embedded catalog"))
}

fn first(text: &str) -> String {
    let c = catalog();
    let r = c.resolve(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    c.occupation(r.occupation).code.to_string()
}

#[test]
fn real_titles_resolve_to_their_occupations() {
    let cases = [
        ("data scientist", "15-2051.00"),
        ("Data Scientist", "15-2051.00"),
        ("software developer", "15-1252.00"),
        ("Senior Staff Accountant", "13-2011.00"),
        // "Staff" is a grade: no computer hardware engineer ("Staff
        // Engineer").
        ("Staff Software Engineer", "15-1252.00"),
        ("Staff Nurse", "29-1141.00"),
        ("CFO", "11-1011.00"),
        ("Chief Executives", "11-1011.00"),
        ("registered nurse", "29-1141.00"),
        ("line cook", "35-2014.00"),
        ("financial manager", "11-3031.00"),
        ("budget analyst", "13-2031.00"),
        ("data scientst", "15-2051.00"),
        ("15-2051.00", "15-2051.00"),
        ("15-2051", "15-2051.00"),
    ];
    let mut wrong = Vec::new();
    for (text, want) in cases {
        let got = first(text);
        if got != want {
            wrong.push(format!("{text:?} → {got}, want {want}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A title that names what it is *not* ("Dispatchers, Except Police, Fire,
/// and Ambulance") is no match for those words: a police dispatcher is a
/// public safety telecommunicator. Copying the title itself still finds it.
#[test]
fn an_except_clause_is_no_match_for_the_words_it_excludes() {
    let c = catalog();
    assert_eq!(
        first("Police, Fire, and Ambulance Dispatchers"),
        "43-5031.00",
        "{:?}",
        c.search("Police, Fire, and Ambulance Dispatchers", 3)
            .iter()
            .map(|m| (&c.occupation(m.occupation).title, m.score))
            .collect::<Vec<_>>()
    );
    assert_eq!(first("police dispatcher"), "43-5031.00");
    assert_eq!(
        first("Dispatchers, Except Police, Fire, and Ambulance"),
        "43-5032.00"
    );
    assert_eq!(first("tow truck dispatcher"), "43-5032.00");
}

/// A query's own "except" clause is a negation too: the OEWS title
/// "Teaching Assistants, Except Postsecondary" is a school's teaching
/// assistant, not a university's.
#[test]
fn a_query_that_excepts_a_word_is_no_match_for_titles_that_have_it() {
    assert_eq!(
        first("Teaching Assistants, Except Postsecondary"),
        "25-9042.00"
    );
    assert_eq!(first("Teaching Assistants, Postsecondary"), "25-9044.00");
}

#[test]
fn seniority_comes_with_the_resolution() {
    let c = catalog();
    assert_eq!(
        c.resolve("Senior Staff Accountant").unwrap().seniority,
        Some(Level::Senior)
    );
    assert_eq!(c.resolve("CFO").unwrap().seniority, Some(Level::Executive));
    assert_eq!(c.resolve("data scientist").unwrap().seniority, None);
}

#[test]
fn manager_names_the_job_outside_management() {
    // Filed with project management specialists, an assistant project
    // manager is no supervisor of them, and a senior one is a senior
    // specialist; in a management occupation the word is a grade, and a
    // supervisor's title keeps its grade anywhere.
    let c = catalog();
    let read = |title: &str| {
        let r = c.resolve(title).unwrap();
        (
            c.occupation(r.occupation).code.to_string(),
            r.seniority_in(c),
        )
    };
    let specialists = "13-1082.00".to_owned();
    assert_eq!(
        read("Assistant Project Manager"),
        (specialists.clone(), None)
    );
    assert_eq!(
        read("Senior Project Manager"),
        (specialists, Some(Level::Senior))
    );
    let (code, level) = read("Assistant Marketing Manager");
    assert!(code.starts_with("11-"), "{code}");
    assert_eq!(level, Some(Level::Supervisor));
    assert_eq!(read("Nursing Supervisor").1, Some(Level::Supervisor));
}

#[test]
fn search_ranks_several_occupations() {
    let c = catalog();
    let found = c.search("accountant", 5);
    assert!(found.len() >= 2);
    assert_eq!(
        c.occupation(found[0].occupation).code.to_string(),
        "13-2011.00"
    );
    assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn unknown_text_is_repeated_with_closest_matches() {
    let c = catalog();
    match c.resolve("zorblax quuxifier") {
        Err(ResolveError::Unknown { text, closest }) => {
            assert_eq!(text, "zorblax quuxifier");
            assert!(!closest.is_empty());
        }
        other => panic!("{other:?}"),
    }
    let e = c.resolve("qqqq").unwrap_err();
    assert!(
        e.to_string().starts_with("no occupation matches \"qqqq\""),
        "{e}"
    );
    match c.resolve("99-9999.00") {
        Err(ResolveError::UnknownCode { code, .. }) => assert_eq!(code, "99-9999.00"),
        other => panic!("{other:?}"),
    }
    let e = c.resolve("15-1259.00").unwrap_err();
    assert!(
        e.to_string().contains("15-1252.00 Software Developers"),
        "{e}"
    );
    assert_eq!(c.resolve("   ").unwrap_err(), ResolveError::Empty);
}

/// A title several occupations share is equal evidence for each: the one
/// far more people work in is the likelier meaning. "Middle school teacher"
/// is an alternate title of the general, the special education and the
/// career/technical middle school teachers; it means the first (OEWS:
/// hundreds of thousands against tens of thousands), which it used to miss
/// for the lower code.
#[test]
fn a_shared_title_means_the_occupation_most_people_work_in() {
    assert_eq!(first("middle school teacher"), "25-2022.00");
    let found = catalog().search("middle school teacher", 3);
    assert_eq!(found.len(), 3);
    assert!((found[0].score - found[1].score).abs() < 0.005);
    // A clearly better match is never overruled by size.
    assert_eq!(
        first("special education teacher middle school"),
        "25-2057.00"
    );
}

/// A seniority word usually says the level ("senior accountant"), but it
/// can be the job: an assistant principal runs a school, and is no
/// engineering assistant with a principal's grade.
#[test]
fn a_seniority_word_that_is_the_job_still_matches_it() {
    assert_eq!(first("assistant principal"), "11-9032.00");
    assert_eq!(first("high school principal"), "11-9032.00");
    // The word still mostly says the level where the rest is the job.
    assert_eq!(first("senior accountant"), "13-2011.00");
    assert_eq!(first("principal software engineer"), "15-1252.00");
}

/// A title misspelt beyond recognition is answered with the titles spelt
/// most like it, not those one of its words happened to match.
#[test]
fn the_closest_titles_are_spelt_alike() {
    let e = catalog().resolve("Registerd Nurs").unwrap_err();
    let ResolveError::Unknown { closest, .. } = &e else {
        panic!("{e}");
    };
    assert!(
        closest[0].starts_with("Registered Nurses (29-1141.00)"),
        "{closest:?}"
    );
}

/// A goal's or an option's title is read in the light of where the person
/// stands: between near-tied occupations, the one of their own function.
/// "Engineering Manager" matches an IT manager's title a hundredth better
/// than an architectural and engineering manager's; for a mechanical
/// engineer it is the second, for a software developer the first, and the
/// occupation passed over is still named.
#[test]
fn a_near_tie_is_read_in_the_light_of_ones_own_function() {
    let c = catalog();
    let code = |o| c.occupation(o).code.to_string();
    let id = |code: &str| {
        c.find_code(switchback_core::OnetCode::parse(code).unwrap())
            .unwrap()
    };
    let plain = c.resolve("Engineering Manager").unwrap();
    assert_eq!(code(plain.occupation), "11-3021.00");
    let engineer = plain.clone().near(c, id("17-2141.00"));
    assert_eq!(code(engineer.occupation), "11-9041.00");
    assert_eq!(code(engineer.alternatives[0].occupation), "11-3021.00");
    let developer = plain.clone().near(c, id("15-1252.00"));
    assert_eq!(developer, plain);
    // No near-tie, nothing to prefer: a clear reading stays.
    let nurse = c.resolve("Registered Nurse").unwrap();
    assert_eq!(nurse.clone().near(c, id("17-2141.00")), nurse);
}

/// A title typed letter for letter beats one the words only stem to:
/// "Account Manager" is an alternate title of sales managers, and a
/// financial manager's "Accounts Manager" — as good a match by words, and
/// an occupation that employs more — is passed over.
#[test]
fn an_exact_title_beats_a_plural_one() {
    assert_eq!(first("Account Manager"), "11-2022.00");
    assert_eq!(first("Accounts Manager"), "11-3031.00");
}

/// The industry and department a profile gives a post read its title's
/// near-ties: "QA Tester" is an alternate title of software QA analysts
/// and of manufacturing inspectors alike; in software it is the first, in
/// a plant the second.
#[test]
fn a_near_tie_is_read_in_the_light_of_the_posts_industry() {
    let c = catalog();
    let code = |o| c.occupation(o).code.to_string();
    let plain = c.resolve("QA Tester").unwrap();
    let words = |w: &[&str]| w.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let software = plain
        .clone()
        .in_context(c, &words(&["software", "engineering"]));
    assert_eq!(code(software.occupation), "15-1253.00");
    let plant = plain.clone().in_context(c, &words(&["manufacturing"]));
    assert_eq!(code(plant.occupation), code(plain.occupation));
    assert_eq!(plain.clone().in_context(c, &[]), plain);
    // An official title typed whole is never re-read.
    let exact = c
        .resolve("Inspectors, Testers, Sorters, Samplers, and Weighers")
        .unwrap();
    assert_eq!(exact.clone().in_context(c, &words(&["software"])), exact);
}

/// A title several occupations list alike is read by what each
/// occupation's own title says: the one whose official title names the
/// work the typed title ends on comes first, before how many work in it.
/// Each of these once went to the larger occupation.
#[test]
fn a_shared_title_goes_to_the_occupation_its_titles_say_it_is() {
    // Both list "UX Designer"; software testers employ more.
    assert_eq!(first("UX Designer"), "15-1255.00");
    // Five list it: a specialist, not a 911 dispatcher.
    assert_eq!(first("Communications Specialist"), "27-3031.00");
    // A rank names no work: "Project Manager" is still the project
    // management specialists most project managers are.
    assert_eq!(first("Project Manager"), "13-1082.00");
    // The earlier rules stand: letter for letter first, then workers.
    assert_eq!(first("Account Manager"), "11-2022.00");
    assert_eq!(first("middle school teacher"), "25-2022.00");
    // A post's industry re-reads a tie only among readings its titles say
    // as much for: a UX designer in software is still a web designer,
    // though "Software" is in the testers' title.
    let c = catalog();
    let in_software = c
        .resolve("UX Designer")
        .unwrap()
        .in_context(c, &["software".to_owned(), "product".to_owned()]);
    assert_eq!(
        c.occupation(in_software.occupation).code.to_string(),
        "15-1255.00"
    );
    // A rank names no work: a retail salesperson's "Store Manager" is
    // still read as her own function's supervisor.
    let retail = c.resolve("Retail Salespersons").unwrap().occupation;
    let store = c.resolve("Store Manager").unwrap().near(c, retail);
    assert_eq!(
        c.occupation(store.occupation).code.to_string(),
        "41-1011.00"
    );
}

/// A title that names a rank and a field is read as both. "Clinic
/// Manager" runs a clinic: it was read as a clinic assistant (a medical
/// assistant), the rank dropped for a title that says the opposite.
/// "Head of Engineering" runs engineering: it was read as the head of
/// loss prevention, a security supervisor, on the rank word alone. A title
/// an occupation and its O*NET specialties share means the occupation:
/// "Plant Manager" was read as a biofuels production manager.
#[test]
fn a_rank_and_a_field_are_read_together() {
    assert_eq!(first("Clinic Manager"), "11-9111.00");
    // "Head of" is a director of the field, as O*NET lists its titles
    // ("Engineering Director") — no security supervisor.
    assert_eq!(first("Head of Engineering"), "11-9041.00");
    assert_eq!(first("Plant Manager"), "11-3051.00");
    // A rank that is the job still stands alone, and the rank still
    // mostly says the level where the rest names the work.
    assert_eq!(first("assistant principal"), "11-9032.00");
    assert_eq!(first("Clinic Assistant"), "31-9092.00");
    assert_eq!(first("Project Manager"), "13-1082.00");
    assert_eq!(first("Case Manager"), first("case manager"));
}

/// A rank names no work: "First-Line Supervisor of Electricians" is the
/// supervision of electricians' trade (construction's first-line
/// supervisors list "Electrician Supervisor"), not the first-line
/// supervision of security workers, whose title shares only the rank.
#[test]
fn a_supervisors_title_is_read_by_the_work_supervised() {
    assert_eq!(first("first-line supervisor of electricians"), "47-1011.00");
    assert_eq!(first("Supervisor of Electricians"), "47-1011.00");
    // "line" alone still names work.
    assert_eq!(first("Line Cook"), "35-2014.00");
    assert_eq!(first("Production Supervisor"), "51-1011.00");
}

/// A post's pay reads a title two occupations list alike, when its level
/// is not said: a "Store Manager" on $58,000 is a retail store's
/// supervisor (whose middle half earns $38,590–$62,130), not a general and
/// operations manager (from $72,320); on $120,000 she is the latter.
#[test]
fn a_posts_pay_reads_a_shared_title() {
    let c = catalog();
    let read = |pay: f64| {
        let r = c.resolve("Store Manager").unwrap().paid(c, Some(pay));
        c.occupation(r.occupation).code.to_string()
    };
    assert_eq!(read(58_000.0), "41-1011.00");
    assert_eq!(read(120_000.0), "11-1021.00");
}

/// A rank named first ("Head of Sales", "Director of Nursing") is read
/// as O*NET lists the title, rank last: "Head of Sales" matched no title
/// well enough to be read at all, "Director of Nursing" a fifth worse
/// than "Nursing Director". A title O*NET lists rank first still matches
/// as typed.
#[test]
fn a_rank_named_first_is_read_as_a_rank_named_last() {
    assert_eq!(first("Head of Sales"), "11-2022.00");
    assert_eq!(first("Vice President of Sales"), "11-2022.00");
    assert_eq!(first("Head of IT"), "11-3021.00");
    let c = catalog();
    for (first_form, last_form) in [
        ("Director of Nursing", "Nursing Director"),
        ("Director of Finance", "Finance Director"),
        ("Manager of Marketing", "Marketing Manager"),
    ] {
        let (a, b) = (
            c.resolve(first_form).unwrap(),
            c.resolve(last_form).unwrap(),
        );
        assert_eq!(a.occupation, b.occupation, "{first_form}");
        assert!(a.best.score >= b.best.score - 0.02, "{first_form}: {a:?}");
    }
}

/// Among near-ties, a civilian occupation is read before one of the
/// armed forces: a "Survey Crew Chief" was read as an aircraft's crew
/// chief (Air Crew Members, SOC 55), with no civilian pay to plan on —
/// unless the person stands in the armed forces themselves.
#[test]
fn a_civilian_title_is_not_read_as_a_military_one() {
    let c = catalog();
    let major = |o| c.occupation(o).soc().major_number();
    let plain = c.resolve("Survey Crew Chief").unwrap();
    assert_eq!(major(plain.occupation), 55, "the words alone: {plain:?}");
    let civilian = plain.clone().civilian(c, None);
    assert_ne!(major(civilian.occupation), 55, "{civilian:?}");
    assert_eq!(civilian.alternatives[0].occupation, plain.occupation);
    let airman = plain.clone().civilian(c, Some(plain.occupation));
    assert_eq!(airman, plain);
    // A clear reading has no near-tie to prefer.
    let nurse = c.resolve("Registered Nurse").unwrap();
    assert_eq!(nurse.clone().civilian(c, None), nurse);
}
