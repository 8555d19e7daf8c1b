//! The words of the respondent pages themselves (buttons, headings, help), in each
//! language a form may use. A form's own questions come from the form file.

use serde_json::{json, Value};

use crate::domain::response::AnswerProblem;

/// The languages the respondent pages' own words are written in. A form may use
/// only these.
pub const LANGUAGES: &[&str] = &["en", "ur"];

/// Why an answer was not taken, in `lang` (English where there is no translation).
/// `dont_understand` is the form's own wording of "I don't understand" in `lang`.
pub fn answer_problem(lang: &str, problem: &AnswerProblem, dont_understand: &str) -> String {
    use AnswerProblem::*;
    match lang {
        "ur" => match problem {
            NotOnThisPage => "یہ جواب اس صفحے کے کسی سوال کا نہیں ہے۔".into(),
            NotAnOption => "دکھائے گئے جوابات میں سے ایک چنیں۔".into(),
            MoreThanOneChoice => "صرف ایک جواب چنیں۔".into(),
            NotAmongOptions => "صرف دکھائے گئے جوابات میں سے چنیں۔".into(),
            DontUnderstandWithOthers => {
                format!("«{dont_understand}» اکیلا چنیں، یا اس کا نشان ہٹا دیں۔")
            }
            NumberOutOfRange { min, max } => format!("{min} سے {max} تک کوئی پورا عدد لکھیں۔"),
            MoreThanOneValue => "صرف ایک جواب دیں۔".into(),
            TooLong { limit, length } => {
                format!("آپ کا جواب {limit} حروف یا اس سے کم ہونا چاہیے۔ اس میں {length} حروف ہیں۔")
            }
        },
        _ => match problem {
            DontUnderstandWithOthers => {
                format!("Choose \u{201c}{dont_understand}\u{201d} on its own, or untick it.")
            }
            other => other.to_string(),
        },
    }
}

