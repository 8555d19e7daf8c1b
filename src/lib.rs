//! area-send: the evidence toolkit for area SEND inspections.
//!
//! The library builds the whole service from a [`config::Config`], so that the
//! binary and the integration tests start exactly the same server.

pub mod app;
pub mod catalogue;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod export;
pub mod import;
pub mod mail;
pub mod password;
pub mod web;
pub mod words;

/// The framework and survey forms this configuration uses: files named in the
/// configuration, or those built into the binary.
pub fn load_catalogue(
    config: &config::Config,
) -> Result<catalogue::Catalogue, catalogue::Problems> {
    let forms_dir = forms_folder(config);
    let words = catalogue::shipped_words()?;
    let assets = assets_for(forms_dir.as_deref(), &words);
    match (&forms_dir, &config.framework_file) {
        (None, None) => catalogue::shipped(words, &assets),
        (dir, file) => catalogue::from_files(
            file.as_deref()
                .unwrap_or(std::path::Path::new("framework/framework.json")),
            dir.as_deref()
                .unwrap_or(std::path::Path::new("survey-forms")),
            words,
            &assets,
        ),
    }
}

/// What a form may name beyond itself: the symbols the service ships, the BSL files
/// beside the forms, and the languages the survey pages have words in.
pub fn assets_for(
    forms_dir: Option<&std::path::Path>,
    words: &words::Words,
) -> domain::survey_form::Assets {
    domain::survey_form::Assets {
        symbols: web::templates::symbol_names(),
        bsl_files: catalogue::bsl_files(forms_dir),
        interface_languages: words.languages().map(String::from).collect(),
    }
}

/// The folder the forms are read from, or None for the forms built into the binary.
pub fn forms_folder(config: &config::Config) -> Option<std::path::PathBuf> {
    match (&config.forms_dir, &config.framework_file) {
        (Some(dir), _) => Some(dir.clone()),
        (None, Some(_)) => Some(std::path::PathBuf::from("survey-forms")),
        (None, None) => None,
    }
}
