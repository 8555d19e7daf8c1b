//! area-send: the evidence toolkit for area SEND inspections.
//!
//! The library builds the whole service from a [`config::Config`], so that the
//! binary and the integration tests start exactly the same server.

// The interface text tables are large `json!` literals.
#![recursion_limit = "256"]

pub mod catalogue;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod web;

/// The framework and survey forms this configuration uses: files named in the
/// configuration, or those built into the binary.
pub fn load_catalogue(
    config: &config::Config,
) -> Result<catalogue::Catalogue, catalogue::Problems> {
    let forms_dir = forms_folder(config);
    let assets = domain::survey_form::Assets {
        symbols: web::templates::symbol_names(),
        bsl_files: catalogue::bsl_files(forms_dir.as_deref()),
        interface_languages: web::respond_text::LANGUAGES
            .iter()
            .map(|l| l.to_string())
            .collect(),
    };
    match (&forms_dir, &config.framework_file) {
        (None, None) => catalogue::shipped(&assets),
        (dir, file) => catalogue::from_files(
            file.as_deref()
                .unwrap_or(std::path::Path::new("framework/framework.json")),
            dir.as_deref()
                .unwrap_or(std::path::Path::new("survey-forms")),
            &assets,
        ),
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