/// Interface text for `lang`, falling back to English.
pub fn interface(lang: &str, minutes: u32, children: bool) -> Value {
    match lang {
        "ur" => json!({
            "continue": "جاری رکھیں",
            "skip": "مرکزی مواد پر جائیں",
            "back": "واپس",
            "start_now": "ابھی شروع کریں",
            "skip_any": "آپ کوئی بھی سوال چھوڑ سکتے ہیں۔",
            "anonymous": "ہم آپ کا نام نہیں پوچھیں گے۔ کوئی نہیں جان سکے گا کہ یہ جواب آپ کے ہیں۔",
            "how_long": format!("اس میں تقریباً {minutes} منٹ لگیں گے۔"),
            "no_time_limit": "کوئی وقت کی حد نہیں ہے۔",
            "help_heading": "مدد",
            "help": if children {
                "اگر آپ پریشان ہیں یا محفوظ محسوس نہیں کرتے تو کسی ایسے بڑے سے بات کریں جس پر آپ بھروسہ کرتے ہیں۔ آپ چائلڈ لائن کو 0800 1111 پر مفت فون کر سکتے ہیں۔"
            } else {
                "اگر آپ کو کسی بچے کی حفاظت کی فکر ہے تو کونسل کی بچوں کی خدمات یا این ایس پی سی سی کو 0808 800 5000 پر فون کریں۔ ہنگامی حالت میں 999 پر فون کریں۔"
            },
            "question_of": "سوال {n} (کل {total})",
            "section_of": "حصہ {n} (کل {total})",
            "how_heading": "آپ کس طرح جواب دینا چاہیں گے؟",
            "how_hint": "جو چاہیں چنیں۔ آپ اسے بعد میں بدل سکتے ہیں۔",
            "easy_read": "آسان الفاظ",
            "symbols": "تصویریں",
            "read_aloud": "سوال سن کر",
            "larger_text": "بڑا متن",
            "high_contrast": "زیادہ واضح رنگ",
            "language": "زبان",
            "adult_helping": "ایک بڑا میری مدد کر رہا ہے",
            "read_aloud_button": "بلند آواز میں پڑھیں",
            "read_aloud_stop": "پڑھنا بند کریں",
            "problem": "ایک مسئلہ ہے",
            "check_heading": "اپنے جوابات دیکھیں",
            "change": "تبدیل کریں",
            "not_answered": "جواب نہیں دیا",
            "send": "جوابات بھیجیں",
            "send_hint": "جوابات بھیجنے کے بعد آپ انہیں بدل نہیں سکیں گے۔",
            "done_heading": "شکریہ",
            "done_body": "آپ کے جوابات بھیج دیے گئے ہیں۔",
            "done_next": "معائنہ کار تمام جوابات کو ایک ساتھ پڑھیں گے۔ کسی کو معلوم نہیں ہوگا کہ کون سے جواب آپ کے ہیں۔",
            "next_person": "اگلا شخص اب شروع کر سکتا ہے۔",
            "resume_code": "بعد میں جاری رکھنے کے لیے آپ کا کوڈ",
            "resume_hint": "یہ کوڈ لکھ لیں تاکہ آپ کسی اور آلے پر جاری رکھ سکیں۔",
            "resume_heading": "کوڈ کے ساتھ جاری رکھیں",
            "resume_label": "آپ کا کوڈ",
            "resume_example": "مثال کے طور پر ABCD-EFGH",
            "resume_link": "کیا آپ کے پاس کوڈ ہے؟ جاری رکھیں",
            "resume_code_link": "اس کوڈ کے ساتھ جاری رکھنے کا لنک (اسے محفوظ کریں یا اپنے آپ کو بھیجیں)",
            "resume_not_found": "اس کوڈ کے ساتھ کوئی جوابات نہیں ملے۔ کوڈ چیک کریں اور دوبارہ کوشش کریں۔",
            "continue_here": "جہاں چھوڑا تھا وہاں سے جاری رکھیں",
            "closed_heading": "یہ سروے بند ہو چکا ہے",
            "closed_body": "اب جوابات نہیں لیے جا رہے۔ آپ کی دلچسپی کا شکریہ۔",
            "already_sent": "یہ جوابات پہلے ہی بھیجے جا چکے ہیں۔ انہیں صرف ایک بار محفوظ کیا گیا ہے۔",
            "error_prefix": "خرابی:",
            "max_chars": "آپ {n} حروف تک لکھ سکتے ہیں۔",
            "error_heading": "معذرت، ایک مسئلہ ہے",
            "error_unreadable": "جو بھیجا گیا اس میں سے کچھ استعمال نہیں ہو سکا۔ واپس جائیں، اپنا جواب دیکھیں اور دوبارہ کوشش کریں۔",
            "error_expired": "یہ صفحہ پرانا ہو چکا ہے۔ سروے کے شروع میں جا کر دوبارہ کوشش کریں۔ اگر آپ نے اپنا کوڈ لکھا تھا تو اس سے جاری رکھ سکتے ہیں۔",
            "error_not_found_heading": "صفحہ نہیں ملا",
            "error_not_found": "یہ صفحہ موجود نہیں ہے۔",
            "error_too_long": "جو آپ نے بھیجا وہ بہت لمبا تھا۔ واپس جائیں، اپنا جواب چھوٹا کریں اور دوبارہ کوشش کریں۔",
            "error_too_many_heading": "بہت زیادہ کوششیں",
            "error_too_many": "ایک منٹ انتظار کریں، پھر دوبارہ کوشش کریں۔",
            "error_server": "ہماری طرف کچھ غلط ہو گیا۔ چند منٹ بعد دوبارہ کوشش کریں۔ جن صفحات سے آپ آگے بڑھ چکے ہیں ان کے جوابات محفوظ ہیں۔",
            "back_to_start": "سروے کے شروع میں جائیں",
            "bsl_caption": "یہ سوال برطانوی اشاروں کی زبان (BSL) میں دیکھیں",
            "answers_invalid": "کچھ جوابات بھیجے نہیں جا سکے۔ سوالات پر واپس جا کر انہیں دیکھیں۔",
        }),
        _ => json!({
            "continue": "Continue",
            "skip": "Skip to main content",
            "back": "Back",
            "start_now": "Start now",
            "skip_any": "You can skip any question.",
            "anonymous": "We will not ask your name. Nobody will be able to tell which answers are yours.",
            "how_long": format!("It takes about {minutes} minutes."),
            "no_time_limit": "There is no time limit.",
            "help_heading": "Help",
            "help": if children {
                "If you are worried or do not feel safe, talk to an adult you trust. You can call Childline free on 0800 1111."
            } else {
                "If you are worried about a child's safety, contact the council's children's services or the NSPCC helpline on 0808 800 5000. In an emergency, call 999."
            },
            "question_of": "Question {n} of {total}",
            "section_of": "Part {n} of {total}",
            "how_heading": "How would you like to answer?",
            "how_hint": "Choose any that help. You can change them later.",
            "easy_read": "Easy read",
            "symbols": "Pictures (symbols)",
            "read_aloud": "Read aloud",
            "larger_text": "Larger text",
            "high_contrast": "High contrast",
            "language": "Language",
            "adult_helping": "An adult is helping me answer",
            "read_aloud_button": "Read aloud",
            "read_aloud_stop": "Stop reading",
            "problem": "There is a problem",
            "check_heading": "Check your answers",
            "change": "Change",
            "not_answered": "Not answered",
            "send": "Send your answers",
            "send_hint": "After you send your answers, you cannot change them.",
            "done_heading": "Thank you",
            "done_body": "Your answers have been sent.",
            "done_next": "Inspectors will read all the answers together. Nobody will know which answers are yours.",
            "next_person": "The next person can start now.",
            "resume_code": "Your code to continue later",
            "resume_hint": "Write this code down to carry on from another device.",
            "resume_heading": "Continue with a code",
            "resume_label": "Your code",
            "resume_example": "For example, ABCD-EFGH",
            "resume_link": "Have a code? Continue where you left off",
            "resume_code_link": "Link to carry on with this code (bookmark it or send it to yourself)",
            "resume_not_found": "No answers were found with that code. Check the code and try again.",
            "continue_here": "Continue where you left off",
            "closed_heading": "This survey has closed",
            "closed_body": "Answers are no longer being collected. Thank you for your interest.",
            "already_sent": "These answers have already been sent. They were stored once.",
            "error_prefix": "Error:",
            "max_chars": "You can write up to {n} characters.",
            "error_heading": "Sorry, there is a problem",
            "error_unreadable": "Something in what was sent could not be used. Go back, check your answer and try again.",
            "error_expired": "This page has expired. Go to the start of the survey and try again. If you wrote down your code, you can use it to carry on.",
            "error_not_found_heading": "Page not found",
            "error_not_found": "This page does not exist.",
            "error_too_long": "What you sent was too long. Go back, make your answer shorter and try again.",
            "error_too_many_heading": "Too many tries",
            "error_too_many": "Wait a minute, then try again.",
            "error_server": "Something went wrong on our side. Try again in a few minutes. The answers on pages you have already moved on from are kept.",
            "back_to_start": "Go to the start of the survey",
            "bsl_caption": "Watch this question in British Sign Language (BSL)",
            "answers_invalid": "Some answers could not be sent. Go back to the questions and check them.",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_answer_problem_is_worded_in_urdu_too() {
        let all = [
            AnswerProblem::NotOnThisPage,
            AnswerProblem::NotAnOption,
            AnswerProblem::MoreThanOneChoice,
            AnswerProblem::NotAmongOptions,
            AnswerProblem::DontUnderstandWithOthers,
            AnswerProblem::NumberOutOfRange { min: 0, max: 25 },
            AnswerProblem::MoreThanOneValue,
            AnswerProblem::TooLong {
                limit: 10,
                length: 12,
            },
        ];
        for problem in &all {
            let english = answer_problem("en", problem, "I don't understand");
            let urdu = answer_problem("ur", problem, "مجھے سمجھ نہیں آیا");
            assert!(!english.is_empty() && !urdu.is_empty());
            assert!(
                !urdu.chars().any(|c| c.is_ascii_alphabetic()),
                "no English in {urdu}"
            );
        }
        assert!(
            answer_problem("en", &all[4], "I don't understand").contains("“I don't understand”")
        );
        assert_eq!(
            answer_problem("fr", &all[1], ""),
            answer_problem("en", &all[1], ""),
            "English where there is no translation"
        );
    }

    #[test]
    fn interface_text_has_the_same_keys_in_every_language() {
        let keys = |v: Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
        assert_eq!(
            keys(interface("en", 5, true)),
            keys(interface("ur", 5, true))
        );
    }
}
