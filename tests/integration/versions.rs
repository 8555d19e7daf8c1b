//! Form versions: a survey renders and checks answers against the version it was
//! opened with, whatever ships later, and the service refuses to start with a form
//! changed under an open survey.

use std::path::{Path, PathBuf};

use area_send::db;
use reqwest::StatusCode;
use serde_json::Value;

use crate::common::survey::*;
use crate::common::*;

const NEW_WORDING: &str = "In version two: how are you answering today?";

fn shipped_form(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("survey-forms")
        .join(name);
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// A forms folder like the shipped one, with `parents` as the parents' form and
/// `previous` (if any) in `previous/`.
fn forms_folder(tag: &str, parents: &Value, previous: Option<&Value>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "area-send-versions-{tag}-{}-{}",
        std::process::id(),
        rand_suffix()
    ));
    std::fs::create_dir_all(dir.join("previous")).unwrap();
    for name in ["children-and-young-people.json", "practitioners.json"] {
        std::fs::write(
            dir.join(name),
            serde_json::to_vec(&shipped_form(name)).unwrap(),
        )
        .unwrap();
    }
    std::fs::write(
        dir.join("parents-and-carers.json"),
        serde_json::to_vec_pretty(parents).unwrap(),
    )
    .unwrap();
    if let Some(previous) = previous {
        std::fs::write(
            dir.join("previous/parents-and-carers-v1.json"),
            serde_json::to_vec(previous).unwrap(),
        )
        .unwrap();
    }
    dir
}

fn rand_suffix() -> u64 {
    use rand::Rng;
    rand::thread_rng().gen()
}

/// The version the shipped parents' form has.
fn shipped_version() -> u64 {
    shipped_form("parents-and-carers.json")["version"]
        .as_u64()
        .unwrap()
}

/// The next version of the parents' form, with its first question reworded.
fn next_version() -> Value {
    let mut form = shipped_form("parents-and-carers.json");
    form["version"] = Value::from(shipped_version() + 1);
    form["sections"][0]["questions"][0]["text"]["en"] = Value::from(NEW_WORDING);
    form
}

#[actix_web::test]
async fn an_open_survey_keeps_the_version_it_was_opened_with() {
    let app = TestApp::spawn().await;
    let (link, _) = links(&app, "parents-and-carers");
    let v1 = shipped_form("parents-and-carers.json"); // the version the demo opened
    let old_wording = v1["sections"][0]["questions"][0]["text"]["en"]
        .as_str()
        .unwrap()
        .to_string();
    // Version 2 ships (the service restarts with it); version 1 stays beside it.
    let dir = forms_folder("open", &next_version(), Some(&v1));
    let forms = dir.clone();
    let second = app
        .another_instance(move |c| c.forms_dir = Some(forms))
        .await
        .unwrap();

    // The open survey still asks version 1's questions, and takes version 1's answers.
    let b = second.client();
    let page = begin(&b, &link, &[("lang", "en")]).await;
    let (status, html) = b.page(&page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&old_wording), "{html}");
    assert!(!html.contains(NEW_WORDING));
    answer_everything(&b, page).await;
    let res = b
        .submit(&format!("{link}/check"), &format!("{link}/submit"), &[])
        .await;
    assert_eq!(location(&res), format!("{link}/done"));
    let stored = responses(&app, "parents-and-carers");
    assert_eq!(stored.last().unwrap().1, "submitted");

    // Each stored answer traces to its form version through its survey.
    let surveys = db::surveys::for_inspection(&mut app.conn(), HARROWDALE).unwrap();
    let parents = surveys
        .iter()
        .find(|s| s.form.id == "parents-and-carers")
        .unwrap();
    assert_eq!(u64::from(parents.form.version), shipped_version());

    // A survey opened now is opened with version 2.
    let lead = second.client();
    lead.sign_in(LEAD.0, LEAD.1).await;
    assert_eq!(
        lead.move_inspection(FENMOOR, "surveys_open").await.status(),
        StatusCode::SEE_OTHER
    );
    let fenmoor = db::surveys::for_inspection(&mut app.conn(), FENMOOR).unwrap();
    let new_parents = fenmoor
        .iter()
        .find(|s| s.form.id == "parents-and-carers")
        .unwrap();
    assert_eq!(u64::from(new_parents.form.version), shipped_version() + 1);
    let fresh = second.client();
    let new_link = format!("/s/{}", new_parents.open_link_token);
    let page = begin(&fresh, &new_link, &[("lang", "en")]).await;
    let (_, html) = fresh.page(&page).await;
    assert!(html.contains(NEW_WORDING), "{html}");
    let _ = std::fs::remove_dir_all(dir);
}

/// Why a second instance with the forms in `dir` refused to start.
async fn refused_start(app: &TestApp, dir: &Path) -> String {
    let forms = dir.to_path_buf();
    let err = app
        .another_instance(move |c| c.forms_dir = Some(forms))
        .await
        .err()
        .expect("refused to start");
    format!("{err:#}")
}

#[actix_web::test]
async fn the_service_refuses_to_start_with_a_form_changed_under_a_survey() {
    let app = TestApp::spawn().await;
    // Edited in place, still calling itself the same version.
    let mut edited = shipped_form("parents-and-carers.json");
    edited["sections"][0]["questions"][0]["text"]["en"] = Value::from(NEW_WORDING);
    let dir = forms_folder("edited", &edited, None);
    let text = refused_start(&app, &dir).await;
    assert!(
        text.contains(&format!("parents-and-carers version {}", shipped_version())),
        "{text}"
    );
    assert!(text.contains("has changed since"), "{text}");

    // The opened version gone altogether: refused too, saying where earlier versions go.
    let dir2 = forms_folder("gone", &next_version(), None);
    let text = refused_start(&app, &dir2).await;
    assert!(text.contains("is not among the forms"), "{text}");
    assert!(text.contains("previous/"), "{text}");
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(dir2);
}
