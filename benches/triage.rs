//! Free-text triage speed: one scan of a long answer, as each submission does for each
//! free-text answer inside its transaction. Run with `cargo bench --bench triage`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::{Duration, Instant};

use area_send::domain::triage::Detector;

/// Answers of about 500 characters: a parent's, dense with personal data and worry,
/// and a child's, unpunctuated.
const ANSWERS: [(&str, &str); 3] = [
    (
        "parent, personal data and a disclosure",
        "My son Jack is in Year 4 at Oakfield Primary. The EHCP took 50 weeks and the council \
         ignored us. He gets really anxious and the SENCO, Mrs Patel, has tried her best but there \
         is no money. Sometimes he says he wants to die and he has started hitting his head on the \
         wall. We live at 14 Oak Tree Road, HD1 2AB, call 07700 900123. Honestly it has been a \
         nightmare and we are at breaking point, fighting for support every single week.",
    ),
    (
        "child, no punctuation",
        "i like my teacher she helps me with my reading and i go to the quiet room when it is too \
         loud but at dinner time the big boys shout at me and take my crisps and i dont like it \
         and at home my mum is sad a lot and i have to make my own tea sometimes and look after my \
         little brother and i am tired at school and i want more help with my work please and more \
         time on the computer and to go on the trip with my class",
    ),
    (
        "practitioner, nothing to flag",
        "Joint working between education and health has improved since the new designated clinical \
         officer started, but waiting times for speech and language therapy remain long and the \
         annual review paperwork often arrives late. Families tell us the local offer is hard to \
         navigate. Training for teaching assistants on autism has been well received and we would \
         like more of it, along with clearer routes into alternative provision when placements \
         break down.",
    ),
];

fn main() {
    let started = Instant::now();
    let detector = Detector::new();
    println!(
        "| build the detector | once at start-up | {:.1} ms |",
        started.elapsed().as_secs_f64() * 1000.0
    );
    for (what, text) in ANSWERS {
        // The first scan of a new text, then the best of many (warm caches).
        let first = {
            let t = Instant::now();
            std::hint::black_box(detector.scan(text));
            t.elapsed()
        };
        let mut best = Duration::MAX;
        for _ in 0..500 {
            let t = Instant::now();
            std::hint::black_box(detector.scan(text));
            best = best.min(t.elapsed());
        }
        println!(
            "| scan: {what} | {} characters | first {:.0} µs, then {:.0} µs |",
            text.chars().count(),
            first.as_secs_f64() * 1e6,
            best.as_secs_f64() * 1e6
        );
    }
}
