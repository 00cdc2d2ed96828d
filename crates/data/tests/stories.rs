//! Stories as tests: people weighing a move, each with what the seeds'
//! reasoning says the advisor must conclude — the kind of move, the
//! circumstances that must and must not be served, the verdict, and the
//! better shape of move if there is one. The expectations were written
//! from the stories and the seeds before the engine was run on them; a
//! reviewer should be able to judge each one from the story alone.
//!
//! Circumstances: `necessity`, `change_profession`, `broaden_horizons`,
//! `another_route_up`, `technical_experience`, `management_experience`.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::sync::OnceLock;

use switchback_core::Catalog;
use switchback_core::advisor::{self, OptionAdvice};
use switchback_core::transition::TransitionModel;

struct Story {
    /// Who, and why the expectation follows from the seeds.
    name: &'static str,
    /// The profile (one option, id "option").
    profile: &'static str,
    kind: &'static str,
    must: &'static [&'static str],
    must_not: &'static [&'static str],
    verdict: &'static str,
    instead: Option<&'static str>,
}

const STORIES: &[Story] = &[
    Story {
        name: "A principal developer takes a first-line IT supervisor post to gain the management experience an IT director needs: a management-track move in her own function, not a change of profession, and no technical gap",
        profile: r#"
[current]
role = "Software Developers"
level = "principal"
salary = 150000
years_in_role = 3
years_experience = 12
manages_people = false
[goal]
role = "Computer and Information Systems Managers"
level = "director"
horizon_years = 7
[[options]]
id = "option"
role = "Computer and Information Systems Managers"
level = "supervisor"
salary = 140000
"#,
        kind: "step_down",
        must: &["management_experience"],
        must_not: &["change_profession", "technical_experience", "necessity"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "A senior software developer moves sideways to a web developer post in another company: same profession, same grade, nothing to justify — and nothing to object to",
        profile: r#"
[current]
role = "Software Developers"
level = "senior"
industry = "software"
salary = 120000
years_in_role = 3
years_experience = 7
[goal]
role = "Computer and Information Systems Managers"
level = "manager"
horizon_years = 10
[[options]]
id = "option"
role = "Web Developers"
level = "senior"
industry = "retail"
salary = 115000
"#,
        kind: "lateral",
        must: &[],
        must_not: &[
            "change_profession",
            "another_route_up",
            "necessity",
            "broaden_horizons",
        ],
        verdict: "acceptable",
        instead: None,
    },
    Story {
        name: "The seed's own example: a finance manager in a software company is offered a lower finance post in biotech — changing industry, not function, so target the same role (lateral), not a lower one",
        profile: r#"
[current]
role = "Financial Managers"
level = "manager"
industry = "software"
department = "finance"
salary = 160000
years_in_role = 4
years_experience = 15
manages_people = true
[goal]
role = "Financial Managers"
level = "director"
horizon_years = 8
[[options]]
id = "option"
role = "Financial Managers"
level = "supervisor"
industry = "biotech"
department = "finance"
salary = 140000
"#,
        kind: "step_down",
        must: &[],
        must_not: &["change_profession", "management_experience", "necessity"],
        verdict: "not_recommended",
        instead: Some("lateral"),
    },
    Story {
        name: "The same finance manager takes the same role in biotech: the lateral move the seed recommends",
        profile: r#"
[current]
role = "Financial Managers"
level = "manager"
industry = "software"
department = "finance"
salary = 160000
years_in_role = 4
years_experience = 15
manages_people = true
[goal]
role = "Financial Managers"
level = "director"
horizon_years = 8
[[options]]
id = "option"
role = "Financial Managers"
level = "manager"
industry = "biotech"
department = "finance"
salary = 162000
"#,
        kind: "lateral",
        must: &[],
        must_not: &["change_profession", "management_experience", "necessity"],
        verdict: "acceptable",
        instead: None,
    },
    Story {
        name: "A head chef laid off, a month of savings, no other offer: a line-cook job is necessity — take it",
        profile: r#"
[current]
role = "Chefs and Head Cooks"
level = "lead"
salary = 62000
years_in_role = 5
years_experience = 14
[situation]
employed = false
months_of_savings = 1
other_offers = 0
[[options]]
id = "option"
role = "Cooks, Restaurant"
level = "intermediate"
salary = 40000
"#,
        kind: "step_down",
        must: &["necessity"],
        must_not: &["change_profession", "management_experience"],
        verdict: "acceptable",
        instead: None,
    },
    Story {
        name: "A head chef in work with two years of savings and three offers, no goal, considering a junior cook job: nothing justifies the step down — stay",
        profile: r#"
[current]
role = "Chefs and Head Cooks"
level = "lead"
salary = 62000
years_in_role = 5
years_experience = 14
[situation]
employed = true
months_of_savings = 24
other_offers = 3
[[options]]
id = "option"
role = "Cooks, Restaurant"
level = "junior"
salary = 34000
"#,
        kind: "step_down",
        must: &[],
        must_not: &["necessity", "another_route_up", "management_experience"],
        verdict: "not_recommended",
        instead: Some("stay"),
    },
    Story {
        name: "A senior elementary teacher changes profession into corporate training, a grade lower, toward running a training function: a valid change of profession, not a management move",
        profile: r#"
[current]
role = "Elementary School Teachers, Except Special Education"
level = "senior"
industry = "education"
salary = 66000
years_in_role = 5
years_experience = 10
[goal]
role = "Training and Development Managers"
level = "manager"
horizon_years = 10
[[options]]
id = "option"
role = "Training and Development Specialists"
level = "intermediate"
industry = "software"
salary = 64000
"#,
        kind: "step_down",
        must: &["change_profession"],
        must_not: &["necessity", "management_experience", "another_route_up"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "The same teacher offered an entry-level training post: changing profession need not mean starting at the bottom — ten years of teaching transfer, so aim higher",
        profile: r#"
[current]
role = "Elementary School Teachers, Except Special Education"
level = "senior"
industry = "education"
salary = 66000
years_in_role = 5
years_experience = 10
[goal]
role = "Training and Development Managers"
level = "manager"
horizon_years = 10
[[options]]
id = "option"
role = "Training and Development Specialists"
level = "entry"
industry = "software"
salary = 45000
"#,
        kind: "step_down",
        must: &["change_profession"],
        must_not: &["necessity", "management_experience"],
        verdict: "not_recommended",
        instead: Some("higher_level"),
    },
    Story {
        name: "A lead nurse who has never managed takes a health-services supervisor post on the way to running a service: management experience within her own function",
        profile: r#"
[current]
role = "Registered Nurses"
level = "lead"
industry = "health care"
department = "surgery"
salary = 98000
years_in_role = 4
years_experience = 12
manages_people = false
[goal]
role = "Medical and Health Services Managers"
level = "director"
horizon_years = 10
[[options]]
id = "option"
role = "Medical and Health Services Managers"
level = "supervisor"
industry = "health care"
department = "surgery"
salary = 99000
"#,
        kind: "lateral",
        must: &["management_experience"],
        must_not: &["change_profession", "technical_experience", "necessity"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "A principal nurse whose way up is blocked steps down to a health-services supervisor post with a defined path to manager: another route up, and management experience",
        profile: r#"
[current]
role = "Registered Nurses"
level = "principal"
industry = "health care"
salary = 112000
years_in_role = 5
years_experience = 16
manages_people = false
[goal]
role = "Medical and Health Services Managers"
level = "manager"
horizon_years = 6
[situation]
promotion_blocked = true
[[options]]
id = "option"
role = "Medical and Health Services Managers"
level = "supervisor"
industry = "health care"
salary = 105000
"#,
        kind: "step_down",
        must: &["another_route_up", "management_experience"],
        must_not: &["change_profession", "necessity"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "A principal civil engineer takes an engineering supervisor post to lead engineering one day: management experience, the same function",
        profile: r#"
[current]
role = "Civil Engineers"
level = "principal"
salary = 125000
years_in_role = 3
years_experience = 14
manages_people = false
[goal]
role = "Architectural and Engineering Managers"
level = "director"
horizon_years = 8
[[options]]
id = "option"
role = "Architectural and Engineering Managers"
level = "supervisor"
salary = 128000
"#,
        kind: "step_down",
        must: &["management_experience"],
        must_not: &["change_profession", "technical_experience", "necessity"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "An IT manager tired of managing wants to be a principal developer again and steps down to a senior developer post: hands-on work that builds the programming the goal needs; not a change of profession",
        profile: r#"
[current]
role = "Computer and Information Systems Managers"
level = "manager"
salary = 150000
years_in_role = 3
years_experience = 12
manages_people = true
[goal]
role = "Software Developers"
level = "principal"
horizon_years = 6
[[options]]
id = "option"
role = "Software Developers"
level = "senior"
salary = 125000
"#,
        kind: "step_down",
        must: &["technical_experience"],
        must_not: &["change_profession", "management_experience", "necessity"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "A lead wholesale sales representative who has never managed becomes a sales supervisor on the way to sales manager: management experience in his own function",
        profile: r#"
[current]
role = "Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific Products"
level = "lead"
salary = 88000
years_in_role = 4
years_experience = 11
manages_people = false
[goal]
role = "Sales Managers"
level = "manager"
horizon_years = 8
[[options]]
id = "option"
role = "Sales Managers"
level = "supervisor"
salary = 92000
"#,
        kind: "lateral",
        must: &["management_experience"],
        must_not: &["change_profession", "technical_experience", "necessity"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "A senior marketing specialist aiming at marketing manager takes a sales post a grade lower in the sales department: broadening her horizons with selling, which marketing managers need",
        profile: r#"
[current]
role = "Market Research Analysts and Marketing Specialists"
level = "senior"
department = "brand marketing"
salary = 84000
years_in_role = 4
years_experience = 8
manages_people = false
[goal]
role = "Marketing Managers"
level = "manager"
horizon_years = 10
[[options]]
id = "option"
role = "Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific Products"
level = "intermediate"
department = "sales"
salary = 76000
"#,
        kind: "step_down",
        must: &["broaden_horizons"],
        must_not: &["technical_experience", "necessity", "management_experience"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "A principal accountant whose partners are not leaving steps down to a finance supervisor post in a client's finance department: another route up, management experience, and finance management is the accountant's own function",
        profile: r#"
[current]
role = "Accountants and Auditors"
level = "principal"
industry = "professional services"
department = "audit"
salary = 118000
years_in_role = 4
years_experience = 12
manages_people = false
[goal]
role = "Financial Managers"
level = "director"
horizon_years = 8
[situation]
promotion_blocked = true
[[options]]
id = "option"
role = "Financial Managers"
level = "supervisor"
industry = "manufacturing"
department = "finance"
salary = 112000
"#,
        kind: "step_down",
        must: &["another_route_up", "management_experience"],
        must_not: &["change_profession", "necessity", "technical_experience"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "A senior accountant aiming at finance director is offered a junior bookkeeping clerk job in the same department: it serves nothing — stay",
        profile: r#"
[current]
role = "Accountants and Auditors"
level = "senior"
department = "finance"
salary = 92000
years_in_role = 3
years_experience = 7
manages_people = false
[goal]
role = "Financial Managers"
level = "director"
horizon_years = 10
[situation]
employed = true
months_of_savings = 12
[[options]]
id = "option"
role = "Bookkeeping, Accounting, and Auditing Clerks"
level = "junior"
department = "finance"
salary = 52000
"#,
        kind: "step_down",
        must: &[],
        must_not: &[
            "broaden_horizons",
            "another_route_up",
            "management_experience",
            "technical_experience",
            "necessity",
        ],
        verdict: "not_recommended",
        instead: Some("stay"),
    },
    Story {
        name: "An intermediate customer service representative who has built and repaired computers for years and studied networking (her self-assessment) moves into IT support at the same grade, toward leading a support team: a change of profession, not a step down; her own skills make success likely",
        profile: r#"
[current]
role = "Customer Service Representatives"
level = "intermediate"
salary = 42000
years_in_role = 3
years_experience = 5
[[skills]]
element = "Computers and Electronics"
level = 5.5
[[skills]]
element = "Telecommunications"
level = 4.0
[[skills]]
element = "Troubleshooting"
level = 3.5
[[skills]]
element = "Mechanical"
level = 3.5
[goal]
role = "Computer User Support Specialists"
level = "lead"
horizon_years = 8
[[options]]
id = "option"
role = "Computer User Support Specialists"
level = "intermediate"
salary = 50000
"#,
        kind: "lateral",
        must: &["change_profession"],
        must_not: &["necessity", "management_experience", "another_route_up"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "A lead electrician who has never run a crew takes a construction-trades supervisor post toward construction manager: management experience in the trades he knows",
        profile: r#"
[current]
role = "Electricians"
level = "lead"
salary = 78000
years_in_role = 5
years_experience = 15
manages_people = false
[goal]
role = "Construction Managers"
level = "manager"
horizon_years = 8
[[options]]
id = "option"
role = "First-Line Supervisors of Construction Trades and Extraction Workers"
level = "supervisor"
salary = 82000
"#,
        kind: "lateral",
        must: &["management_experience"],
        must_not: &["change_profession", "necessity", "technical_experience"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "A senior long-haul truck driver out of work with two months of savings and no offer takes a delivery-driver job: necessity",
        profile: r#"
[current]
role = "Heavy and Tractor-Trailer Truck Drivers"
level = "senior"
salary = 58000
years_in_role = 6
years_experience = 12
[situation]
employed = false
months_of_savings = 2
other_offers = 0
[[options]]
id = "option"
role = "Light Truck Drivers"
level = "intermediate"
salary = 44000
"#,
        kind: "step_down",
        must: &["necessity"],
        must_not: &["management_experience", "another_route_up"],
        verdict: "acceptable",
        instead: None,
    },
    Story {
        name: "A lead machinist who has never supervised becomes a production supervisor toward plant manager: management experience in production, his own function",
        profile: r#"
[current]
role = "Machinists"
level = "lead"
salary = 68000
years_in_role = 5
years_experience = 16
manages_people = false
[goal]
role = "Industrial Production Managers"
level = "manager"
horizon_years = 10
[[options]]
id = "option"
role = "First-Line Supervisors of Production and Operating Workers"
level = "supervisor"
salary = 72000
"#,
        kind: "lateral",
        must: &["management_experience"],
        must_not: &["change_profession", "necessity", "technical_experience"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "A sales manager with no goal, savings and offers, considering a senior sales representative post: nothing justifies the step down; selling is his own function, so no change of profession",
        profile: r#"
[current]
role = "Sales Managers"
level = "manager"
salary = 140000
years_in_role = 4
years_experience = 15
manages_people = true
[situation]
employed = true
months_of_savings = 18
other_offers = 2
[[options]]
id = "option"
role = "Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific Products"
level = "senior"
salary = 85000
"#,
        kind: "step_down",
        must: &[],
        must_not: &["change_profession", "necessity", "management_experience"],
        verdict: "not_recommended",
        instead: Some("stay"),
    },
    Story {
        name: "A senior financial analyst moves into data science a grade lower, toward a lead data-scientist role: a change of profession her quantitative skills make likely to succeed",
        profile: r#"
[current]
role = "Financial and Investment Analysts"
level = "senior"
salary = 105000
years_in_role = 4
years_experience = 9
[goal]
role = "Data Scientists"
level = "lead"
horizon_years = 7
[[options]]
id = "option"
role = "Data Scientists"
level = "intermediate"
salary = 100000
"#,
        kind: "step_down",
        must: &["change_profession"],
        must_not: &["necessity", "management_experience"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "A lead child and family social worker becomes a programme supervisor toward running a community service: management experience in her own field",
        profile: r#"
[current]
role = "Child, Family, and School Social Workers"
level = "lead"
salary = 64000
years_in_role = 4
years_experience = 12
manages_people = false
[goal]
role = "Social and Community Service Managers"
level = "manager"
horizon_years = 8
[[options]]
id = "option"
role = "Social and Community Service Managers"
level = "supervisor"
salary = 66000
"#,
        kind: "lateral",
        must: &["management_experience"],
        must_not: &["change_profession", "necessity", "technical_experience"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "A principal HR specialist whose promotion is blocked steps down to an HR supervisor post with a path to HR director: another route up and management experience",
        profile: r#"
[current]
role = "Human Resources Specialists"
level = "principal"
salary = 98000
years_in_role = 5
years_experience = 13
manages_people = false
[goal]
role = "Human Resources Managers"
level = "director"
horizon_years = 9
[situation]
promotion_blocked = true
[[options]]
id = "option"
role = "Human Resources Managers"
level = "supervisor"
salary = 95000
"#,
        kind: "step_down",
        must: &["another_route_up", "management_experience"],
        must_not: &["change_profession", "necessity"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "A principal lawyer out of work, one month of savings, no offers, takes a senior paralegal post: necessity — take it, and learn from how it happened",
        profile: r#"
[current]
role = "Lawyers"
level = "principal"
salary = 150000
years_in_role = 4
years_experience = 14
[situation]
employed = false
months_of_savings = 1
other_offers = 0
[[options]]
id = "option"
role = "Paralegals and Legal Assistants"
level = "senior"
salary = 62000
"#,
        kind: "step_down",
        must: &["necessity"],
        must_not: &[
            "management_experience",
            "another_route_up",
            "technical_experience",
        ],
        verdict: "acceptable",
        instead: None,
    },
    Story {
        name: "A senior mechanical engineer offered the same work a grade lower in another industry: changing industry, not function — target the lateral post",
        profile: r#"
[current]
role = "Mechanical Engineers"
level = "senior"
industry = "automotive"
salary = 98000
years_in_role = 3
years_experience = 8
[goal]
role = "Mechanical Engineers"
level = "principal"
horizon_years = 8
[[options]]
id = "option"
role = "Mechanical Engineers"
level = "intermediate"
industry = "aerospace"
salary = 88000
"#,
        kind: "step_down",
        must: &[],
        must_not: &["change_profession", "management_experience", "necessity"],
        verdict: "not_recommended",
        instead: Some("lateral"),
    },
    Story {
        name: "A food service manager out of work with two months of savings takes a kitchen supervisor job: necessity, in her own function",
        profile: r#"
[current]
role = "Food Service Managers"
level = "manager"
salary = 65000
years_in_role = 4
years_experience = 12
manages_people = true
[situation]
employed = false
months_of_savings = 2
other_offers = 1
[[options]]
id = "option"
role = "First-Line Supervisors of Food Preparation and Serving Workers"
level = "supervisor"
salary = 45000
"#,
        kind: "step_down",
        must: &["necessity"],
        must_not: &[
            "change_profession",
            "management_experience",
            "another_route_up",
        ],
        verdict: "acceptable",
        instead: None,
    },
    Story {
        name: "A senior teacher takes an assistant-principal (education administrator supervisor) post toward principal: a step up onto the management track of education, never another route up",
        profile: r#"
[current]
role = "Elementary School Teachers, Except Special Education"
level = "senior"
salary = 68000
years_in_role = 5
years_experience = 11
manages_people = false
[goal]
role = "Education Administrators, Kindergarten through Secondary"
level = "director"
horizon_years = 10
[[options]]
id = "option"
role = "Education Administrators, Kindergarten through Secondary"
level = "supervisor"
salary = 85000
"#,
        kind: "step_up",
        must: &["management_experience"],
        must_not: &["change_profession", "another_route_up", "necessity"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "A senior bookkeeping clerk with eight years behind her, becoming an accountant, is offered a junior accountant post: her experience transfers, so aim for a higher entry point",
        profile: r#"
[current]
role = "Bookkeeping, Accounting, and Auditing Clerks"
level = "senior"
salary = 52000
years_in_role = 5
years_experience = 8
[goal]
role = "Accountants and Auditors"
level = "senior"
horizon_years = 8
[[options]]
id = "option"
role = "Accountants and Auditors"
level = "junior"
salary = 55000
"#,
        kind: "step_down",
        must: &["change_profession"],
        must_not: &["necessity", "management_experience"],
        verdict: "not_recommended",
        instead: Some("higher_level"),
    },
    Story {
        name: "A senior retail salesperson out of work with no savings and no offers takes a cashier job: necessity",
        profile: r#"
[current]
role = "Retail Salespersons"
level = "senior"
salary = 38000
years_in_role = 3
years_experience = 9
[situation]
employed = false
months_of_savings = 0
other_offers = 0
[[options]]
id = "option"
role = "Cashiers"
level = "junior"
salary = 29000
"#,
        kind: "step_down",
        must: &["necessity"],
        must_not: &[
            "management_experience",
            "another_route_up",
            "technical_experience",
        ],
        verdict: "acceptable",
        instead: None,
    },
    Story {
        name: "A senior project manager aiming to lead IT takes a developer post a grade lower: hands-on technical experience the goal requires, not management experience",
        profile: r#"
[current]
role = "Project Management Specialists"
level = "senior"
salary = 98000
years_in_role = 4
years_experience = 10
manages_people = false
[goal]
role = "Computer and Information Systems Managers"
level = "manager"
horizon_years = 10
[[options]]
id = "option"
role = "Software Developers"
level = "intermediate"
salary = 95000
"#,
        kind: "step_down",
        must: &["technical_experience"],
        must_not: &["necessity", "management_experience"],
        verdict: "strategic",
        instead: None,
    },
    Story {
        name: "A lead graphic designer in work, with savings, no goal, offered a junior designer job at another agency: no reason for the step down — stay",
        profile: r#"
[current]
role = "Graphic Designers"
level = "lead"
salary = 72000
years_in_role = 4
years_experience = 12
[situation]
employed = true
months_of_savings = 10
other_offers = 1
[[options]]
id = "option"
role = "Graphic Designers"
level = "junior"
salary = 45000
"#,
        kind: "step_down",
        must: &[],
        must_not: &[
            "necessity",
            "change_profession",
            "management_experience",
            "another_route_up",
        ],
        verdict: "not_recommended",
        instead: Some("stay"),
    },
    Story {
        name: "A marketing manager laid off two months ago, with no other offer, is offered a marketing supervisor post in another industry: necessity makes it acceptable, though the better shape is the same role there (lateral)",
        profile: r#"
[current]
role = "Marketing Managers"
level = "manager"
industry = "retail"
salary = 130000
years_in_role = 4
years_experience = 12
manages_people = true
[situation]
employed = false
months_of_savings = 2
other_offers = 0
[goal]
role = "Marketing Managers"
level = "director"
horizon_years = 8
[[options]]
id = "option"
role = "Marketing Managers"
level = "supervisor"
industry = "software"
salary = 110000
"#,
        kind: "step_down",
        must: &["necessity"],
        must_not: &["change_profession", "management_experience"],
        verdict: "acceptable",
        instead: Some("lateral"),
    },
];

fn engine() -> &'static (Catalog, TransitionModel) {
    static E: OnceLock<(Catalog, TransitionModel)> = OnceLock::new();
    E.get_or_init(|| {
        let c = switchback_data::embedded().unwrap();
        let m = TransitionModel::new(&c);
        (c, m)
    })
}

fn judged(story: &Story) -> OptionAdvice {
    let (catalog, model) = engine();
    let profile = switchback_data::profile_file::parse(
        "story.toml",
        story.profile,
        switchback_data::profile_file::Format::Toml,
        catalog,
    )
    .unwrap_or_else(|e| panic!("{}: {e}", story.name));
    let advice = advisor::advise(catalog, model, &profile).unwrap();
    advice.options.into_iter().next().unwrap()
}

#[test]
fn there_are_thirty_stories_across_eight_major_groups() {
    let (catalog, _) = engine();
    let mut groups: Vec<String> = STORIES
        .iter()
        .map(|s| {
            let p = switchback_data::profile_file::parse(
                "story.toml",
                s.profile,
                switchback_data::profile_file::Format::Toml,
                catalog,
            )
            .unwrap();
            catalog
                .occupation(p.current.position.occupation)
                .soc()
                .as_str()[..2]
                .to_owned()
        })
        .collect();
    groups.sort();
    groups.dedup();
    assert!(STORIES.len() >= 30, "{} stories", STORIES.len());
    assert!(groups.len() >= 8, "major groups {groups:?}");
}

#[test]
fn every_story_is_judged_as_the_seeds_reason() {
    let mut wrong = Vec::new();
    for story in STORIES {
        let o = judged(story);
        let fired: Vec<&str> = o.circumstances.iter().map(|c| c.name()).collect();
        let mut problems = Vec::new();
        if o.movement.kind.name() != story.kind {
            problems.push(format!(
                "kind {} (expected {})",
                o.movement.kind.name(),
                story.kind
            ));
        }
        for c in story.must {
            if !fired.contains(c) {
                problems.push(format!("{c} did not fire"));
            }
        }
        for c in story.must_not {
            if fired.contains(c) {
                problems.push(format!("{c} fired"));
            }
        }
        if o.verdict.name() != story.verdict {
            problems.push(format!(
                "verdict {} (expected {})",
                o.verdict.name(),
                story.verdict
            ));
        }
        if o.instead.map(|i| i.name()) != story.instead {
            problems.push(format!(
                "instead {:?} (expected {:?})",
                o.instead.map(|i| i.name()),
                story.instead
            ));
        }
        // Every circumstance that fires names its evidence in a reason.
        for c in &fired {
            let code = format!("circumstance.{c}");
            if !o.reasons.iter().any(|r| r.code() == code) {
                problems.push(format!("{c} fired without its reason"));
            }
        }
        if !problems.is_empty() {
            let reasons: Vec<String> = o
                .reasons
                .iter()
                .map(|r| format!("    {}: {r:?}", r.code()))
                .collect();
            wrong.push(format!(
                "{}\n  fired {fired:?}, landing {:.2}, success {:.2}\n  {}\n{}",
                story.name,
                o.landing,
                o.success,
                problems.join("; "),
                reasons.join("\n")
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} stories judged wrongly:\n\n{}",
        wrong.len(),
        STORIES.len(),
        wrong.join("\n\n")
    );
}
