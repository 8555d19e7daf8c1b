//! Email bodies from `templates/email/`: each email has a plain-text template
//! (`NAME.txt.hbs`, rendered with no HTML escaping, since it is not HTML) and an
//! HTML one (`NAME.html.hbs`, escaped as usual).

use handlebars::Handlebars;
use serde::Serialize;

use super::MailError;

#[derive(rust_embed::RustEmbed)]
#[folder = "templates/email/"]
struct EmailFiles;

/// The two registries, loaded once.
pub struct EmailTemplates {
    text: Handlebars<'static>,
    html: Handlebars<'static>,
}

impl std::fmt::Debug for EmailTemplates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EmailTemplates")
    }
}

/// A rendered email body in both forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub text: String,
    pub html: String,
}

impl EmailTemplates {
    pub fn load() -> anyhow::Result<Self> {
        let mut text = Handlebars::new();
        text.set_strict_mode(true);
        text.register_escape_fn(handlebars::no_escape);
        let mut html = Handlebars::new();
        html.set_strict_mode(true);
        for name in EmailFiles::iter() {
            let Some(file) = EmailFiles::get(&name) else {
                continue;
            };
            let source = std::str::from_utf8(&file.data)?.to_string();
            if let Some(stem) = name.strip_suffix(".txt.hbs") {
                text.register_template_string(stem, source)?;
            } else if let Some(stem) = name.strip_suffix(".html.hbs") {
                html.register_template_string(stem, source)?;
            }
        }
        Ok(Self { text, html })
    }

    /// Render the email `name` in both forms.
    pub fn render(&self, name: &str, data: &impl Serialize) -> Result<Body, MailError> {
        let message = |e: handlebars::RenderError| MailError::Message(format!("{name}: {e}"));
        Ok(Body {
            text: self.text.render(name, data).map_err(message)?,
            html: self.html.render(name, data).map_err(message)?,
        })
    }
}

/// What a survey invitation or reminder says.
#[derive(Debug, Clone, Serialize)]
pub struct SurveyEmail {
    pub reminder: bool,
    pub heading: String,
    pub council: String,
    /// Who the survey is for, in a sentence: "parents and carers".
    pub audience: String,
    pub setting: Option<String>,
    pub minutes: u32,
    pub closes: String,
    pub link: String,
    pub opt_out_link: String,
}

impl SurveyEmail {
    pub fn subject(&self) -> String {
        if self.reminder {
            format!(
                "Reminder: the survey about SEND services ({}) closes at {}",
                self.council, self.closes
            )
        } else {
            format!("Tell inspectors about SEND services ({})", self.council)
        }
    }
}

/// A short email about a step of the review: a heading, a few paragraphs, and one
/// link whose text makes sense alone.
#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub link_text: String,
    pub link: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email(reminder: bool) -> SurveyEmail {
        SurveyEmail {
            reminder,
            heading: "Tell us about SEND services in Harrow & Vale".into(),
            council: "Harrow & Vale".into(),
            audience: "parents and carers".into(),
            setting: Some("Oakfield <School>".into()),
            minutes: 15,
            closes: "5:00pm on Friday 11 December 2026".into(),
            link: "https://example.org/s/invite/abc".into(),
            opt_out_link: "https://example.org/s/invite/abc/opt-out".into(),
        }
    }

    #[test]
    fn text_is_not_escaped_and_html_is() {
        let t = EmailTemplates::load().unwrap();
        let body = t.render("survey", &email(false)).unwrap();
        assert!(body.text.contains("in the area of Harrow & Vale."));
        assert!(body.text.contains("Oakfield <School>"));
        assert!(body
            .text
            .contains("https://example.org/s/invite/abc/opt-out"));
        assert!(!body.text.contains("A reminder"));
        assert!(body.html.contains("Harrow &amp; Vale"));
        assert!(body.html.contains("Oakfield &lt;School&gt;"));
        assert!(body.html.contains("<html lang=\"en\">"));
        assert!(body
            .html
            .contains(">Answer the survey about SEND services (Harrow &amp; Vale)</a>"));
        let reminder = t.render("survey", &email(true)).unwrap();
        assert!(reminder
            .text
            .starts_with("A reminder: the survey closes at 5:00pm"));
        assert!(email(true).subject().starts_with("Reminder:"));
    }

    #[test]
    fn an_unknown_template_is_an_error_not_a_panic() {
        let t = EmailTemplates::load().unwrap();
        assert!(t.render("nothing", &email(false)).is_err());
    }
}
