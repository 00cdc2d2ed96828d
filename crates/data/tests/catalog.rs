//! The catalog as loaded from the real bundled O*NET 29.3 and OEWS files.

#![allow(clippy::unwrap_used)] // Tests, benches and dev tools fail loudly by design.

use std::sync::OnceLock;

use switchback_core::catalog::Domain;
use switchback_core::{Catalog, OnetCode};
use switchback_data::{LoadError, onet};

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| switchback_data::embedded().expect("embedded catalog"))
}

fn occ(code: &str) -> &'static switchback_core::Occupation {
    let c = catalog();
    c.occupation(c.find_code(OnetCode::parse(code).unwrap()).expect(code))
}

#[test]
fn row_counts_match_the_release() {
    let c = catalog();
    let occs = c.occupations();
    assert_eq!(occs.len(), 1016);
    assert_eq!(occs.iter().filter(|o| o.job_zone.is_some()).count(), 923);
    assert_eq!(occs.iter().filter(|o| o.is_rated()).count(), 879);
    assert_eq!(occs.iter().filter(|o| o.experience.is_some()).count(), 858);
    assert_eq!(
        occs.iter().map(|o| o.alternate_titles.len()).sum::<usize>(),
        56_560
    );
    assert_eq!(
        occs.iter().map(|o| o.reported_titles.len()).sum::<usize>(),
        7_796
    );
    assert_eq!(
        occs.iter().map(|o| o.technologies.len()).sum::<usize>(),
        32_681
    );
    let count = |d| c.elements().iter().filter(|e| e.domain == d).count();
    assert_eq!(
        (
            count(Domain::Skill),
            count(Domain::Knowledge),
            count(Domain::WorkStyle)
        ),
        (35, 33, 16)
    );
    // Every rated occupation carries all 35 skills and 33 knowledge areas.
    assert!(
        occs.iter()
            .filter(|o| o.is_rated())
            .all(|o| o.skills.len() == 35 && o.knowledge.len() == 33)
    );
}

#[test]
fn known_values() {
    let ce = occ("11-1011.00");
    assert_eq!(ce.title, "Chief Executives");
    assert_eq!(ce.job_zone.map(|z| z.get()), Some(5));
    assert!(ce.is_management());
    let c = catalog();
    let admin = ce
        .knowledge
        .iter()
        .find(|r| c.element(r.element).name == "Administration and Management")
        .unwrap();
    assert_eq!((admin.importance, admin.level), (4.78, 6.50));

    let ds = occ("15-2051.00");
    let w = ds.wages.as_ref().unwrap();
    assert_eq!(w.annual.median, Some(120_230));
    assert_eq!(w.annual.p90, Some(199_130));
    assert!(!w.aggregate);
    assert!(!ds.is_management());
    assert!(
        ds.technologies
            .iter()
            .any(|t| t.hot && c.technology(t.technology).name == "Python")
    );
}

#[test]
fn wages_join_detailed_then_aggregate_then_nothing() {
    let occs = catalog().occupations();
    let exact = occs
        .iter()
        .filter(|o| o.wages.as_ref().is_some_and(|w| !w.aggregate))
        .count();
    let aggregate = occs
        .iter()
        .filter(|o| o.wages.as_ref().is_some_and(|w| w.aggregate))
        .count();
    let none = occs.iter().filter(|o| o.wages.is_none()).count();
    assert_eq!((exact, aggregate, none), (961, 34, 21));
    let buyer = occ("13-1021.00");
    let w = buyer.wages.as_ref().unwrap();
    assert!(w.aggregate);
    assert_eq!(w.soc.as_str(), "13-1020");
    assert!(
        occ("11-1031.00").wages.is_none(),
        "Legislators have no OEWS row"
    );
    // Whose wages stand in, where they are not the occupation's own.
    assert_eq!(buyer.wider_wage_group(), Some(w.oews_title.as_str()));
    assert_eq!(
        occ("11-9121.01").wider_wage_group(),
        Some("Natural Sciences Managers")
    );
    assert_eq!(occ("15-1252.00").wider_wage_group(), None);
    assert_eq!(occ("11-1031.00").wider_wage_group(), None);
}

#[test]
fn derived_groups_and_experience() {
    let acc = occ("13-2011.00");
    assert_eq!(acc.family().as_str(), "13-2010");
    assert_eq!(acc.soc().minor().as_str(), "13-2000");
    // O*NET 29.3 publishes no education/experience survey for this one.
    assert!(acc.typical_experience_years().is_none());
    assert!(occ("15-1251.00").typical_experience_years().is_some());
    // First-line supervisors are management occupations. SOC files three
    // occupations without "Supervisors" in the title under its supervisor
    // groups, and they do lead crews: the rule follows SOC, not title words.
    let unusual: Vec<&str> = catalog()
        .occupations()
        .iter()
        .filter(|o| {
            o.is_management() && o.soc().major_number() != 11 && !o.title.contains("Supervisors")
        })
        .map(|o| o.title.as_str())
        .collect();
    assert_eq!(
        unusual,
        [
            "Chefs and Head Cooks",
            "Solar Energy Installation Managers",
            "Recycling Coordinators"
        ]
    );
    let sup = occ("43-1011.00");
    assert!(sup.is_management());
    // So are the military's first-line enlisted supervisors (SOC 55-2000):
    // a weapons crew's supervisor is a supervisor, not a senior crew member.
    for code in ["55-2011.00", "55-2012.00", "55-2013.00"] {
        assert!(occ(code).is_first_line_supervision(), "{code}");
    }
    assert!(!occ("55-3011.00").is_management());
    // Chief Executives need far more related experience than fast-food cooks.
    let cook = occ("35-2011.00");
    assert!(occ("11-1011.00").typical_experience_years() > cook.typical_experience_years());
}

