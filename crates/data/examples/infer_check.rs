//! Prints the leave-one-out check of the rating inference (docs/EVALUATION.md):
//! `cargo run --release -p switchback-data --example infer_check`.
use switchback_core::transition::TransitionModel;

fn main() {
    let catalog = switchback_data::embedded().expect("embedded catalog");
    let model = TransitionModel::new(&catalog);
    let results = model.leave_one_out();
    println!("| method | occupations | level MAE (0–7) | importance MAE (1–5) |");
    println!("|---|---:|---:|---:|");
    for r in &results {
        println!(
            "| {} | {} | {:.3} | {:.3} |",
            r.method, r.occupations, r.level, r.importance
        );
    }
    println!("\n| element | zone mean | earlier rule | inferred |");
    println!("|---|---:|---:|---:|");
    for (i, id) in model.elements().ids.iter().enumerate() {
        println!(
            "| {} | {:.2} | {:.2} | {:.2} |",
            catalog.element_label(*id),
            results[0].level_by_element[i],
            results[1].level_by_element[i],
            results[2].level_by_element[i]
        );
    }
    println!("\n| entry education | occupations | exact | MAE (years of schooling) |");
    println!("|---|---:|---:|---:|");
    for r in model.education_leave_one_out() {
        println!(
            "| {} | {} | {:.3} | {:.3} |",
            r.method, r.occupations, r.exact, r.years
        );
    }
}
