//! The framework and the survey forms: the shipped files pass every check, and
//! broken files fail with the right file, JSON pointer and reason.

use std::collections::BTreeSet;
use std::process::Command;

use area_send::catalogue::{self, check_all, FileProblem};
use area_send::domain::survey_form::{Assets, Audience, Direction, Grouping, QuestionType};
use serde_json::{json, Value};

/// What the shipped forms may name: the shipped symbols, and one BSL video with captions.
fn assets() -> Assets {
    Assets {
        symbols: area_send::web::templates::symbol_names(),
        bsl_files: ["listened-to.mp4", "listened-to.vtt"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        interface_languages: words().languages().map(String::from).collect(),
    }
}

fn words() -> area_send::words::Words {
    catalogue::shipped_words().unwrap()
}

fn shipped_json(name: &str) -> Value {
    serde_json::from_slice(
        &std::fs::read(format!("{}/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap(),
    )
    .unwrap()
}

fn framework_bytes() -> Vec<u8> {
    std::fs::read(format!(
        "{}/framework/framework.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn indicators_bytes() -> Vec<u8> {
    std::fs::read(format!(
        "{}/framework/indicators.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// Check one (possibly broken) children's form alongside the real framework.
fn problems_of(form: &Value) -> Vec<FileProblem> {
    let bytes = serde_json::to_vec(form).unwrap();
    match check_all(
        ("framework.json", &framework_bytes()),
        ("indicators.json", &indicators_bytes()),
        &[("broken.json".into(), bytes)],
        words(),
        &assets(),
    ) {
        Ok(_) => vec![],
        Err(p) => p.0,
    }
}

fn children() -> Value {
    shipped_json("survey-forms/children-and-young-people.json")
}

#[test]
fn the_shipped_framework_and_forms_pass_every_check() {
    let catalogue = catalogue::shipped(words(), &assets()).unwrap_or_else(|p| panic!("{p}"));
    let criteria = catalogue.framework.criterion_ids();
    for id in [
        "A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3", "B4", "B5", "B6", "C1", "D1", "D2", "D3",
        "D4", "D5", "D6",
    ] {
        assert!(criteria.contains(id), "{id}");
    }
    assert_eq!(catalogue.framework.outcomes.len(), 3);
    assert_eq!(catalogue.current().len(), 3);
    // The same files on disk pass too, as `forms check` reads them.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    catalogue::from_files(
        &root.join("framework/framework.json"),
        &root.join("survey-forms"),
        words(),
        &assets(),
    )
    .unwrap();
}

#[test]
fn the_childrens_survey_is_easy_read_in_two_languages_one_right_to_left() {
    let catalogue = catalogue::shipped(words(), &assets()).unwrap();
    let form = &catalogue.latest("children-and-young-people").unwrap().form;
    assert_eq!(form.audience, Audience::ChildrenAndYoungPeople);
    let n = form.questions().count();
    assert!((12..=18).contains(&n), "{n} questions");
    assert!(
        form.presentation.easy_read
            && form.presentation.symbols
            && form.presentation.offer_dont_understand
    );
    assert!(
        form.languages.iter().any(|l| l.dir == Direction::Rtl),
        "a right-to-left language"
    );
    assert!(form.languages.len() >= 2);
    let groupings: BTreeSet<_> = form
        .questions()
        .filter_map(|(_, q)| q.grouping)
        .map(|g| format!("{g:?}"))
        .collect();
    for g in [
        Grouping::AgeBand,
        Grouping::TypeOfNeed,
        Grouping::SupportLevel,
        Grouping::Setting,
    ] {
        assert!(groupings.contains(&format!("{g:?}")), "{g:?}");
    }
    let setting = form
        .questions()
        .find(|(_, q)| q.grouping == Some(Grouping::Setting))
        .unwrap()
        .1;
    assert!(
        form.options_of(setting).iter().any(|o| o
            .text
            .get("en")
            .to_lowercase()
            .contains("alternative provision")),
        "alternative provision is a kind of setting"
    );
    let mut impact = BTreeSet::new();
    for (_, q) in form.questions().filter(|(_, q)| q.grouping.is_none()) {
        assert!(q.easy_read.is_some(), "{} has easy read", q.id);
        if q.kind != QuestionType::FreeText {
            assert_eq!(q.criteria.len(), 1, "{} informs one impact criterion", q.id);
            assert!(
                q.criteria[0].starts_with('A'),
                "{} informs an impact criterion",
                q.id
            );
        }
        impact.extend(q.criteria.iter().cloned());
    }
    assert_eq!(
        impact.into_iter().collect::<Vec<_>>(),
        vec!["A1", "A2", "A3", "A4", "A5"]
    );
}

#[test]
fn the_adult_surveys_cover_their_ground() {
    let catalogue = catalogue::shipped(words(), &assets()).unwrap();
    let parents = &catalogue.latest("parents-and-carers").unwrap().form;
    let n = parents.questions().count();
    assert!((20..=30).contains(&n), "{n} parent questions");
    assert!(
        parents
            .questions()
            .any(|(_, q)| q.grouping == Some(Grouping::Perspective)),
        "parents choose their view"
    );
    assert!(
        parents
            .questions()
            .filter(|(_, q)| q.kind == QuestionType::FreeText)
            .count()
            >= 2
    );
    let criteria: BTreeSet<&str> = parents
        .questions()
        .flat_map(|(_, q)| q.criteria.iter().map(String::as_str))
        .collect();
    assert!(
        criteria.iter().any(|c| c.starts_with('A')) && criteria.iter().any(|c| c.starts_with('B')),
        "{criteria:?}"
    );

    let practitioners = &catalogue.latest("practitioners").unwrap().form;
    let n = practitioners.questions().count();
    assert!((15..=20).contains(&n), "{n} practitioner questions");
    for g in [Grouping::Role, Grouping::Sector] {
        assert!(
            practitioners
                .questions()
                .any(|(_, q)| q.grouping == Some(g)),
            "{g:?}"
        );
    }
}

fn assert_problem(problems: &[FileProblem], pointer: &str, reason: &str) {
    assert!(
        problems.iter().any(|p| p.file == "broken.json"
            && p.problem.pointer == pointer
            && p.problem.reason.contains(reason)),
        "expected {pointer}: …{reason}… in {problems:#?}"
    );
}

#[test]
fn broken_forms_fail_with_the_right_pointer_and_reason() {
    let first = "/sections/0/questions/0";
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Edit, String, &str)> = vec![
        (
            "unknown question type",
            Box::new(|v| v["sections"][0]["questions"][0]["type"] = json!("dropdown")),
            format!("{first}/type"),
            "dropdown",
        ),
        (
            "criteria missing",
            Box::new(|v| {
                v["sections"][0]["questions"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("criteria");
            }),
            first.to_string(),
            "criteria",
        ),
        (
            "unknown property",
            Box::new(|v| v["sections"][0]["questions"][0]["required"] = json!(true)),
            first.to_string(),
            "required",
        ),
        (
            "bad id",
            Box::new(|v| v["sections"][0]["questions"][0]["id"] = json!("Has Spaces")),
            format!("{first}/id"),
            "does not match",
        ),
        (
            "no languages",
            Box::new(|v| v["languages"] = json!([])),
            "/languages".to_string(),
            "[]",
        ),
        (
            "first language not English",
            Box::new(|v| {
                let langs = v["languages"].as_array_mut().unwrap();
                langs.reverse();
            }),
            "/languages/0/code".to_string(),
            "en",
        ),
        (
            "free text without a limit",
            Box::new(
                |v| v["sections"][0]["questions"][0] = json!({"id": "x", "type": "free_text", "text": {"en": "x", "ur": "x"}, "criteria": ["A1"]}),
            ),
            first.to_string(),
            "max_length",
        ),
        (
            "duplicate question id",
            Box::new(|v| {
                let id = v["sections"][0]["questions"][0]["id"].clone();
                v["sections"][0]["questions"][1]["id"] = id;
            }),
            "/sections/0/questions/1/id".to_string(),
            "used twice",
        ),
        (
            "show_if pointing later",
            Box::new(|v| {
                let last = v["sections"].as_array().unwrap().last().unwrap()["questions"]
                    .as_array()
                    .unwrap()
                    .last()
                    .unwrap()["id"]
                    .clone();
                v["sections"][0]["questions"][0]["show_if"] =
                    json!({"question": last, "any_of": ["yes"]});
            }),
            format!("{first}/show_if/question"),
            "comes later",
        ),
        (
            "show_if pointing nowhere",
            Box::new(|v| {
                v["sections"][0]["questions"][1]["show_if"] =
                    json!({"question": "no_such_question", "any_of": ["yes"]})
            }),
            "/sections/0/questions/1/show_if/question".to_string(),
            "not a question in this form",
        ),
        (
            "missing translation",
            Box::new(|v| {
                v["sections"][0]["questions"][0]["text"]
                    .as_object_mut()
                    .unwrap()
                    .remove("ur");
            }),
            format!("{first}/text"),
            "missing the \"ur\" translation",
        ),
        (
            "unknown criterion",
            Box::new(|v| {
                v["sections"][0]["questions"][0]["criteria"] = json!(["A9"]);
                v["sections"][0]["questions"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("grouping");
            }),
            format!("{first}/criteria/0"),
            "not in the framework",
        ),
        (
            "unknown symbol",
            Box::new(|v| v["sections"][0]["questions"][0]["symbol"] = json!("unicorn")),
            format!("{first}/symbol"),
            "no symbol called \"unicorn\"",
        ),
        (
            "a BSL video that is not there",
            Box::new(|v| {
                v["sections"][0]["questions"][0]["bsl_video"] =
                    json!({"src": "age-band.mp4", "captions": "listened-to.vtt"})
            }),
            format!("{first}/bsl_video/src"),
            "no file \"age-band.mp4\"",
        ),
        (
            "a BSL video outside the bsl folder",
            Box::new(|v| {
                v["sections"][0]["questions"][0]["bsl_video"] =
                    json!({"src": "../secrets.mp4", "captions": "listened-to.vtt"})
            }),
            format!("{first}/bsl_video/src"),
            "does not match",
        ),
        (
            "a language the pages cannot speak",
            Box::new(|v| {
                v["languages"][1] = json!({"code": "pl", "name": "Polski", "dir": "ltr"});
            }),
            "/languages/1/code".to_string(),
            "no words of their own in \"pl\"",
        ),
        (
            "a number too large to store",
            Box::new(
                |v| v["sections"][0]["questions"][0] = json!({"id": "x", "type": "number", "text": {"en": "x", "ur": "x"}, "criteria": ["A1"], "min": 0, "max": 3_000_000_000u64}),
            ),
            format!("{first}/max"),
            "maximum",
        ),
        (
            "children without I don't understand",
            Box::new(|v| v["presentation"]["offer_dont_understand"] = json!(false)),
            "/presentation/offer_dont_understand".to_string(),
            "I don't understand",
        ),
    ];
    for (name, edit, pointer, reason) in cases {
        let mut form = children();
        edit(&mut form);
        let problems = problems_of(&form);
        assert!(!problems.is_empty(), "{name}: expected a problem");
        assert_problem(&problems, &pointer, reason);
    }
    assert!(
        problems_of(&children()).is_empty(),
        "the unbroken form passes"
    );
}

#[test]
fn malformed_json_and_duplicate_form_ids_are_reported() {
    let framework = framework_bytes();
    let err = check_all(
        ("framework.json", &framework),
        ("indicators.json", &indicators_bytes()),
        &[("broken.json".into(), b"{\"id\": ".to_vec())],
        words(),
        &assets(),
    )
    .unwrap_err();
    assert_eq!(err.0.len(), 1);
    assert_eq!(err.0[0].problem.pointer, "");
    assert!(
        err.0[0].problem.reason.starts_with("not valid JSON"),
        "{}",
        err.0[0]
    );
    let form = serde_json::to_vec(&children()).unwrap();
    let err = check_all(
        ("framework.json", &framework),
        ("indicators.json", &indicators_bytes()),
        &[("a.json".into(), form.clone()), ("b.json".into(), form)],
        words(),
        &assets(),
    )
    .unwrap_err();
    assert_eq!(err.0[0].file, "b.json");
    assert!(err.0[0]
        .problem
        .reason
        .contains("another form already has the id"));
    // Two versions of one form are two forms: both are kept, the newer is current.
    let mut newer = children();
    let shipped = children()["version"].as_u64().unwrap();
    newer["version"] = json!(shipped + 1);
    let catalogue = check_all(
        ("framework.json", &framework),
        ("indicators.json", &indicators_bytes()),
        &[
            ("a.json".into(), serde_json::to_vec(&children()).unwrap()),
            ("b.json".into(), serde_json::to_vec(&newer).unwrap()),
        ],
        words(),
        &assets(),
    )
    .unwrap();
    assert_eq!(catalogue.all_versions().count(), 2);
    assert_eq!(
        catalogue
            .latest("children-and-young-people")
            .unwrap()
            .form
            .version,
        u32::try_from(shipped + 1).unwrap()
    );
}

#[test]
fn a_broken_framework_is_reported_too() {
    let mut framework: Value = serde_json::from_slice(&framework_bytes()).unwrap();
    framework["areas"][0]["criteria"][1]["id"] = json!("A1");
    framework["outcomes"][2]["consequences"]["priority_action_plan_required"] = json!(false);
    framework["outcomes"][0]["id"] = json!(4);
    let err =
        catalogue::check_framework("framework.json", &serde_json::to_vec(&framework).unwrap())
            .unwrap_err();
    assert!(
        err.iter().any(|p| p.problem.pointer == "/outcomes/0/id"),
        "{err:?}"
    );
    framework["outcomes"][0]["id"] = json!(1);
    let err =
        catalogue::check_framework("framework.json", &serde_json::to_vec(&framework).unwrap())
            .unwrap_err();
    assert!(
        err.iter()
            .any(|p| p.problem.pointer == "/areas/0/criteria/1/id"
                && p.problem.reason.contains("appears twice")),
        "{err:?}"
    );
    assert!(
        err.iter()
            .any(|p| p.problem.pointer == "/outcomes/2/consequences/priority_action_plan_required"),
        "{err:?}"
    );
}

#[test]
fn forms_check_prints_file_pointer_and_reason_and_fails() {
    let bin = env!("CARGO_BIN_EXE_area-send");
    let root = env!("CARGO_MANIFEST_DIR");
    let ok = Command::new(bin)
        .current_dir(root)
        .args(["forms", "check"])
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8(ok.stdout)
        .unwrap()
        .contains("3 survey form(s)"));

    let dir = std::env::temp_dir().join(format!("area-send-forms-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut form = children();
    form["sections"][0]["questions"][0]["type"] = json!("dropdown");
    std::fs::write(dir.join("kids.json"), serde_json::to_vec(&form).unwrap()).unwrap();
    let out = Command::new(bin)
        .current_dir(root)
        .args([
            "forms",
            "check",
            dir.to_str().unwrap(),
            "--framework",
            "framework/framework.json",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("kids.json: /sections/0/questions/0/type: "),
        "{text}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
