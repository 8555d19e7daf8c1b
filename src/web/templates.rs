//! Handlebars templates and static assets, embedded in the binary.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderErrorReason,
};

use super::error::WebError;
use crate::words::Words;

/// `{{w "key"}}`: one of the survey pages' words, in the page's language (the
/// `lang` of the data being rendered). The words are looked up here rather than
/// copied into every page's data, which every render would otherwise convert again.
struct WordHelper {
    tables: Arc<BTreeMap<String, HashMap<String, String>>>,
}

impl HelperDef for WordHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let key = h
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("w", 0))?;
        let lang = ctx
            .data()
            .get("lang")
            .and_then(|v| v.as_str())
            .unwrap_or("en");
        let text = self
            .tables
            .get(lang)
            .or_else(|| self.tables.get("en"))
            .and_then(|words| words.get(key))
            .ok_or_else(|| RenderErrorReason::Other(format!("there is no word \"{key}\"")))?;
        out.write(&handlebars::html_escape(text))?;
        Ok(())
    }
}

#[derive(rust_embed::RustEmbed)]
#[folder = "templates/"]
struct TemplateFiles;

#[derive(rust_embed::RustEmbed)]
#[folder = "templates/static/"]
struct StaticFiles;

/// Every page template, registered by its path without `.hbs` (e.g. `inspections/list`),
/// with the survey pages' `words`.
pub fn registry(words: &Words) -> anyhow::Result<Handlebars<'static>> {
    let mut hb = Handlebars::new();
    // A misspelt field is an error, not silently blank.
    hb.set_strict_mode(true);
    hb.set_dev_mode(cfg!(debug_assertions));
    hb.register_helper("error_for", Box::new(error_for));
    hb.register_helper(
        "w",
        Box::new(WordHelper {
            tables: Arc::new(words.tables()),
        }),
    );
    hb.register_embed_templates_with_extension::<TemplateFiles>(".hbs")?;
    Ok(hb)
}

// `{{error_for errors "field"}}`: the message for one field from a list of
// `{field, message}` problems, or nothing.
handlebars::handlebars_helper!(error_for: |errors: Json, field: str| {
    errors
        .as_array()
        .and_then(|list| list.iter().find(|e| e.get("field").and_then(|f| f.as_str()) == Some(field)))
        .and_then(|e| e.get("message").cloned())
        .unwrap_or(serde_json::Value::Null)
});

/// The names of the SVG symbols shipped for survey answers (`symbols/NAME.svg`).
pub fn symbol_names() -> std::collections::BTreeSet<String> {
    StaticFiles::iter()
        .filter_map(|path| {
            path.strip_prefix("symbols/")
                .and_then(|n| n.strip_suffix(".svg"))
                .map(String::from)
        })
        .collect()
}

/// A shipped static file's bytes (a symbol's SVG for the easy-read PDF, say).
pub fn static_bytes(name: &str) -> Option<Vec<u8>> {
    StaticFiles::get(name).map(|f| f.data.into_owned())
}

/// Serve CSS, SVG and the small enhancement scripts.
pub async fn static_file(path: web::Path<String>) -> Result<HttpResponse, WebError> {
    let name = path.into_inner();
    let file = StaticFiles::get(&name).ok_or(WebError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type(file.metadata.mimetype())
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(file.data.into_owned()))
}

/// A BSL video or its captions (`/media/bsl/{file}`): from the forms folder when the
/// forms come from one (with byte ranges, so a video can be scrubbed), otherwise from
/// those built in.
pub async fn bsl_file(
    req: actix_web::HttpRequest,
    state: web::Data<super::AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let name = path.into_inner();
    // Only names the form schema allows, so nothing outside the folder can be asked for.
    if !crate::catalogue::is_bsl_file_name(&name) {
        return Err(WebError::NotFound);
    }
    match crate::forms_folder(&state.config) {
        Some(dir) => {
            let file = actix_files::NamedFile::open_async(dir.join("bsl").join(&name))
                .await
                .map_err(|_| WebError::NotFound)?
                .use_etag(true)
                .use_last_modified(true)
                .disable_content_disposition();
            Ok(file.into_response(&req))
        }
        None => {
            let file = crate::catalogue::ShippedBsl::get(&name).ok_or(WebError::NotFound)?;
            Ok(HttpResponse::Ok()
                .content_type(file.metadata.mimetype())
                .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
                .body(file.data.into_owned()))
        }
    }
}