/// A trade's helpers are of the trade: an electrician taking a helper's
/// post changes no profession, though SOC files helpers in another broad
/// group; the carpenters' helpers are not electricians'.
#[test]
fn a_trades_helpers_are_of_its_function() {
    let (helper, electrician) = (occ("47-3013.00"), occ("47-2111.00"));
    assert!(helper.helps(electrician));
    assert!(electrician.same_function(helper) && helper.same_function(electrician));
    assert!(!electrician.helps(helper));
    assert!(!occ("47-3012.00").same_function(electrician));
    assert!(occ("47-3015.00").same_function(occ("47-2152.00")));
    assert!(occ("47-3012.00").same_function(occ("47-2031.00")));
}

#[test]
fn a_first_line_supervisor_manages_the_work_soc_files_under_it() {
    // A retail store's supervisor supervises retail sales workers, not
    // securities agents or technical sales representatives, though SOC
    // files all three in major group 41.
    let retail = occ("41-1011.00");
    assert!(retail.manages(occ("41-2031.00")));
    assert!(retail.manages(occ("41-2011.00")));
    assert!(!retail.manages(occ("41-3031.00")));
    assert!(!retail.manages(occ("41-4011.00")));
    assert!(!retail.same_function(occ("41-3031.00")));
    // The non-retail sales supervisor supervises exactly those.
    let non_retail = occ("41-1012.00");
    assert!(non_retail.manages(occ("41-4011.00")));
    assert!(!non_retail.manages(occ("41-2031.00")));
    // No one supervises a supervisor, and a listed supervisor still manages
    // nothing outside its own groups.
    assert!(!retail.manages(non_retail));
    assert!(!occ("43-1011.00").manages(occ("41-2031.00")));
}

#[test]
fn gaps_stay_explicit() {
    // "All Other" residual occupations carry no ratings but stay listed.
    let other = occ("11-9199.00");
    assert!(!other.is_rated());
    assert!(other.skills.is_empty());
}

fn bundled_file(name: &str) -> Option<(String, String)> {
    let path = switchback_data::bundled_onet_dir().join(name);
    std::fs::read_to_string(&path)
        .ok()
        .map(|t| (name.to_owned(), t))
}

fn parse_with(replace: &str, text: Option<&str>) -> Result<(), LoadError> {
    onet::parse_release("test", |name| {
        Ok(if name == replace {
            text.map(|t| (name.to_owned(), t.to_owned()))
        } else {
            bundled_file(name)
        })
    })
    .map(|_| ())
}

#[test]
fn malformed_files_name_file_line_and_column() {
    let e = parse_with(
        "Job Zones.txt",
        Some("O*NET-SOC Code\tJob Zone\tDate\r\n11-1011.00\t5\tx\r\n11-1011.03\tnine\tx\r\n"),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "Job Zones.txt:3:2: column \"Job Zone\" = \"nine\": expected a job zone 1-5"
    );

    let e = parse_with(
        "Job Zones.txt",
        Some("O*NET-SOC Code\tJob Zone\r\n99-9999.99\t3\r\n"),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("Job Zones.txt:2:1: column \"O*NET-SOC Code\" = \"99-9999.99\""),
        "{e}"
    );

    let e = parse_with("Skills.txt", Some("O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tNot Relevant\r\n11-1011.00\t2.A.1.a\tReading\tLV\t9.5\tN\r\n"))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "Skills.txt:2:5: column \"Data Value\" = \"9.5\": outside the scale's range 0–7"
    );

    let e = parse_with("Technology Skills.txt", Some("Example\tHot Technology\r\n")).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("Technology Skills.txt:1: the header has no column \"O*NET-SOC Code\""),
        "{e}"
    );
}

#[test]
fn a_missing_file_is_named() {
    let e = parse_with("Skills.txt", None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "\"Skills.txt\" is missing from the O*NET release in test"
    );
}

#[test]
fn loads_a_release_from_a_directory() {
    let dir = std::env::temp_dir().join(format!("switchback-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in onet::REQUIRED_FILES {
        std::fs::copy(
            switchback_data::bundled_onet_dir().join(name),
            dir.join(name),
        )
        .unwrap();
    }
    let c = switchback_data::load_dir(&dir).unwrap();
    assert_eq!(c.occupations().len(), 1016);
    std::fs::remove_file(dir.join("Occupation Data.txt")).unwrap();
    let e = switchback_data::load_dir(&dir).unwrap_err();
    assert!(
        e.to_string().contains("\"Occupation Data.txt\" is missing"),
        "{e}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
