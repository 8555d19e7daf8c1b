//! Triage of free-text survey answers before an inspector may quote them.
//!
//! Every answer is checked for two things: personal data (names, contact
//! details, a named setting with a child's details) and possible safeguarding
//! disclosures. Missing a disclosure costs far more than a false flag, so the
//! safeguarding rules lean hard towards flagging: besides phrase rules they
//! flag most answers that mention a harm-related experience at all (harm words
//! in children's spellings, near a person, the home or the writer), and step
//! back only where wording is plainly figurative ("it's killing me waiting",
//! "a slap in the face"), about the system ("abuse of process", "hit by the
//! cuts"), medical or accidental ("bruises easily", "hurt his knee in PE"), or
//! negated right before the words ("nobody hurts me").
//!
//! What counts as a disclosure: harm, neglect, exploitation or sexual harm to
//! a child from anyone; self-harm and suicidal talk (self-injury in distress
//! included); restraint, seclusion and being shut in by staff; a child's
//! violence towards a parent or sibling at home. A child's own distressed
//! behaviour towards staff, other pupils or things ("he hits out when
//! overwhelmed", "he punched the TA") is not, nor is bullying that was dealt
//! with ("bullied a bit but the school sorted it").
//!
//! When no rule flags an answer, a recall-first fallback tier searches it
//! for a broad lexicon of harm words (see `FALLBACK`) and flags any that is
//! not inside a figurative, system-directed, accidental or policy phrasing
//! and not negated just before ("nobody hurts me"): on answers written after
//! the rules, by other hands, the rules alone missed about one disclosure in
//! five.
//!
//! When neither tier flags an answer, a learned layer (a logistic regression
//! over word unigrams and bigrams, trained in [`Detector::new`] on the
//! hand-labelled fixtures) flags it when its score clears a threshold chosen
//! by cross-validation, and only when the text holds no lexicon word the
//! rules have already weighed. On a batch of 123 answers written after
//! everything else (tests/fixtures/triage-eval.jsonl, never trained on; the
//! threshold was fixed before it was read) it took safeguarding recall from
//! 0.91 to 1.00 and precision from 0.85 to 0.78. Its weights lean on a
//! child's first-person voice ("i", "me") as much as on content, so expect
//! false flags on plain children's answers.
//!
//! Everything is compiled once in [`Detector::new`]. A scan makes a few regex
//! passes over an ASCII-lowercased copy of the text (the same byte offsets, so
//! findings point into the original) and one pass over its words for names.
//! Each safeguarding rule is split into its alternatives; a table of the
//! literal words each alternative cannot match without picks, in one pass,
//! the few alternatives worth trying and the sentences to try them on.

use std::collections::{HashMap, HashSet};

use regex::bytes::Regex as BytesRegex;
use regex::Regex;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonalKind {
    Name,
    Email,
    Phone,
    Postcode,
    Address,
    NhsNumber,
    DateOfBirth,
    SettingWithChild,
}

impl PersonalKind {
    /// What replaces this kind of data in redacted text.
    pub fn placeholder(self) -> &'static str {
        match self {
            PersonalKind::Name => "[name]",
            PersonalKind::Email => "[email]",
            PersonalKind::Phone => "[phone]",
            PersonalKind::Postcode => "[postcode]",
            PersonalKind::Address => "[address]",
            PersonalKind::NhsNumber => "[NHS number]",
            PersonalKind::DateOfBirth => "[date of birth]",
            PersonalKind::SettingWithChild => "[setting]",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SafeguardingKind {
    Harm,
    Abuse,
    Neglect,
    SelfHarm,
    Unsafe,
    Sexual,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "label", content = "kind", rename_all = "snake_case")]
pub enum Flag {
    Personal(PersonalKind),
    Safeguarding(SafeguardingKind),
}

impl Flag {
    fn is_personal(self) -> bool {
        matches!(self, Flag::Personal(_))
    }
}

/// One finding: what was flagged and where (byte offsets on char boundaries).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub flag: Flag,
    pub start: usize,
    pub end: usize,
    pub excerpt: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Triage {
    pub findings: Vec<Finding>,
}

impl Triage {
    pub fn personal_data(&self) -> bool {
        self.findings.iter().any(|f| f.flag.is_personal())
    }

    pub fn safeguarding(&self) -> bool {
        self.findings.iter().any(|f| !f.flag.is_personal())
    }
}

// ---------------------------------------------------------------------------
// Safeguarding rules
// ---------------------------------------------------------------------------
//
// Patterns run on the ASCII-lowercased text folded to ASCII bytes (see
// [`fold`]), one sentence at a time, so no pattern can see past a full stop.
// In them a straight apostrophe stands for "an apostrophe, curly or straight,
// or none" (children write "dont" as often as "don't"), and `\b`, `\w`, `\s`
// and classes are ASCII. `not_before` is tried on up to 60 bytes before a
// match (anchor it with `$`), `not_after` on the match and up to 60 bytes
// after it (anchor it with `^`). Regex look-around is not available.
//
// Speed: every top-level alternative of a pattern becomes its own regex, and
// must contain a literal of three bytes or more that [`required_literals`]
// can find (a word outside any optional part), or it runs on every sentence
// of every answer. The `gate_literals_cover_every_match` test checks this.

/// People a child might name as hurting them or being hurt.
const PEOPLE: &str = r"(?:mum|mom|mam|mummy|mommy|mother|dad|daddy|father|brother|sister|siblings?|baby|son|daughter|child|kids?|children|friends?|nan|nanna|nana|nanny|grandma|grandad|granny|grandpa|step\w+|wife|husband|partner|girlfriend|boyfriend|cousin|auntie|aunty|uncle|twin|carer|teacher|ta|pet|dog|cat|(?:little|big|baby|younger|older|twin|half)\s+\w+)";

/// Body parts, so that "kicked my leg" reads as harm but "kicked my ball" not.
const BODY: &str = r"(?:face|head|arms?|legs?|back|stomach|tummy|belly|chest|neck|throat|ears?|eyes?|nose|mouth|hands?|body|bum|bottom|privates|ribs|side|cheeks?|hair|wrists?|fingers?|shoulders?|knees?|feet|foot)";

struct RuleSpec {
    kind: SafeguardingKind,
    pattern: &'static str,
    not_before: &'static str,
    not_after: &'static str,
    /// Dropped when a negating word ("never", "nobody", "don't") comes right before.
    negatable: bool,
}

const fn rule(
    kind: SafeguardingKind,
    pattern: &'static str,
    not_before: &'static str,
    not_after: &'static str,
    negatable: bool,
) -> RuleSpec {
    RuleSpec {
        kind,
        pattern,
        not_before,
        not_after,
        negatable,
    }
}

use SafeguardingKind::{Abuse, Harm, Neglect, SelfHarm, Sexual, Unsafe};

/// `{OBJ}` in a pattern is someone on the receiving end: a pronoun, or "my/his/her"
/// with a person or a body part ("kicked my leg", but not "kicked my ball").
const RULES: &[RuleSpec] = &[
    // Violence with a person or a body part on the receiving end.
    rule(
        Harm,
        r"\b(?:hit|hits|hitting|hitted|hitt|beat|beats|beating|beaten|beated|punch|punches|punched|punching|punshed|kick|kicks|kicked|kicking|kiked|slap|slaps|slapped|slapping|smack|smacks|smacked|smacking|strangle[sd]?|strangling|choke[sd]?|choking|throttle[sd]?|stab|stabs|stabbed|stabbing|whip|whips|whipped|belt|belts|belted|batter|batters|battered|thump|thumps|thumped|headbutt|headbutts|headbutted|bash|bashes|bashed|attack|attacks|attacked|attacking|assault|assaults|assaulted|burnt|burned|burns|hurts|hurt|hurting|hurted)(?:\s+up)?\s+{OBJ}\b",
        r"(?:\b(?:it|that|this|reality|realisation|realization|news|system|process|delays?|wait|waiting|council|decision|cuts|lockdown|covid|pandemic|move|changes?|loss|death|divorce|transition|diagnosis|exclusion|isolation|bereavement)\s+(?:has\s+|have\s+|had\s+|really\s+|so\s+|badly\s+|just\s+|also\s+|suddenly\s+|finally\s+|still\s+)*|\b(?:panic|heart|anxiety|asthma)\s+|\b(?:seeing|watching|knowing|hearing)\b[^.!?]{0,40}|\b(?:dryers?|noise|noises|lights?|alarms?|bells?|sounds?|music|injections?|needles?|jabs?|blood tests?|physio|stretches|splints?|shoes|boots|braces?|glasses|teeth|tooth|hips?|joints?|legs?|back|tummy|stomach|head|ears?|eyes?|period|periods|seizures?|condition|sun|light)\s+(?:\w+\s+)?|\b(?:fell|fall|falls|falling|tripped|slipped|crashed|bumped|banged|came off)\b[^.!?]{0,40})$",
        r"^hurt\w*\s+(?:his|her|my)\s+(?:back|shoulder|wrist|knee)\s+(?:lifting|carrying|playing|moving|pushing|at work|in the gym|doing)\b|^hurt\w*\s+(?:my|his|her)\s+(?:finger|fingers|thumb|toe|knee|ankle|wrist|elbow|foot|leg|arm|back|head|hand)\s+(?:in|on)\s+(?:the|a)\s+(?:door|table|desk|playground|park|trampoline|slide|swing|stairs|gym|car door)|^(?:kick\w*\s+\w+\s+(?:\w+\s+)?(?:out|off)\b|beat\w*\s+\w+\s+(?:\w+\s+)?(?:at|in (?:a|the) (?:race|game|match))\b|beat\w*\s+\w+\s+to\s+it\b|hit\w*\s+(?:the|his|her|my|their)\s+(?:targets?|milestones?|ceiling|limit|wall|peak|mark|deadline)|(?:burnt|burned|burns)\s+(?:my|his|her)\s+(?:tongue|mouth|fingers?|hand)\b|hurt\w*\s+(?:me|us|him|her)\s+(?:to|that|so much to|deeply|inside)\b|bit\w*\s+(?:his|her|my|their)\s+(?:nails|lip|lips|sleeves?|clothes|pencils?|toys|fingers|collar|cuffs|tongue)\b|hit\w*\s+(?:me|him|her|us|them)\s+with\s+(?:a|an|another|the|yet another)\s+(?:\w+\s+){0,3}(?:exclusion|fine|letter|bill|detention|sanction|suspension|decision|refusal|rejection|demand|charge|penalty)\b|hit\w*\s+(?:his|her|my|their)\s+(?:head|knee|elbow|leg|arm|face|chin|nose)\s+on\s+(?:the|a)\s+(?:table|desk|door|floor|wall|chair|ground|corner|radiator|climbing|slide|swing)\b[^.!?]{0,80}\b(?:(?:he|she) was (?:fine|ok|okay|alright)|by accident|accidentally|fell|tripped|slipped|they rang me|first aid)\b|[^.!?]{0,40}\b(?:falling (?:off|over|down)|fell (?:off|over|down)|tripped|tripping|trips over|slipped|slipping|slips over|by accident|accidentally|playing (?:football|rugby|netball|on)|in pe|at football|in the playground|at playtime|at break ?time|on the climbing frame)\b|^(?:hit|hits|hitting|punch\w*)\s+the\s+air\b|\w+\s+(?:up\s+)?(?:the|his|her|their|a)\s+(?:ta|teacher|teachers|carer|senco|head|escort|driver)\b[^.!?]{0,40}\b(?:excluded|suspended|sent home|isolation|in trouble|expelled|exclusion|restrained|when (?:he|she) (?:was|is|gets))\b)",
        true,
    ),
    rule(
        Harm,
        r"\b(?:push|pushes|pushed|pushing|shove|shoves|shoved|shoving|flick|flicks|flicked|flicking|poke|pokes|poked|poking|prod|prods|prodded|prodding|jab|jabs|jabbed|nip|nips|nipped|squeeze|squeezes|squeezed|yank|yanks|yanked|grab|grabs|grabbed|grabbing|drag|drags|dragged|dragging|pinch|pinches|pinched|pinching|scratch|scratches|scratched|bite|bites|bit|bitten|biting|shake|shakes|shook|shaking|(?:throws?|threw|throwing)\s+(?:things|stuff|\w+)\s+at|spit|spits|spat|twist|twists|twisted|tripped|trips)\s+{OBJ}\b",
        r"\b(?:it|that|this)\s+(?:really\s+|so\s+|just\s+)?$",
        r"^(?:push\w*\s+\w+(?:\s+\w+)?\s+(?:to|towards?|forward|too|hard|harder|on|into\s+(?:a\s+|an\s+|the\s+)?(?:mainstream|special|specialist|placement|school|class|setting|tribunal|crisis|burnout|independence|education|exams?|college))\b|(?:shake|shakes|shook|shaking)\s+\w+(?:\s+\w+)?\s+(?:hand|up)\b|grab\w*\s+\w+(?:\s+\w+)?\s+attention|drag\w*\s+\w+(?:\s+\w+)?\s+(?:to|into)\s+(?:school|class|the car|appointments?|lessons?)|bit\s+(?:me|him|her|us|them)\s+(?:of|more|less|better)\b|bit\w*\s+(?:his|her|my|their)\s+(?:nails|lip|lips|sleeves?|clothes|pencils?|toys|fingers|collar|cuffs|tongue|hands?|arms?)\b[^.!?]{0,40}\b(?:anxious|nervous|stressed|worried|bored|concentrat\w*|habit|sensory|chew\w*)|twist\w*\s+(?:my|his|her)\s+arm\s+(?:to|into)\b)",
        true,
    ),
    // Passive or reported harm: "got hit", "was badly hurt", "is being kicked".
    rule(
        Harm,
        r"\b(?:got|get|gets|getting|been|being|was|were|is|am|are|keeps? getting)\s+(?:\w+\s+)?(?:hit|hurt|beaten|beat up|punched|kicked|slapped|smacked|attacked|assaulted|strangled|choked|stabbed|burnt|burned|bitten|battered|thumped|headbutted|pushed|shoved|thrown|restrained|dragged|pinned down|held down|locked in|locked up|locked out|tied up|whipped|abused|touched|molested|raped|groomed|exploited|threatened|hurted|smacked)\b",
        r"\b(?:hate|hates|hated|like|likes|liked|mind|minds|stand|bear|tolerate|tolerates|enjoy|enjoys|cope with|copes with|morale|budgets?|funding|finances?|services|sector|economy|we|families|schools?)\s+(?:\w+\s+){0,2}$",
        r"^\S+\s+(?:\S+\s+)?hurt\s+(?:by\s+(?:how|what|the way|being|not|their|the|this|his|her|all|our)\b|feelings|easily|emotionally)|^\S+\s+(?:\S+\s+)?hit\s+(?:and|or)\s+miss\b|^[^.!?\n]{0,30}\b(?:bitten|attacked|bit|scratched|stung)\s+by\s+(?:a|the|next door's|our|their|his|her|my|some)\s+(?:\w+\s+)?(?:dog|dogs|cat|cats|horse|insect|bee|wasp|snake|spider|mosquito|animal|hamster|rabbit)\b|^(?:\S+\s+(?:\S+\s+)?(?:not|never|no)\s|[^.!?]{0,40}?(?:hurt\s+(?:that|when|because|and\s+(?:upset|angry|confused|disappointed|frustrated|let down)|by\s+(?:the|their|this|his|her|all|a|how|what|our)\s+(?:long\s+|endless\s+|constant\s+)?(?:wait|waiting|delay|delays|process|system|lack|decision|decisions|council|la|local authority|school's|failure|experience|situation|way|cuts|refusal|policy|comments?|words|attitude|response|letter|email|report|treatment|rejection))|pushed\s+(?:into|out|from|back|to|towards|through|aside)|kicked\s+(?:out|off)|thrown\s+(?:out|off|into)|locked out of (?:the|his|her|my|our) (?:account|portal|system|app|email)|touched\s+(?:that|to see|to hear|by (?:the|their|how|your) (?:kindness|care|support|effort|way|words|gesture))|threatened\s+with\s+(?:a\s+|an\s+)?(?:exclu\w*|fines?|court|legal|prosecution|tribunal|removal|letters?|being (?:excluded|fined|taken))|hit\s+(?:hard\s+|badly\s+)?by\s+(?:the\s+)?(?:funding\s+|budget\s+|council\s+)?(?:cuts|delays?|changes|costs?|bills?|news|pandemic|covid|lockdown)|(?:burnt|burned)\s+out))",
        true,
    ),
    rule(
        Harm,
        r"\bbruis\w*|\bmarks?\s+on\s+(?:my|his|her|their|the)\s+(?:arms?|necks?|faces?|backs?|legs?|body|wrists?|skin|bum|bottom|chest|stomach|tummy|throat)\b|\bblack eyes?\b|\b(?:cigarette|rope|belt)\s+(?:burns?|marks?)\b|\bburns?\s+on\s+(?:my|his|her|their)\b|\b(?:split|fat|bleeding|bust|busted)\s+lip\b|\bunexplained\s+(?:injur\w*|marks|bruis\w*|cuts|burns)|\bcomes?\s+(?:home|in|into school|to school)\s+with\s+(?:\w+\s+){0,2}(?:injur\w*|marks|cuts|scratches|bruis\w*|burns|bite marks)|\b(?:injur\w*|marks|cuts|scratches|burns)\b[^.!?]{0,40}\b(?:nobody|no one|noone|can't|cannot|couldn't|could not|won't|unable to)\b[^.!?]{0,20}\bexplain|\b(?:get|gets|got|getting|give|gives|gave|giving)\s+(?:me|him|her|us\s+)?(?:a\s+)?(?:smack|slap|beating|hiding|belting|whack|kicking|good hiding)\b",
        r"\b(?:falls?|falling|fell|trips|seizures?|fits|hypermobil\w*|clumsy|dyspraxi\w*|cerebral palsy|haemophilia|eds)\b[^.!?]{0,40}$",
        r"^bruised\s+(?:ego|pride|confidence|feelings)|^bruis\w*\s+(?:\w+\s+)?easily|^(?:marks?|bruis\w*)\s+(?:\w+\s+){2,6}(?:from|because of|due to)\s+(?:his|her|the)\s+(?:new\s+)?(?:splints?|straps?|brace|braces|glasses|shoes|boots|wheelchair|hoist|orthotics|afos?|harness|seat ?belt|ecg|sensors?|sling|cast|plaster|feeding tube|peg)\b|^bruis\w*\s+(?:on|to)\s+(?:his|her|my)\s+(?:knees?|shins?|legs)\b[^.!?]{0,30}\b(?:falls?|fell|falling|playing|trampolin\w*|football|rugby|netball|hockey|pe|sport|sports|the playground|climbing)|^bruis\w*\s+(?:from|after|because of)\s+(?:his|her|a|the)\s+(?:falls?|seizures?|fits?|condition|medication|splints?|wheelchair|hoist|accident|fall)",
        true,
    ),
    // Threats, but not the school's threats of fines or exclusion.
    rule(
        Harm,
        r"\bthreat(?:en|ens|ened|ening|s)?\b",
        r"\b(?:under|no|little|the)\s+$",
        r"^threat\w*\s+(?:(?:us|me|him|her|them|the family|my family|parents|my son|my daughter|my child)\s+)?(?:with\s+|to\s+|of\s+)?(?:a\s+|an\s+|the\s+)?(?:exclu\w*|fine|fines|fined|fining|court|legal|prosecut\w*|tribunal|judicial|take (?:us|me|him|her) to court|report|withdraw\w*|remov\w*|stop|close|call social|refer\w*|involve|permanent|cut|end|place|his place|her place|funding|letters?|emails?|attendance|penalt\w*|section|social services|deregist\w*|off.?roll\w*|services|our|his|her)\b|^threatening\s+(?:letters?|emails?|tone|language|manner)|^threat\w*\s+(?:(?:us|me|him|her|them)\s+)?(?:to\s+|with\s+)?(?:take|taking|remove|removing|stop|stopping|lose|losing|miss|missing|cancel\w*|ban\w*)\s+(?:away\s+)?(?:\w+\s+){0,2}(?:golden time|playtime|break|breaktime|lunchtime|privileges|rewards?|trips?|phone|ipad|tablet|xbox|console|screen time|pocket money|treats?|football|activities|the trip|prom|detention)",
        true,
    ),
    rule(
        Harm,
        r"\b(?:kill|kil|murder)\s+(?:you|me|him|her|us|them|my\s+\w+)\b|\bkys\b|\bkill\s+(?:your|ur)\s?self\b|\bgo die\b|\b(?:said|says|say)\s+(?:he|she|they)(?:'ll|'d|\s+will|\s+would|\s+is going to|\s+was going to)\s+(?:kill|hurt|hit|beat|stab|smash|burn)\b",
        "",
        "",
        false,
    ),
    rule(
        Harm,
        r"\b(?:knife|knives|blade|blades|machete|weapon|weapons|gun|guns)\b",
        r"\b(?:nerf|water|toy|glue|plastic|butter|cutlery|table|bread|fish|pretend|staple)\s+$|\b(?:cook\w*|chef|chefs|kitchen|baking|food tech\w*)\b[^.!?\n]{0,40}$",
        r"^(?:kni\w+\s+(?:and\s+forks?|skills|safely|to cut|work|crime|awareness|amnesty)|guns?\s+games?)|^(?:knife|knives)\b[^.!?\n]{0,50}\b(?:cook\w*|chef|chefs|kitchen|baking|food tech\w*|cutlery)\b|^weapons?\b[^.!?\n]{0,40}\b(?:council|la|local authority|school|system|against (?:parents|families|us))\b",
        true,
    ),
    rule(
        Abuse,
        r"\bdomestic\s+(?:violence|abuse)\b|\bdv\b",
        "",
        "",
        false,
    ),
    rule(
        Harm,
        r"\bviolen(?:ce|t)\s+(?:at|in the|towards|to|against)\s+(?:home|house|me|us|him|her|my|his|our|the family|mum|dad)\b|\b(?:dad|daddy|mum|mummy|mom|mam|father|mother|step\w*|brother|uncle|boyfriend|partner|he|she)\s+(?:is|was|gets|can be|becomes|has been)\s+(?:very\s+|really\s+|so\s+)?violent\b",
        "",
        "",
        true,
    ),
    // Restraint, seclusion and being shut in.
    rule(
        Harm,
        r"\brestrained\b|\brestraint\s+(?:was|is|has been|had been|being|were)\s+used|\b(?:used|uses|using|use of)\s+(?:physical\s+)?restraint\s+on\b|\b(?:held|holds|pinned|pins|sat on|sits on)\s+(?:me|him|her|them)\s+(?:down|to the floor|on the floor|against)\b|\bpinned\s+(?:me|him|her)\b|\b(?:physically|forcibly)\s+(?:restrained|removed|dragged|held|manhandled)\b|\bmanhandl\w*|\bisolation\s+(?:room|booth)s?\b|\bseclusion\b|\block(?:s|ed|ing)?\s+(?:me|him|her|them|us)\s+(?:in|out|up)\b|\blocked in (?:a|the|his|her|my) (?:room|cupboard|bedroom|shed|toilet|office)|\bsat on (?:me|him|her)\b|\b(?:put|puts|shut|shuts|kept|keeps)\s+(?:me|him|her|them)\s+in\s+(?:a|the)\s+(?:cupboard|cage|dark room|box|shed)\b",
        "",
        "",
        true,
    ),
    rule(
        Harm,
        r"\b(?:dad|daddy|mum|mummy|mom|mam|father|mother|step\w+|brother|uncle|nan|grandad|boyfriend|partner)\s+(?:always\s+|keeps\s+|constantly\s+|just\s+)?(?:shouts|screams|swears|yells|shouted|screamed|swore|yelled|shouting|screaming|swearing|yelling)\s+at\s+(?:me|us)\b",
        "",
        r"^[^.!?\n]{0,50}?\bat\s+(?:me|us)\s+(?:to|for|about)\s+(?:tidy|clean|hurry|get up|get dressed|get ready|do (?:my|our) homework|go to bed|turn|put|brush|stop playing|come|finish|eat)\b",
        true,
    ),
    // Abuse.
    rule(
        Abuse,
        r"\babus\w*",
        r"\b(?:signs? of|indicators? of|training (?:on|in|about)|awareness of|recogni[sz]e|recogni[sz]ing|spot|spotting|identify|identifying|prevent|preventing|prevention of|tackle|tackling|protect(?:ed|ing|s)? (?:children|them|pupils|young people|learners) from|keep children safe from)\s+(?:\w+\s+)?$",
        r"^abus\w*\s+(?:how|the way|that|what)\s+(?:parents|families|we|carers|they|the system|children|our)\b|^abus\w*\s+(?:\w+\s+){0,4}by\s+(?:the\s+)?(?:system|process|council|la|local authority|services|professionals|panel)\b|^abuse\s+(?:we|i)\s+(?:received|got|get|had|took|receive)\b[^.!?]{0,40}\b(?:council|officer|staff|la|caseworker|phone|emails?|school|parents|professionals?|online|social media)\b|^abus\w*\s+of\s+(?:the\s+)?(?:process|power|powers|system|position|procedure|procedures|discretion|law|funds|public money|authority|statutory|legal|rules|data)\b|^abusing\s+(?:the|their|its|his|her)\s+(?:system|power|powers|position|process|authority)",
        true,
    ),
    rule(
        Abuse,
        r"\btouch(?:es|ed|ing)?\s+(?:me|my\s+(?:privates?|private parts|bum|bottom|body|chest|breasts?|boobs|willy|penis|vagina|bits|legs?|thighs?|front)|(?:him|her|them)\s+(?:inappropriately|down there|there|in (?:a|the) wrong way|in private places)|(?:his|her|their)\s+(?:privates?|private parts|bum|bottom|willy|penis|vagina|bits|breasts?|boobs|chest))\b|\binappropriate(?:ly)?\s+touch\w*|\btouch\w*\s+(?:\w+\s+){0,3}inappropriately|\bbad touch\w*|\b(?:keeps?|kept|been|always|started|starts|constantly|won't stop|keep on)\s+touching\s+(?:me|him|her|them)\b|\bpull(?:s|ed|ing)?\s+(?:my|his|her)\s+(?:trousers|pants|knickers|skirt|shorts|top|underwear)\s+(?:down|off|up)\b",
        r"\b(?:like|likes|liked|stand|bear|want|wants|hate|hates|mind|minds|tolerate|tolerates)\s+(?:it\s+)?(?:when\s+)?(?:people|anyone|anybody|others|someone|strangers|them|staff|adults|you)?\s*$",
        "",
        true,
    ),
    rule(
        Abuse,
        r"\bgroom(?:ed|ing|s)?\b",
        r"\b(?:personal|self|self-care|hair|dog|pet|and|well)\s+$",
        r"^grooming\s+(?:skills|routines?|needs|and (?:dressing|hygiene|washing)|tasks|himself|herself)",
        true,
    ),
    rule(
        Abuse,
        r"\b(?:make|makes|made|making|force|forces|forced|forcing)\s+(?:me|him|her|us)\s+(?:to\s+)?(?:do\s+(?:things|stuff|bad things|sexual|what|it)|touch|watch|take (?:my|his|her|their) (?:clothes|top|trousers|pants|shirt|t-shirt|knickers|bra|underwear|shorts|skirt) off|undress|kiss|keep secrets?)\b|\b(?:make|makes|made|force|forces|forced|get|gets|got|getting)\s+(?:me|him|her)\s+(?:to\s+)?(?:steal|sell|carry|hold|deliver|run)\s+(?:\w+\s+)?(?:drugs|stuff|things|packages|parcels|for them|weed)\b|\bour (?:little )?secret\b|\bkeep (?:it )?(?:a )?secret\b|\b(?:told|tells|said) (?:me|him|her) not to tell\b|\bnot (?:allowed|supposed) to tell (?:anyone|anybody|mum|dad|my mum|my dad|you|the teacher)\b|\b(?:don't|do not) tell (?:anyone|anybody) (?:or|because)\b",
        "",
        "",
        false,
    ),
    rule(
        Abuse,
        r"\b(?:exploit(?:ed|ation|ing)|county lines|cse|cce|trafficked|trafficking|forced marriage|fgm|female genital|honou?r based|modern slavery)\b|\bcoerc\w*",
        r"\b(?:could|might|may|would|will|to|easily|worry (?:that )?(?:he|she|they) (?:could|might|will)|scared (?:that )?(?:he|she|they) (?:could|might|will))\s+(?:be\s+|get\s+)?$|\b(?:training|trained|covered|covers|cover|awareness|sessions?|lessons?|talks?|workshops?|assembly|course|module|policy|taught|learning)\b[^.!?\n]{0,40}$",
        r"^(?:exploit\w*\s+(?:the|this|a|our|their)\s+(?:system|loophole|gap|situation|goodwill)|(?:exploit\w*|county lines|cse|cce|trafficking|fgm|forced marriage|modern slavery)\b[^.!?\n]{0,50}\b(?:training|awareness|workshops?|assembly|lessons?|sessions?|policy|module|course)\b|coerc\w*\s+(?:us|me|parents|families)\s+into\s+(?:signing|accepting|agreeing))",
        true,
    ),
    rule(
        Abuse,
        r"\bchild protection\s+(?:plan|case|conference|investigation|referral|enquiry|enquiries|concerns?|register|order|proceedings)\b|\bsection 47\b|\bs47\b|\bcp plan\b|\bsafeguarding\s+(?:concerns?|referrals?|issues?|alerts?|reports?|incidents?|disclosures?|investigation)\b|\bdisclos(?:ed|es|ing)\s+(?:that\s+(?:\w+\s+){0,8}(?:hit|hurt|abus|touch|beat|kick|punch|harm|scared|unsafe)|abuse|something (?:at|to|about))|\bmade a disclosure\b|\bsocial services (?:are|were|got|have been|became|had to be) involved\b|\blado\b|\bchild sexual\b",
        "",
        "",
        true,
    ),
    // Neglect.
    rule(
        Neglect,
        r"\b(?:no|never any|never enough|not enough|isn't any|isn't enough|hardly any|there's no|nothing)\s+(?:food|dinner|tea|breakfast|lunch|meals?)\s+(?:at|in)\s+(?:home|the house|my house|our house)\b|\bnothing to eat\b|\bno food\b|\b(?:never|not|don't|doesn't|isn't|wasn't|hasn't been|haven't been|aren't|weren't)\s+(?:being\s+|been\s+|gets?\s+|getting\s+|properly\s+)?fed\b|\b(?:go|goes|going|went|gone)\s+(?:to\s+(?:bed|school)\s+)?hungry\b|\b(?:always|so|very|really|constantly|often)\s+hungry\b|\bhungry all the time\b[^.!?]{0,50}\b(?:at home|no food|nobody|never)\b|\bstarving (?:at home|all the time)\b|\b(?:always|constantly|often)\s+starving\b|\bstarved\b|\bno breakfast\b|\bwithout (?:any\s+)?(?:breakfast|food|dinner|tea)\b|\b(?:don't|doesn't|never|didn't|not)\s+(?:get|gets|got|have|has|had|given|getting)\s+(?:any\s+)?(?:dinner|tea|breakfast|brekfast|brekfest|breckfast|brekkie|brekky|food|meals?|anything to eat)\b|\b(?:seems?|looks?|appears?|comes?\s+(?:in|to school)|coming\s+(?:in|to school)|came\s+(?:in|to school)|arrives?|arriving|turns? up)\s+(?:\w+\s+)?(?:hungry|unkempt|dirty|filthy|smelly|unwashed)\b|\b(?:hungry|dirty|unwashed|unkempt|smelly)\s+and\s+(?:dirty|hungry|unwashed|unkempt|smelly)\b",
        r"\b(?:tube|peg|feeds?|feeding|medication|meds|steroids|diabet\w*|prader[\w-]*|growth spurt|snack|snacks|sensory|picky|fussy|beige|arfid)\b[^.!?]{0,40}$|\b(?:toilets?|bathrooms?|changing rooms?|classrooms?|buildings?|halls?|canteen|buses|bus|taxis?|minibus)\s+(?:\w+\s+){0,3}$",
        r"^(?:(?:always|so|very|really|constantly|often)\s+)?(?:hungry|starving)\s+(?:\w+\s+)?(?:after|before)\s+(?:swimming|school|pe|sport|sports|exercise|football|training|a long day|lunch|dinner|tea|breakfast|his|her|the)\b|^(?:\S+(?:\s+\S+){0,2}\s+fed\s+up|(?:always|so|very|really|constantly|often)\s+hungry\b[^.!?]{0,50}\b(?:medication|meds|growth spurt|tablets)|\S+\s+hungry\s+(?:for|to)\s+(?:learn\w*|knowledge|success|more|information|attention|progress)|no food\s+(?:allowed|or drink|in (?:class|the classroom|lessons)|in the car)|no food\s+(?:is\s+|are\s+)?(?:allowed|permitted)|no food\s+(?:tech\w*|science|lessons?|preparation|prep|hygiene)\b|no food\s+(?:on|in)\s+(?:the\s+)?(?:\w+\s+)?(?:bus|taxi|minibus|coach|transport|car|library)|starved\s+of\s+(?:funding|money|resources|support|cash|investment)|no breakfast club|without\s+(?:any\s+)?(?:breakfast|food)\s+(?:club|provision))",
        false,
    ),
    rule(
        Neglect,
        r"\bleft\s+(?:(?:me|him|her|us|them|my\s+\w+|his\s+\w+|her\s+\w+)\s+)?(?:at\s+home\s+|home\s+)?(?:all\s+)?(?:alone|on (?:my|his|her|their|our) own|by (?:my|him|her|them|our)sel(?:f|ves))\b|\bhome alone\b|\b(?:alone|on my own|by myself|on our own)\s+(?:all|every)\s+(?:night|day|weekend|evening)\b|\b(?:nobody|no one|noone|no body)\s+(?:\w+\s+)?(?:looks after|look after|takes care of|cares for|feeds|is there for|looking after)\s+(?:me|us|him|her|them)\b|\bno one to look after\b|\b(?:look|looking|looks)\s+after\s+my\s?self\b|\b(?:nobody|no one|noone)\s+(?:at home\s+|here\s+)?(?:cares|loves|wants)\s+(?:about\s+)?me\b|\bleft\s+(?:to\s+(?:care for|look after)|in charge of)\s+(?:her|his|my|their)\s+(?:younger\s+|little\s+|baby\s+)?(?:siblings?|brothers?|sisters?)\b|\b(?:house|home|flat)\s+is\s+(?:always\s+|really\s+|so\s+)?(?:filthy|disgusting|dirty|a tip|squalid)\b|\bnot allowed (?:to eat|food|any food|out of (?:my|his|her|the) (?:room|bedroom))|\b(?:mum|dad|parents|they)\s+(?:goes?|went)\s+out\s+and\s+(?:leaves?|left)\s+(?:me|us)\b",
        r"\b(?:to be|be|wants to be|want to be|like to be|likes being|prefers being)\s+$",
        r"^left\s+(?:\w+\s+)?(?:alone|on (?:our|my|his|her|their) own|by (?:ourselves|myself|himself|herself|themselves))\s+to\s+(?:deal|cope|fight|sort|manage|figure|work|get on|navigate|pick|find|battle|struggle)|^left\s+(?:\w+\s+)?(?:alone|on (?:his|her|their) own)\s+(?:at|in|during)\s+(?:lunch|lunchtime|break|breaktime|playtime|the playground|class|lessons?|assembly)\b",
        false,
    ),
    rule(
        Neglect,
        r"\b(?:dirty|filthy|smelly|unwashed|soiled|stinking)\s+(?:clothes|clothing|uniform|nappy|nappies|pads?|bedding|sheets)\b|\bsame (?:clothes|uniform) (?:every day|all week|for days)\b|\b(?:clothes|uniform)\s+(?:are|is|were|was)\s+(?:always\s+)?(?:dirty|filthy|smelly|too small|ripped|soiled)\b|\b(?:never|not)\s+(?:been\s+)?(?:washed|bathed)\b|\b(?:nappy|nappies|pads?)\s+(?:not|never|isn't|wasn't)\s+(?:being\s+)?changed\b|\bnever (?:gets?|has|have|had) (?:a\s+)?(?:bath|wash|shower)\b|\bno (?:clean )?clothes\b|\bsmells? of (?:urine|wee|pee|poo|smoke|weed|alcohol)\b",
        "",
        "",
        false,
    ),
    rule(
        Neglect,
        r"\b(?:mum|mom|mam|mummy|dad|daddy|father|mother|parents?|step\w+|boyfriend|partner)\s+(?:is|are|was|were|gets|get|got)\s+(?:always\s+|often\s+|usually\s+|really\s+)?(?:drunk|high|wasted|off (?:his|her|their) (?:face|head))\b|\b(?:he|she|they)\s+(?:is|are|was|were|gets|get)\s+(?:always\s+|often\s+|usually\s+|really\s+)?drunk\b|\bdrinks?\s+(?:too much|all (?:day|the time)|every (?:day|night))\b|\b(?:drunk|intoxicated|under the influence|smel(?:t|ls?|led) of (?:alcohol|drink|booze|weed))\b|\b(?:has been|had been|was|is|were|are|gets|starts|been|keeps)\s+drinking\b|\b(?:takes|taking|does|doing|smokes|smoking|uses|using|deals|dealing)\s+drugs\b|\bdrugs\s+(?:at|in (?:the|our|my))\s+(?:home|house|flat)\b|\bsubstance (?:abuse|misuse)\b",
        "",
        r"^(?:drunk\s+(?:water|milk|juice|enough|any|some|it|from)|(?:\S+\s+)?(?:\S+\s+)?drinking\s+(?:water|milk|juice|squash|enough|more|from|tea|coffee|through|fizzy|energy))",
        true,
    ),
    rule(
        Neglect,
        r"\bneglect\w*|\b(?:not|never|doesn't|don't|won't)\s+(?:been\s+)?(?:take|takes|taken|took)\s+(?:me|him|her|us)\s+to\s+(?:the\s+)?(?:doctors?|gp|dentist|hospital)\b",
        r"(?:\b(?:council|la|local authority|system|government|schools?|services|authority|camhs|nhs)\s+(?:has\s+|have\s+|had\s+|is\s+|are\s+|was\s+|were\s+)?(?:been\s+)?(?:totally\s+|completely\s+|utterly\s+|just\s+|so\s+)?|\b(?:feel|feels|felt|feeling)\s+(?:so\s+|very\s+|really\s+|totally\s+|completely\s+)?|\b(?:signs?|indicators?|recogni[sz]\w*|spot\w*|training|awareness)\s+(?:of\s+|on\s+|in\s+|about\s+)?(?:\w+\s+){0,3})$",
        r"^neglect\w*\s+(?:toolkit|strategy|training|screening|tool|tools|policy|pathway|framework|guidance|procedures?|audit|champions?|lead)\b|^neglect\w*\s+(?:their|its|his|her|the|our)\s+(?:duty|duties|responsibilit\w*|statutory|legal)|^neglect\w*\s+by\s+(?:the\s+)?(?:system|council|la|local authority|services|school|schools|government|nhs|state|professionals|authorities)|^neglect\w*\s+(?:of|in)\s+(?:duty|the|their|send|provision|sen\b)",
        true,
    ),
    // Self-harm and suicide.
    rule(
        SelfHarm,
        r"\bsel(?:f|ve)[\s-]*harm\w*|\bself[\s-]*injur\w*|\b(?:cut|cuts|cutting)\s+(?:on\s+)?(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach|tummy)\b|\b(?:cut|cuts|cutting|cutted|hurt|hurts|hurting|harm|harms|harming|harmed|kill|kills|killing|kil|hit|hits|hitting|punch|punches|punching|scratch|scratches|scratching|bite|bites|biting|burn|burns|burning|strangle|strangles|starve|starves|starving|hang|hangs|hanging|stab|stabs|stabbing|stabbed|choke|chokes|choking|drown|drowns|drowning|bash|bashes|bashing|smash|smashes|smashing|poison|poisons|poisoning|suffocate|suffocating|strangling|bang|bangs|banging|slap|slaps|slapping|pinch|pinches|pinching|pull|pulls|pulling)\s+(?:my|him|her|them|your|our|ur)\s?sel(?:f|ves)\b",
        r"\b(?:children|young people|pupils|students|kids|people|those)\s+(?:who|that)\s+(?:are\s+)?$",
        r"^\w+\s+(?:my|him|her|them)sel(?:f|ves)\s+(?:a|an|some)\s+(?:\w+\s+)?(?:fringe|sandwich|slice|piece|bit|haircut)\b|^\w+\s+(?:my|him|her|them)sel\w*\s+(?:\w+\s+){0,3}(?:accident\w*|by accident|clumsy|coordination|falling over|falls over|when (?:he|she) falls|in (?:pe|the playground|football))",
        true,
    ),
    rule(
        SelfHarm,
        r"\bsu(?:i|e|a)?(?:c|s|ss)(?:i|e|a)?d(?:e|es|al|ally)\b|\bsuicid\w*",
        "",
        "",
        true,
    ),
    rule(
        SelfHarm,
        r"\b(?:want|wants|wanted|wanting|wanna|wana|wish|wished|wishing)\s+(?:to\s+|2\s+)?(?:die|dye|be dead|not be alive|not exist|not be here|disappear (?:forever|for ever)|end it|end my life|end it all|go to sleep and not wake up|sleep forever)\b|\bwish(?:es|ed)? (?:i|he|she|they) (?:was|were|had) (?:dead|never (?:been )?born|not born|died)\b|\bwish(?:es|ed)? (?:i|he|she|they) (?:wasn't|was not|weren't|hadn't been) (?:born|alive|here)\b|\bbetter off (?:dead|without me|without him|without her|if i (?:wasn't|was not|weren't) here)\b|\b(?:don't|do not|doesn't|does not|didn't|no longer)\s+want\s+to\s+(?:be alive|live|be here any ?more|exist|wake up|be in this world|carry on)\b|\bno (?:point|reason) (?:in\s+)?(?:living|being alive|to live|in life|carrying on)\b|\b(?:not|isn't|is not) worth living\b|\bend (?:it all|my life|his life|her life|my own life)\b|\btake (?:my|his|her|their) own life\b|\btook (?:an\s+|a\s+)?(?:overdose|tablets|pills)\b|\boverdos\w*|\bjump(?:s|ed|ing)? (?:off|from) (?:a |the )?(?:bridge|roof|building|cliff|window|car park)\b|\bjump(?:s|ed|ing)? in front of\b|\b(?:feel like|feels like|thinking (?:about|of)|thought about|think about|want to|wants to|going to|gonna)\s+(?:ending|end)\s+(?:it|things|everything|my life|her life|his life)\b|\b(?:see|sees|there's|there is)\s+no\s+point\s+(?:in\s+)?(?:living|anything|life|anymore|any more|going on|carrying on|being here)\b|\b(?:don't|doesn't|can't)\s+see\s+the\s+point\s+(?:in\s+|of\s+)?(?:living|anything|life|anymore|any more|going on|being here)\b|\b(?:took|taken|swallowed)\s+(?:a\s+)?(?:load|lot|bunch|handful|packet|box|bottle)s?\s+of\s+(?:paracetamol|pills|tablets|meds|medication)\b|\b(?:took|taken|swallowed)\s+too many\s+(?:pills|tablets|paracetamol|meds)\b|\bligatures?\b|\bkms\b|\bkil+ my ?self\b|\bhate (?:my|him|her)sel(?:f|ves)\b|\bhate my life\b|\bwant to disappear\b",
        "",
        r"^(?:\S+\s+)?(?:just\s+)?(?:want|wanna|wana|wants)\s+(?:to\s+)?(?:just\s+)?(?:disappear|vanish)\s+(?:under|into|in|from|when|whenever|if)\b|^(?:took\s+(?:an\s+|a\s+)?)?overdos\w*\s+(?:of|on)\s+(?:sugar|sweets|chocolate|screens?|screen time|ipad|tv|information|caffeine|fizzy|haribo|cake|e-?numbers|energy)",
        true,
    ),
    rule(
        SelfHarm,
        r"\b(?:bang|bangs|banging|banged)\s+(?:his|her|my|their)\s+head\b|\bhead[\s-]?bang\w*|\b(?:hit|hits|hitting)\s+(?:his|her|my|their)\s+head\s+(?:on|against|off)\b|\b(?:bite|bites|biting|scratch|scratches|scratching|pick|picks|picking)\s+(?:his|her|my|their)\s+(?:own\s+)?(?:skin|arms?|hands?)\s+(?:until|till|til)\b",
        "",
        r"^(?:bang|hit)\w*\s+(?:my|our|their|his|her)\s+heads?\s+(?:against|on)\s+(?:a\s+|the\s+)?(?:brick\s+)?wall|^[^.!?\n]{0,80}\b(?:(?:he|she) was (?:fine|ok|okay|alright)|by accident|accidentally|fell|tripped|slipped|they rang me|first aid)\b",
        true,
    ),
    // Sexual.
    rule(
        Sexual,
        r"\bsex(?:ual|ually|ualised|ualized|ting|y)?\b",
        r"\b(?:relationships?,?\s+(?:and|&)|same|opposite|rse|biological|gender and|gender or|health and)\s+$",
        r"^(?:sex(?:ual)?\s+(?:education|ed|and relationships?|and gender|health|orientation|identity|or gender)\b|sex\s*:|sex\s+(?:m|f|male|female)\b)",
        false,
    ),
    rule(
        Sexual,
        r"\b(?:rape|raped|raping|rapist|molest\w*|paedo\w*|pedo\w*|pervert\w*|porn\w*|nudes|nude (?:photos?|pictures?|pics?|images?|selfies?|videos?)|naked (?:photos?|pictures?|pics?|images?|selfies?|videos?)|indecent\w*|upskirt\w*|private parts|privates|willy|penis|vagina|genitals?)\b",
        "",
        "",
        false,
    ),
    rule(
        Sexual,
        r"\b(?:asked|asks|asking|wants|wanted|keeps asking|told|tells|pressured|pressures|pressuring)\s+(?:me|him|her)\s+(?:to send|for|to show|to take)\s+(?:\w+\s+){0,2}(?:pics|pictures|photos|images|videos|selfies|nudes)\b|\binappropriate\s+(?:photos?|pictures?|pics?|images?|videos?|messages?|texts?|snaps?|content|touch\w*|relationship)\b|\b(?:showed|shows|show|showing)\s+(?:me\s+|him\s+|her\s+)?(?:his|her|their)\s+(?:willy|penis|privates?|private parts|bits|boobs|breasts)\b|\bmade (?:me|him|her) (?:watch|look at) (?:videos|porn|films|things)\b|\b(?:kissed|kisses|kissing|kiss)\s+(?:me|him|her)\s+(?:and|when|even though|but)\s+(?:i|he|she)\s+(?:didn't|did not|don't|said no|told)\b|\b(?:made|makes|tried to|tries to) (?:me|him|her) kiss\b|\bflash(?:ed|es|ing)\s+(?:me|at|him|her)\b|\b(?:showed|shows|sent|sends|send)\s+(?:me|him|her)\s+(?:\w+\s+)?(?:rude|dirty|naked|sexual) (?:pictures|photos|pics|videos|messages|stuff)\b|\b(?:showed|shows|show|showing|sent|sends|send|sending|made)\s+(?:me|him|her)\s+(?:\w+\s+){0,2}(?:videos?|pictures?|photos?|pics?|films?|things|messages?|images?)\b[^.!?]{0,40}\b(?:weird|uncomfortable|yucky|icky|horrible|scared|funny feeling|(?:don't|doesn't|didn't|do not|does not|did not) like|not nice|rude)|\bfilm(?:ed|ing|s)?\s+(?:me|him|her|it|them)\b[^.!?]{0,30}\b(?:naked|changing|undress\w*|toilets?|shower|without|shared|posted|sent)",
        "",
        "",
        false,
    ),
    // Feeling unsafe.
    rule(
        Unsafe,
        r"\b(?:don't|do not|doesn't|does not|didn't|did not|never|not|can't|cannot|no longer|wouldn't|won't)\s+(?:really\s+|always\s+|ever\s+|even\s+)?(?:feel|feels|felt|feeling)\s+(?:very\s+|really\s+|completely\s+|totally\s+|that\s+|so\s+|fully\s+)?(?:safe|secure|protected)\b|\bnot\s+(?:feeling\s+)?safe\b|\bisn't\s+safe\b|\bunsafe\b|\bfeel\w*\s+safe\b[^.!?\n]{0,40}\bbut not\b|\bsafe at (?:school|home) but not\b|\bin danger\b|\b(?:at\s+)?risk of (?:significant\s+)?(?:harm|abuse|exploitation)\b|\bsignificant harm\b",
        r"\b(?:building|buildings|site|premises|ramp|playground|equipment|road|roads|car park|classroom|environment|staffing|ratios?|hoist|lift|stairs|kitchen|bathroom|area)\s+(?:is|are|was|were|feels?|felt|looks?|seems?)\s+(?:\w+\s+)?$",
        r"^[^.!?]{0,100}\b(?:sense of danger|road safety|traffic|roads?|crowds?|busy places|noise|noisy|loud|the dark|swimming|to walk|to cross|to go out alone)\b",
        true,
    ),
    rule(
        Unsafe,
        r"\b(?:scared|scard|scaired|skared|afraid|frightened|frighten|terrified|petrified|fearful)\s+(?:of|to go|to be|at|about going|in)\s+(?:(?:my|his|her|their|our|the|me)\s+)?(?:own\s+)?(?:home|house|mum|mom|mam|mummy|mommy|mother|dad|daddy|father|step\w*|brother|sister|uncle|aunt\w*|grand\w*|nan\w*|boyfriend|girlfriend|partner|carer|foster\w*|parents?|family|teacher|him|her|them|going home|being at home|men|man|people at home|mum's|dad's)\b|\b(?:he|she|dad|mum|daddy|mummy|stepdad|stepmum|they)\s+(?:scares|frightens|terrifies)\s+(?:me|us|him|her)\b|\b(?:don't|do not|doesn't|does not)\s+want\s+to\s+go\s+(?:back\s+)?home\b|\bscared (?:to|of) (?:go|going) (?:back )?home\b|\b(?:scared|afraid|frightened|terrified|petrified|worried)\s+(?:when|if|that)\s+(?:my\s+|her\s+|his\s+)?(?:dad|mum|step\w*|daddy|mummy|father|mother|uncle|brother|boyfriend)\b|\b(?:can't|cannot|can not|couldn't|could not|not allowed to|isn't allowed to|too scared to|too afraid to|afraid to|frightened to)\s+go\s+(?:back\s+)?home\b|\b(?:kicked|thrown|chucked|threw)\s+(?:me|him|her|them)\s+out\s+of\s+(?:the|my|his|her|our)\s+(?:house|home|flat)\b|\bnowhere to (?:sleep|live|stay)\b|\bsofa[\s-]?surf\w*|\b(?:follow|follows|followed|following)\s+(?:me|him|her)\s+(?:home|into|around|everywhere)\b|\bhide\w*\s+(?:in my room|under (?:my|the) bed)\s+when\b|\b(?:parents|mum and dad|dad and mum)\s+(?:\w+\s+)?(?:fight|fighting|fights|hit each other|hurt each other)\b",
        "",
        r"^[^.!?\n]{0,60}\bbecause\s+(?:she|he|they)(?:'s|\s+is|\s+are|'re)\s+(?:very\s+|so\s+|really\s+)?(?:strict|loud|new|tall|shouty|grumpy)\b|^[^.!?\n]{0,60}\b(?:after|since)\s+(?:a|an|the|his|her)\s+(?:\w+\s+)?(?:hospital|dentist|doctor|operation|film|accident|visit|appointment|fall)\b",
        true,
    ),
    rule(
        Unsafe,
        r"\b(?:am|is|are|being|get|gets|getting|keeps? getting|still|constantly|always)\s+(?:\w+\s+)?bullied\b|\bbull(?:y|ies|ying)\s+(?:me|him|her|us)\b|\bbullied\s+(?:every|all the time|constantly|daily|badly|so badly|non.?stop|relentlessly|severely|a lot|loads)|\bbullying\s+(?:is|was|has been)\s+(?:constant|relentless|daily|awful|horrendous|severe|bad|really bad|every day|getting worse)",
        "",
        r"^\S+\s+(?:not|never|no)\s|^(?:\S+\s+){0,2}bullied\s+(?:a (?:bit|little)|once|occasionally|in the past|sometimes|now and then|at times)\b|^[^.!?\n]{0,40}\bbut\s+(?:not any ?more|it'?s\s+(?:all\s+)?(?:sorted|resolved|stopped|fine)(?:\s+now)?|(?:the school|they|school|my teacher|his teacher|her teacher|staff|the teacher|the head)\s+(?:\w+\s+)?(?:sorted|resolved|dealt with|stopped)\s+it)\b",
        true,
    ),
    rule(
        Unsafe,
        r"\b(?:ran|runs|run|running)\s+away\s+from\s+home\b|\b(?:went|goes|go|gone|going)\s+missing\b|\bmissing from (?:home|care)\b|\breported missing\b|\bradicali[sz]\w*|\bextremis\w*|\bprevent referral\b",
        r"\b(?:paperwork|forms?|reports?|plans?|ehcp|documents?|letters?|emails?|files?|evidence|money|funding|it|uniform|coat|things|stuff|bags?|shoes|equipment|records?)\s+(?:\w+\s+)?$",
        r"^[^.!?\n]{0,100}\b(?:no sense of danger|shopping centre|supermarket|for (?:ten|five|a few|two|\d+) minutes)\b",
        true,
    ),
    rule(
        Unsafe,
        r"\b(?:(?:older|grown|strange|adult)\s+(?:man|men|boy|boys|person|people|guy|guys|woman)|strangers?|a man|a guy|someone|somebody)\s+(?:i\s+(?:met|talk to|chat to)\s+)?(?:online|on (?:snapchat|snap|instagram|insta|tiktok|roblox|fortnite|whatsapp|discord|facebook|the internet|xbox|playstation|a game|games?))\s+(?:\w+\s+){0,3}(?:asked|asks|keeps|wants|wanted|told|said|messag\w*|sent|sends|threaten\w*|meet)\b|\bmeet(?:ing)?\s+(?:up\s+)?(?:with\s+)?(?:someone|a man|a boy|him|a person|people|strangers?)\s+(?:i|he|she|we)\s+(?:met|know|talk to|talked to|chat to)\s+online\b|\b(?:a|an|this|some|older|strange|grown)\s+(?:man|men|guy|woman|lady|adult|stranger|person)\b[^.!?]{0,80}\b(?:his car|her car|a car|his van|a van|sweets|come with (?:him|her)|go with (?:him|her)|meet (?:up|him|her)|his house|her house|his flat|touch|secret)\b|\b(?:asking|asked|asks|wants|wanted|pressuring|persuading|trying to get)\s+(?:her|him|me)\s+to\s+(?:meet(?: up)?|come over|go to (?:his|her) (?:house|flat)|get in)\b",
        "",
        "",
        false,
    ),
    // Broader cues, for wordings the phrase rules above miss.
    rule(
        Harm,
        r"\b(?:dad|daddy|mum|mummy|mom|mam|father|mother|step\w+|stepdad|stepmum|boyfriend|girlfriend|partner|uncle|brother|sister|cousin|nan|grandad|grandma|carer|foster \w+|teacher|staff|ta|escort|driver|man|men|adults?|older (?:boys|girls|kids|lads)|they|he|she)(?:'s)?\s+(?:\w+\s+){0,4}(?:hit|hits|hitting|hurt|hurts|hurting|beat|beats|beating|kick|kicks|kicked|kicking|punch|punches|punched|punching|slap|slaps|slapped|slapping|smack|smacks|smacked|smacking|strangl\w+|chok(?:e|es|ed|ing)|burnt|burned|throttl\w+|batter\w*|thump\w*)\b",
        r"\b(?:it|that|this|lockdown|covid|news)\s+(?:\w+\s+)?$",
        r"^[^.!?\n]{0,30}?\bhurt\s+(?:by\s+(?:how|what|the way|being|not|their|the|this|his|her|all|our)\b|feelings|easily|emotionally)|^(?:he|she|they)\s+(?:might|could|may|would|will)\s+(?:\w+\s+)?(?:hurt|hit|harm|kick|bite)\s+(?:other|another|the other|younger)\s+(?:children|kids|pupils|child|students)\b|^[^.!?]{0,60}\b(?:at|playing|in|during) (?:football|rugby|pe|p\.e|sport|sports|the park|gymnastics|swimming|training|netball|hockey|a match|the match)\b|^[^.!?]{0,60}\b(?:falling (?:off|over|down)|fell (?:off|over|down)|tripped|tripping|trips over|slipped|slipping|slips over|by accident|accidentally|playing (?:football|rugby|netball|on))\b|^\w+\s+(?:morale|budgets?|funding|numbers|levels|capacity|recruitment|retention|wellbeing|workload|pay|training)\b|^[^.!?]{0,60}?\b(?:for|after|about|from|of|stop|stops|stopped)\s+(?:\w+\s+)?(?:hitting|kicking|punching|hurting|biting|slapping|smacking|assaulting|attacking|pushing)\b|^[^.!?]{0,60}?\b(?:hit|hits|hitting|kick\w*|punch\w*|hurt\w*|bit|bites|biting|slap\w*|attack\w*|assault\w*)\s+(?:the|his|her|their|a)\s+(?:ta|teacher|teachers|staff|member of staff|carer|senco|head|escort|driver|other (?:children|kids|pupils))\b|^[^.!?]{0,60}?\bkick\w*\s+and\s+scream|^[^.!?]{0,60}?\b(?:hit|hits|hitting|kick\w*|beat\w*|hurt\w*|punch\w*|burn\w*)\s+(?:(?:me|him|her|us|them|every|all|each|his|her|their|the|a|its)\s+)?(?:off|out|cushions?|pillows?|punch ?bags?|the air|furniture|doors?|toys|balls?|the ball|the roof|the road|roads|a wall|walls|the wall|the ground running|targets?|milestones?|the ceiling|the books|a nerve|a brick wall|the bottle|the deadline|himself|herself|myself|themselves|his head|her head|my head|his hand|her hand|his knee|her knee|their)\b|^[^.!?]{0,60}?\bhurt\w*\s+(?:at work|his back|her back|my back|feelings|by the|that|when)",
        true,
    ),
    rule(
        Harm,
        r"\bhistory of (?:violence|domestic\s+\w+|abuse|sexual\s+\w+|offending|assault|violent)\b|\b(?:sex offender|registered offender|known to (?:the )?police)\b|\bpinned\s+(?:me|him|her|them|to|down|on|against|face)\b|\b(?:dad|daddy|mum|mummy|mom|mam|step\w+|stepdad|stepmum|boyfriend|uncle|brother|nan|grandad|he|she|they)\s+(?:is|are|was|were|gets|can be)\s+(?:really\s+|so\s+|very\s+)?(?:horrible|nasty|mean|cruel|rough|scary|evil)\s+(?:to|with|towards)\s+(?:me|us)\b",
        "",
        "",
        true,
    ),
    rule(
        SelfHarm,
        r"\bmak(?:e|es|ing)\s+(?:my|him|her|them)sel(?:f|ves)\s+sick\b|\b(?:anorexi\w*|bulimi\w*|eating disorder)|\b(?:started|been|is|was|keeps|still|and|about)\s+cutting\b|\b(?:rather|better|want(?:s|ed)? to|wanna)\s+be\s+dead\b|\brather die\b|\bdisappear\s+(?:forever|for ever|for good|and never come back)\b|\bwish (?:i|he|she) could (?:just )?disappear\b|\b(?:go to sleep|sleep) (?:forever|and never wake up|and not wake up)\b|\bnever wake up\b|\b(?:nobody|no one|noone)\s+would\s+(?:miss|care|notice)\b|\bbetter (?:off )?without me\b|\blife is (?:pointless|not worth|meaningless)\b",
        "",
        r"^\S+\s+cutting\s+(?:down|back|out|off|corners|the|his|our|their|costs|funding|hours|services|support|edge|it|them|paper|shapes|hair|grass)\b|^rather die than\s+(?:wear|do|go|eat|sit|be seen|have|take|attend|use|ask|tell|speak|talk|put|read|write|stand|walk|get|give|miss|lose|admit|face|change|return|move|let|sing|dance|present|answer)\b|^(?:nobody|no one|noone)\s+would\s+(?:\w+\s+){0,3}if\s+(?:our|the|these|those|their|send|all)\b",
        true,
    ),
    rule(
        Unsafe,
        r"\b(?:don't|do not|doesn't|does not|hate|hates)\s+(?:like\s+|want\s+to\s+)?(?:going|go|being|be)\s+(?:back\s+)?(?:home|at home)\b|\b(?:scared|afraid|frightened|terrified)\s+of\s+(?:someone|somebody|a man|a person|people)\b|\b(?:shouting|fighting|screaming|violence|hitting)\b[^.!?]{0,30}\b(?:at home|in (?:my|our|the) house)\b|\bhid(?:e|es|ing)?\s+(?:under|in)\s+(?:my|the|his|her)\s+(?:bed|wardrobe|cupboard|bedroom)\b|\b(?:at|until|till|gone|out)\s+(?:1|2|3|4|5|one|two|three|four)\s*(?:am|a\.m\.|in the morning)\b|\bwander(?:ing|ed|s)?\s+(?:the streets|around (?:at night|alone|on (?:his|her) own))|\bstreets at night\b|\b(?:put|send|sent|putting)\s+(?:me|him|her|us)\s+(?:in|into)\s+care\b",
        "",
        "",
        true,
    ),
    rule(
        Abuse,
        r"\bkeep (?:it|this) (?:quiet|between (?:us|you and me)|to (?:yourself|himself|herself))\b|\bif (?:i|he|she|you) (?:tell|told|say|said)\s+(?:anyone|anybody|someone|the teacher|a teacher|mum|dad)\b|\b(?:giving|gives|gave|buying|buys|bought)\s+(?:him|her|me|them)\s+(?:\w+\s+){0,3}(?:cigarettes|vapes?|alcohol|drugs|weed)\b|\b(?:carry|carrying|carried|sell|selling|sold|deliver\w*|hold|holding)\s+(?:\w+\s+)?drugs\b|\b(?:does|did|doing|do)\s+(?:things|stuff)\s+to\s+(?:me|him|her)\b|\b(?:is|was|being|so|very)\s+controlling\b|\bnot allowed to (?:eat|have food|see (?:my|her|his|their) friends|see friends|leave (?:the house|my room|her room|his room)|go out|go to the toilet|speak to anyone|talk to anyone)\b|\b(?:had|has|have|been|was|is)\s+touch(?:ed|ing)\s+(?:me|him|her)\b|\b(?:older|adult|grown|man|men)\b[^.!?]{0,60}\b(?:buys|bought|buying|gives|gave|giving)\s+(?:him|her|me)\s+(?:\w+\s+){0,2}(?:things|presents|gifts|stuff|money|phones?|trainers|clothes|lifts?)\b|\b(?:sit|sits|sat|sitting) on (?:his|her) (?:lap|knee)\b|\b(?:gets?|got|comes?|came) into (?:my|her|his) bed\b|\bwatch(?:es|ed|ing)? (?:me|him|her) (?:in the (?:shower|bath)|get(?:ting)? (?:changed|undressed|dressed))\b|\b(?:put|puts|putting|placed|rubbed|rubs|rubbing)\s+(?:his|her|their)\s+hands?\s+(?:on|up|down|inside|in)\s+(?:my|his|her)\b",
        "",
        "",
        false,
    ),
    rule(
        Neglect,
        r"\b(?:nothing|no food|never (?:any|anything|nothing))\s+(?:to eat\s+)?in\s+(?:the\s+)?(?:fridge|cupboards?|house)\b|\b(?:doesn't|don't|never)\s+eat\s+at\s+home\b|\bfridge is (?:always )?empty\b|\bempty (?:fridge|cupboards)\b|\b(?:don't|do not|doesn't|never)\s+(?:have\s+|has\s+|got\s+)?(?:a\s+)?(?:own\s+)?bed\b|\bsleep(?:s|ing)?\s+on\s+the\s+floor\b|\b(?:forget|forgets|forgot|forgetting)\s+to\s+(?:feed|give (?:us|me|him|her) (?:food|dinner|tea|breakfast)|pick (?:me|us|him|her) up|collect (?:me|us|him|her))\b|\b(?:nobody|no one|noone)\s+(?:comes?|came)\s+to\s+(?:get|collect|pick up)\s+(?:me|him|her|us)\b|\bwait(?:s|ed|ing)?\s+(?:for\s+)?hours\b[^.!?]{0,30}\b(?:dark|cold|alone|on my own|outside)\b|\b(?:mum|mom|mam|mummy|dad|daddy|father|mother|parents?|step\w+|boyfriend|partner)(?:\s+who)?\s+drinks\b|\b(?:have|has|had)\s+to\s+look\s+after\s+(?:my|his|her)\s+(?:mum|dad|mother|father|mummy|daddy)\b",
        "",
        r"^[^.!?]{0,30}?drinks\s+(?:water|tea|coffee|milk|juice|squash|fizzy|a lot of water)",
        false,
    ),
    rule(
        Harm,
        r"\b(?:slap(?:s|ped|ping)?|smack(?:s|ed|ing)?|strangl\w*|throttl\w*|assault\w*|battered|punched|kicked|beaten|thumped|headbutted|razors?|razor blades?|choked)\b",
        r"\b(?:panic|the|food|he|she)\s+$|\b(?:was|is|felt|feels|like|been|as)\s+a\s+(?:real\s+|complete\s+|total\s+)?$|\b(?:i|we)\s+(?:\w+\s+){0,2}(?:wanted|want|could|felt like|feel like|would like|'d like|d like|wanna|wanted|nearly|almost)\s+(?:to\s+)?$",
        r"^(?:kicked\s+(?:\w+\s+)?(?:off|out|up|in|a ball|the ball|a football|the football)\b|punched\s+(?:a|the)\s+(?:wall|door|cushion|pillow|bag)\b|slap(?:ped)?\s+with\s+(?:a\s+)?(?:fine|penalty|bill|charge)|beaten\s+(?:to it|by the system)|choked\s+(?:on|up|back)\b|smack\w*\s+(?:his|her|my|their)\s+lips)",
        true,
    ),
    // -----------------------------------------------------------------------
    // Broad recall rules. The phrase rules above were written for particular
    // wordings; these catch the harm words themselves, in the spellings
    // children use, whenever a person, the home or the writer is involved,
    // and step back only for a short list of figurative or system uses.
    // -----------------------------------------------------------------------
    // Misspelt violence: children write "hurted", "kiked", "punshed".
    rule(
        Harm,
        r"\b(?:hited|hitted|hurted|hurtid|hertid|herted|hurtin|punsh\w*|punchd|kik|kiks|kikd|kiked|kickd|kiking|slaped|slapt|smaked|smakd|smackd|bashd|pinchd|beated|beted|bruse[sd]?|brusies|bruzes?|bruzed|bruzis|bruices?|bruses|brused|strangeld|stranggled|chokd|choaked|choaks)\b",
        "",
        "",
        true,
    ),
    // Grabbed by the hair, throat or arm; hands round a neck.
    rule(
        Harm,
        r"\b(?:pull\w*|yank\w*|grab\w*|drag\w*|held|hold\w*|lift\w*|picked|pick\w*|swung|swing\w*|threw|throw\w*)\s+(?:\w+\s+){0,3}by\s+(?:the|my|his|her|their)\s+(?:hair|throat|neck|arms?|wrists?|collar|ears?|jumper|hood|clothes|legs?|ankles?|scruff)\b|\b(?:pull\w*|yank\w*|grab\w*)\s+(?:my|his|her|their)\s+(?:hair|ears?|throat|neck)\b|\bhands?\s+(?:round|around)\s+(?:my|his|her|their)\s+(?:throat|neck)\b|\b(?:by|round|around)\s+(?:the|my|his|her)\s+(?:throat|neck)\b",
        "",
        "",
        true,
    ),
    // Restraint, seclusion, tying, strip searches, being shut in.
    rule(
        Harm,
        r"\brestrain\w*|\bprone\s+(?:restraint|position|hold)|\bheld\s+(?:\w+\s+)?prone\b|\bface[\s-]?down\b|\bheld\s+(?:\w+\s+){0,2}down\b|\bhold(?:s|ing)?\s+(?:me|him|her|them)\s+down\b|\bpin(?:s|ned|ning)\s+(?:\w+\s+)?(?:down|to|against|on)\b|\b(?:tie|ties|tied|tying)\s+(?:me|him|her|them|us)?\s*(?:up|down|in|into|to)\b|\bstrap(?:s|ped|ping)?\s+(?:me|him|her|them)\s+(?:in|into|to|down)\b|\bstrip[\s-]?search\w*|\bseclu\w*|\b(?:isolation|calm|quiet|time[\s-]?out|padded)\s+(?:room|booth|box|cupboard)\b[^.!?]{0,40}\b(?:locked|shut|left|kept|for hours|on (?:his|her|my) own|alone|held)\b|\block(?:s|ed|ing)?\s+(?:\w+\s+)?(?:in|up|away|inside)\s+(?:(?:a|the|his|her|my|their)\s+)?(?:room|rooms|cupboard|bedroom|shed|toilet|office|cage|car|garden|house|flat|dark|box|space|area)\b|\bshut\s+(?:me|him|her|them)\s+in\b|\bkept\s+(?:me|him|her|them)\s+in\s+(?:a|the|his|her|my)\s+(?:room|cupboard|bedroom|shed)\b|\bphysical(?:ly)?\s+(?:intervention|handl\w*|restrain\w*|removed|held|moved|dragged|carried)\b[^.!?]{0,60}\b(?:bruis\w*|marks|hurt|injur\w*|pain|without|no plan|every day|times|again|scared|terrified)\b",
        r"\b(?:train\w*|trained|reduc\w*|minimi[sz]\w*|avoid\w*|no|never|zero|without|reduce)\s+(?:\w+\s+)?$",
        r"^(?:[^.!?\n]{0,40}\b(?:not|never|isn't|wasn't|aren't)\s+(?:a\s+|an\s+)?(?:locked|shut)\b|restraint\s+only\b|restrain\w*\b[^.!?\n]{0,80}\bnever\s+(?:needed|had|been needed|used)|restrain\w*\s+(?:figures|data|training|policy|policies|records?|logs?|reduction|is (?:only|rarely|never)|are (?:recorded|reported|published)|himself|herself|myself|ourselves|myself)|(?:tie|ties|tied|tying)\s+(?:\w+\s+)?(?:in\s+(?:knots|with)|to\s+(?:the|a|his|her|our|their)\s+(?:plan|budget|funding|contract|catchment|school|area|rules|timetable|ehcp)|up\s+(?:in|with)\s+(?:red tape|paperwork|meetings|bureaucracy|knots|admin|appeals?|process)|into\s+(?:the|a)\s+(?:plan|contract))|held\s+(?:\w+\s+){0,2}down\s+(?:a|the|his|her)\s+(?:job|place|placement|year)|lock\w*\s+(?:\w+\s+)?(?:in|into)\s+(?:a|the)\s+(?:battle|dispute|fight|cycle|system|process|loop))",
        true,
    ),
    // Touching by someone, in children's spellings.
    rule(
        Sexual,
        r"\b(?:touch|touchs|touches|touched|touchd|touching|touchin|tuch\w*|toch(?:es|ed|s)?|tutch\w*)\s+(?:me|him|her|them|us|my\s+(?:privat\w*|private|bum|bottom|body|chest|breasts?|boobs|willy|penis|vagina|bits|legs?|thighs?|front|pants|knickers|down)|his\s+(?:privat\w*|private|bum|bottom|body|willy|penis|bits|legs?|thighs?|pants|chest)|her\s+(?:privat\w*|private|bum|bottom|body|chest|breasts?|boobs|vagina|bits|legs?|thighs?|pants|knickers))\b|\bprivat\w*\s+(?:parts?|area|areas|bits|places?)\b|\bdown there\b",
        r"\b(?:like|likes|liked|stand|bear|want|wants|hate|hates|mind|minds|tolerate|tolerates|let|lets|allow|allows|cope with|sensitive to|averse to|aversion to|defensive|seeking|seeks|(?:it|that|this|which)\s+(?:really\s+|deeply\s+|so\s+)?)\b[^.!?]{0,25}$",
        r"^(?:touch\w*\s+(?:me|him|her|us|them)\s+(?:deeply|so much|to hear|to see|that|when (?:he|she|they) (?:thanked|said))|touch\w*\s+(?:him|her|them|me)\s+(?:on the (?:arm|shoulder|hand)\s+(?:to|before|when)|gently|lightly|first|without (?:warning|telling))|touch\w*\s+(?:his|her|my)\s+(?:food|work|things|stuff|plate))",
        true,
    ),
    // Someone coming into a child's room or bed at night.
    rule(
        Sexual,
        r"\b(?:comes?|came|coming|gets?|got|getting|climbs?|climbed|sneaks?|sneaked|snuck)\s+(?:in|into|in to)\s+(?:my|her|his|their)\s+(?:room|bedroom|bed)\b[^.!?]{0,40}\b(?:night|when|and|dark|everyone|asleep|sleeping|lock)\b|\b(?:sleeps?|slept|sleeping)\s+in\s+(?:my|her|his)\s+bed\s+(?:and|when|even though)\b[^.!?]{0,30}\b(?:touch|don't|dont|doesn't|scared|uncomfortable|weird)",
        "",
        "",
        false,
    ),
    // Sexual harm words that need no context.
    rule(
        Sexual,
        r"\b(?:sexually|grop\w*|rapist|raped|rape|raping|molest\w*|fondl\w*|flash(?:ed|es|ing)|nudes|nude pics?|sexting|upskirt\w*|indecent\w*|porn\w*|paedo\w*|pedo\w*|peado\w*|sex\s+(?:with|to)|have sex|had sex|do sex|did sex|sexy)\b",
        "",
        r"^flash\w*\s+(?:cards?|lights?|lighting|back|forward|of|flood|up|photography|point)",
        false,
    ),
    // Asked for or threatened with pictures.
    rule(
        Sexual,
        r"\b(?:ask\w*|want\w*|pressur\w*|begg\w*|made|make|makes|force\w*|told|tells|keeps)\b[^.!?]{0,25}\b(?:pics|picks|pictures|photos|nudes|selfies|videos|snaps)\b[^.!?]{0,40}\b(?:of me|of him|of her|of my|of his|of her|naked|body|without|or else|or (?:he|she|they)|send|share|post|leak|everyone|online|private)\b|\b(?:send|sends|sent|share\w*|post\w*|leak\w*|spread\w*)\s+(?:\w+\s+){0,3}(?:pics|pictures|photos|videos|images|nudes)\s+(?:\w+\s+){0,3}(?:of (?:me|him|her)|to everyone|around|online|round (?:the|school))\b",
        r"\b(?:school|schools|teacher|teachers|staff|council|la|they)\s+(?:\w+\s+)?$",
        "",
        false,
    ),
    // Suicidal wording, in teenagers' and children's words.
    rule(
        SelfHarm,
        r"\b(?:don't|dont|do not|doesn't|doesnt|does not|didn't|no longer|not|never)\s+(?:even\s+|really\s+|ever\s+)?(?:want|wanna|wana|wont|want's)\s+(?:to\s+)?(?:be\s+(?:here|alive|around|on this earth|in this world)|live|living|exist|wake up|carry on|go on)\b|\b(?:wanna|wana|want to|wants to|wanted to|wanting to|wish i could|wish (?:he|she) could|just want to|just wanna|going to|gonna|gunna|try to|tried to|trying to|like to)\s+(?:just\s+)?(?:disappear|vanish|die|dye|be dead|end it|end things|not exist|stop existing|go away forever|kill (?:my|him|her)sel\w*|hang (?:my|him|her)sel\w*)\b|\bif\s+(?:i|he|she)\s+(?:was|were|wasn't|wasnt|weren't|am|is|died|disappeared)\s*(?:gone|dead|not here|not around|here|there|alive)?\b[^.!?]{0,30}\b(?:care|notice|miss|better|happier|easier|matter)\b|\b(?:kill|kil|kll|hang|hung|hanged|hanging|drown|drowned|suffocate|suffocated|strangled)\s*(?:my|him|her|them|ur|your)\s?sel\w*|\btried to (?:hang|kill|end|drown|strangle|suffocate|jump|overdose|take (?:his|her|my) (?:own )?life)\b|\bnoose\b|\bslit (?:my|his|her) wrists?\b|\bsuic\w*|\bsuicid\w*|\bsucid\w*|\bsuisid\w*|\bsu?ic?ide\b|\bend(?:ing)? it all\b|\bending it\b|\bending (?:my|his|her) life\b|\bbetter off (?:dead|without me|gone)\b|\b(?:want|wants|wanted|wanna|wana|wish|wishes|wished)\s+(?:i|he|she)\s+(?:was|were|wasn't|wasnt|weren't)\s+(?:dead|gone|never born|not born|not here|not alive)\b|\bdead inside\b|\b(?:od'd|odd on|overdos\w*|over dose|over dosed)\b|\b(?:took|take|taking|swallowed)\s+(?:\w+\s+){0,2}(?:pills|tablets|paracetamol)\b[^.!?]{0,30}\b(?:all|too many|whole|to die|end|hospital)\b|\b(?:nobody|no one|noone|no body)\s+(?:would|will|wud|wil)\s+(?:even\s+)?(?:care|notice|miss|cry)\b|\bno point (?:in )?(?:me |him |her )?(?:living|being alive|being here|going on|carrying on)\b|\b(?:tbh|honestly|just|really|sometimes|i|i'd|id|he'd|she'd)\s+(?:just\s+)?(?:wanna|wana|want to|wants to|like to|rather)\s+(?:just\s+)?(?:disappear|vanish|not be here|not wake up)\b",
        "",
        r"^(?:\S+\s+){1,3}die\s+(?:of|from)\s+(?:boredom|embarrassment|shame|laughter|laughing|cringe)\b|^(?:\S+\s+)?(?:just\s+)?(?:want|wanna|wana|wants|going|gonna|like|try|tried|trying)\w*\s+(?:to\s+)?(?:just\s+)?(?:disappear|vanish)\s+(?:under|into|in|from|when|whenever|if)\b|^(?:took\s+(?:an\s+|a\s+)?)?overdos\w*\s+(?:of|on)\s+(?:sugar|sweets|chocolate|screens?|screen time|ipad|tv|information|caffeine|fizzy|haribo|cake|e-?numbers|energy)|^(?:nobody|no one|noone|no body)\s+(?:would|will|wud|wil)\s+(?:\w+\s+){0,3}if\s+(?:our|the|these|those|their|send|all|disabled)\b|^(?:(?:want|wanna|wana|wants|going|gonna|like|try|tried|trying)\w*\s+(?:to\s+)?(?:just\s+)?(?:disappear|vanish)\s+(?:under|into|in|from (?:the|that|this) (?:room|class|lesson|meeting)|when)|(?:don't|dont|doesn't|doesnt|does not|do not|not|never)\s+\w+\s+(?:to\s+)?be\s+(?:here|around)\s+(?:at|in|for|during|with)\s+(?:school|college|class|the (?:school|class|lesson|meeting|group|unit|hall))|(?:not|never)\s+want\w*\s+to\s+(?:live|living)\s+(?:in|at|with|near|there|here|independently|away|on)|if\s+(?:i|he|she)\s+(?:was|were|am|is)\s+(?:here|there)\b)",
        true,
    ),
    // Self-harm in other words.
    rule(
        SelfHarm,
        r"\bsel(?:f|ve)\s*[-]?\s*(?:harm|harms|harmed|harming|harmer|injur\w*|hurt\w*|destruct\w*)|\bs/h\b|\bcuts? on (?:my|his|her|their) (?:arms?|wrists?|legs?|thighs?|tummy|stomach)\b|\b(?:cutting|cut|cuts|burn|burning|burnt|burns|scratch\w*|bit|bite|bites|biting|pull\w*|punch\w*|hit\w*|starv\w*|hurt\w*|harm\w*|bang\w*)\s+(?:my|him|her|them|ur)\s?sel\w*|\b(?:cutting|cut)\s+(?:again|herself|himself)\b|\bi\s+(?:cut|cuts|cutt|cutted|burn|burnt|scratch|scratched)\s+(?:my|me)\b|\b(?:stopped|stop|not|isn't|wasn't|won't)\s+eating\b[^.!?]{0,40}\b(?:weight|thin|punish|control|fat|hate|hospital)\b",
        r"\b(?:children|young people|pupils|students|kids|people|those)\s+(?:who|that)\s+(?:are\s+)?$|\b(?:allocation|hours|funding|budgets?|support|provision|respite|services?|package|transport|payments?|benefits?|it|they|sessions?|therapy|staffing|places?)\s+(?:\w+\s+){0,3}$",
        r"^(?:(?:cut|cuts|cutting)\s+(?:my|him|her|them)sel(?:f|ves)\s+(?:a|an|some)\s|(?:cut|cuts|cutting)\s+(?:my|me)\s+(?:hair|food|nails|own hair|finger|losses)|(?:burn|burnt|scratch\w*)\s+(?:my|me)\s+(?:toast|dinner|food|hand on the|head)|hurt\w*\s+(?:my|him|her)sel\w*\s+(?:in|at|playing|on the|when (?:he|she) fell|falling)\b|(?:hurt|hurts|hurting|harm|harms)\s+(?:my|him|her|them)sel\w*\s+(?:\w+\s+){0,3}(?:accident\w*|by accident|clumsy|coordination|falling over|falls over|when (?:he|she) falls))",
        true,
    ),
    // Scared of a person or of home, however it is spelt.
    rule(
        Unsafe,
        r"\b(?:scared|scard|scaired|skared|skard|scarred|scare|afraid|afraide|frightened|frightend|frighten|frited|fritened|terrified|terified|terrifed|petrified|fearful|feared|fear|frit)\s+(?:\w+\s+){0,2}(?:of|off|about|when|at|to|in|that)\s+(?:\w+\s+){0,2}(?:home|house|mum|mom|mam|mummy|mommy|mother|dad|daddy|father|step\w*|brother|brothers|sister|uncle|uncles|aunt\w*|nan\w*|grand\w*|boyfriend|girlfriend|partner|carer|carers|foster\w*|teacher|teachers|staff|escort|driver|man|men|guy|guys|lads|boys|gang|people|someone|somebody|he|she|they|him|them|going home|being home|being at home|the man|older)\b|\b(?:scares|scared|frightens|frightened|terrifies|terrified)\s+(?:me|us|him|her|them)\b",
        r"\b(?:which|it|that|this|noise|noises|alarm|alarms|film|films|story|talk|dog|dogs|thunder|fireworks)\s+(?:really\s+|has\s+|had\s+|just\s+|always\s+)?$",
        r"^(?:scares|scared|frightens|frightened|terrifies|terrified)\s+(?:me|us|him|her|them)\s+(?:a bit|a little|at first|slightly)\b|^[^.!?\n]{0,60}\b(?:after|since)\s+(?:a|an|the|his|her)\s+(?:\w+\s+)?(?:hospital|dentist|doctor|operation|film|accident|visit|appointment|fall)\b|^(?:\w+\s+(?:\w+\s+){0,2}(?:of|about|that|to)\s+(?:\w+\s+){0,2}(?:him|her|them)\s+(?:being|going|getting|not|falling|missing|ending|having|leaving|starting|moving|becoming|turning|struggling|doing|losing|hurting|never)\b|\w+\s+(?:of|about|for)\s+(?:his|her|their|my|our)\s+(?:future|life|safety|education|health|mental|wellbeing)|scared\s+(?:\w+\s+){0,2}(?:of|about)\s+(?:\w+\s+){0,2}(?:the (?:dark|dentist|doctor|dogs?|noise|hall|dinner|toilets?|bus|car|hand dryers?|future))|scare\w*\s+(?:me|us)\s+(?:that|how|to think)|[^.!?\n]{0,40}\bbecause\s+(?:she|he|they)(?:'s|\s+is|\s+are|'re)\s+(?:very\s+|so\s+|really\s+)?(?:strict|loud|new|tall|shouty|grumpy))",
        true,
    ),
    // Unsafe at home or with someone.
    rule(
        Unsafe,
        r"\b(?:not|don't|dont|do not|doesn't|doesnt|never|isn't|isnt|wasn't|no longer|can't|cant)\s+(?:\w+\s+){0,2}(?:safe|safety)\s+(?:at home|in (?:my|our|the|his|her) (?:house|home|room|bed)|with|around|near|when|at (?:my|his|her|their|nan's|dad's|mum's)|going home|to go home)\b|\b(?:not|isn't|isnt)\s+safe\s+for\s+(?:me|him|her|them|us)\s+(?:to\s+)?(?:go\s+)?(?:at|home|there|back)\b|\b(?:home|house|flat)\s+(?:isn't|isnt|is not|was not|wasn't|never feels|doesn't feel|does not feel)\s+(?:very\s+|really\s+)?safe\b|\b(?:home|house|flat)\s+(?:is|was|can be|feels)\s+(?:not safe|unsafe|scary|frightening|dangerous)\b",
        "",
        r"^[^.!?]{0,60}\b(?:sense of danger|road safety|roads?|traffic|the kitchen|the stairs|the ramp|wheelchair|the building|the playground|the site|fire)\b",
        false,
    ),
    // Neglect in plain words: no food, nobody feeding, hungry, left alone.
    rule(
        Neglect,
        r"\b(?:nobody|no one|noone|no body|never|don't|dont|doesn't|doesnt|didn't|not|won't|wont)\s+(?:\w+\s+){0,2}(?:gives?|gave|get|gets|got|make|makes|made|cook|cooks|cooked|buy|buys|bought|feed|feeds|fed|have|has|had|eat|eats|ate)\s+(?:me|us|him|her|them)?\s*(?:any\s+|enough\s+|proper\s+|a\s+)?(?:dinner|tea|food|breakfast|lunch|meals?|meal|anything to eat|supper|something to eat|packed lunch)\b|\b(?:never|no|hardly any|not enough|isn't any|isnt any|there's no|theres no|not much|nothing|without|little)\s+(?:\w+\s+){0,2}(?:food|dinner|meals?|breakfast|to eat)\s+(?:in|at)\s+(?:the|my|our|his|her)?\s*(?:house|home|flat|fridge|cupboards?)\b|\bnever\s+(?:any\s+)?food\b",
        r"\b(?:funding|budgets?|services|schools?|system|council|la|we are|we're|sector|provision|resources)\s+(?:\w+\s+){0,2}$|\b(?:sel(?:f|ve)|my|him|her|them)sel\w*\s+$",
        r"^(?:(?:hungry|hungery|starving|starved|starve)\s+(?:for|of|to)\s+(?:learn\w*|knowledge|success|more|information|attention|progress|funding|money|resources|support|cash|investment|staff|affection|company|friends)|(?:hungry|starving)\b[^.!?]{0,60}\b(?:medication|meds|growth spurt|tablets|prader|diabetes|diabet\w*|steroids)|(?:\w+\s+){0,4}(?:food|lunch|dinner|meals?)\s+(?:allowed|or drink|in (?:class|the classroom|lessons)|in the car|at (?:school|college|the club)|because (?:of )?(?:his|her|the) (?:sensory|allerg|texture|arfid|autism))|starve\w*\s+(?:my|him|her|them)sel)",
        false,
    ),
    rule(
        Neglect,
        r"\b(?:left|leaves?|leaving)\s+(?:(?:me|him|her|us|them)\s+)?(?:(?:in the house|at home|home|in the flat|in the car)\s+)?(?:alone|on (?:my|his|her|their|our) own|by (?:my|him|her|them|our)sel\w*|outside|in the (?:cold|rain|dark|car)|in (?:a|his|her|my|the)\s+(?:wet|soiled|dirty|full)\s+(?:nappy|nappies|pad|pads|clothes|bed|sheets|pants)|on (?:the|a) (?:bus|taxi|minibus))\b|\b(?:nobody|no one|noone|never)\s+(?:\w+\s+)?(?:looks?|looked|look|is)\s+(?:after|out for)\s+(?:me|us|him|her)\b|\b(?:nobody|no one|noone)\s+(?:\w+\s+)?(?:picks?|picked|collects?|collected|comes? for)\s+(?:me|us|him|her)\b|\b(?:on my own|by myself|alone|on our own)\s+(?:all|every|most|at)\s+(?:night|nite|day|weekend|evening|the time)\b|\bno\s+(?:blanket|blankets|bed|heating|electric|electricity|gas|hot water|clean clothes|shoes|coat|duvet)\b|\b(?:dirty|filthy|smelly|stinky|stinks|smells)\b[^.!?]{0,30}\b(?:every day|all the time|always|no one|nobody|at home|house|clothes|uniform)\b|\bsleep(?:s|ing)?\s+(?:in the park|rough|on the streets?|in (?:a|the) car|outside|on the floor)\b|\b(?:was|were|got|been|being|get|gets|is|has been)\s+(?:\w+\s+)?(?:thrown|kicked|chucked|put)\s+out\b[^.!?]{0,20}\b(?:house|home|flat|night|nowhere|street|park)\b|\bthrown out\b[^.!?]{0,30}\b(?:sleep|park|street|nowhere|night)\b",
        r"\b(?:to be|be|wants to be|want to be|like to be|likes being|prefers being|prefer being)\s+$",
        r"^(?:left\s+(?:\w+\s+)?(?:alone|on (?:his|her|their) own|by (?:himself|herself|themselves))\s+to\s+(?:deal|cope|fight|sort|manage|figure|work|get on|navigate|pick|find|battle|struggle)|left\s+(?:\w+\s+)?(?:alone|on (?:his|her|their) own)\s+(?:at|in|during)\s+(?:lunch|lunchtime|break|breaktime|playtime|the playground|class|lessons?|assembly)\b|(?:nobody|no one|noone|never)\s+(?:\w+\s+)?(?:looks?|looked|look|is|picks?|picked|collects?|collected|comes? for)\s+(?:after|out for)?\s*us\s+(?:parents|carers|families|mums|dads|adults)|left\s+(?:\w+\s+)?(?:alone|on our own|on my own|by ourselves|by myself|outside)\s+(?:to\s+(?:deal|cope|fight|sort|manage|figure|work|get on|navigate|pick|find|battle|struggle)|the (?:process|system|meeting))|no\s+(?:bed|coat|shoes)\s+(?:for|at|in)\s+(?:the\s+)?(?:residential|respite|hospital|unit|ward|school|college))",
        false,
    ),
    // Exploitation, trafficking, forced marriage, FGM, money taken.
    rule(
        Abuse,
        r"\b(?:force\w*|make|makes|made|making|arrang\w*|pressur\w*|promised|engaged|marry(?:ing)? (?:me|him|her) off)\b[^.!?]{0,40}\bmarr(?:y|ied|iage|ying)\b|\bmarr(?:y|ied|iage|ying)\b[^.!?]{0,50}\b(?:cousin|abroad|back home|older man|don't want|dont want|doesn't want|whether (?:i|she|he) want|disown|or else|if (?:i|she|he) (?:don't|dont|doesn't|refuse))\b|\b(?:taking|take|takes|sending|send|sent|took|taken)\s+(?:me|him|her|us)\s+(?:abroad|back home|out of the country|to (?:pakistan|bangladesh|india|somalia|nigeria|sudan|egypt|yemen|iraq|afghanistan|kenya|ethiopia|eritrea|gambia|sierra leone))\b[^.!?]{0,40}\b(?:marr\w*|cut|cutting|ceremony|won't|wont|not come back|forever|for good|against|scared|don't want|dont want)\b|\bcircumcis\w*|\bcutting ceremony\b|\bget cut\b|\bbe cut\b|\bgenital\w*|\b(?:takes?|took|taking|steals?|stole|stealing|keeps?|kept|spends?|spent|uses|used)\s+(?:all\s+)?(?:of\s+)?(?:my|her|his|their)\s+(?:money|benefits|pip|dla|wages|bank card|cards?|pension|savings|allowance)\b|\bgang\w*|\b(?:drug|drugs)\s+(?:runner|running|runs|dealer|dealers|dealing|debt|line|lines|gang)\b|\b(?:carry|carries|carrying|carried|hold|holding|deliver\w*|run|running|moving)\s+(?:\w+\s+)?(?:stuff|drugs|packages|parcels|bags|things|weed|gear)\s+(?:for|to)\b|\b(?:weed|cannabis|cocaine|coke|crack|heroin|ket|ketamine|spice|mdma|pills)\b[^.!?]{0,40}\b(?:give|gives|gave|giving|makes|made|sell|selling|sold|carry|older|for them|owe|owes)\b|\b(?:give|gives|gave|giving|makes|made|older)\b[^.!?]{0,30}\b(?:weed|cannabis|cocaine|crack|heroin|ket|spice|vapes?)\b|\btraffick\w*|\bslaver\w*|\bcuckoo\w*",
        r"\b(?:gang\s+)?$",
        r"^(?:gang\w*\s+(?:up on|together|of (?:parents|mums|friends))|marr\w*\s+(?:up|the two)|(?:takes?|took|taking|keeps?|kept|uses|used)\s+(?:all\s+)?(?:of\s+)?(?:my|her|his|their)\s+(?:dla|pip|benefits|allowance|money)\s+(?:into account|for (?:his|her|their) (?:care|needs|support|transport|therapy|equipment|food|clothes)|to pay for))",
        false,
    ),
    // Physical or nasty at home, and violence in a family.
    rule(
        Harm,
        r"\b(?:dad|daddy|mum|mummy|mom|mam|father|mother|step\w*|boyfriend|girlfriend|partner|ex|uncle|brother|brothers|sister|cousin|nan|grandad|grandma|carer|carers|foster\w*|teacher|staff|escort|driver|man|men|lads|parents?)(?:'s)?\s+(?:\w+\s+){0,2}(?:gets?|got|is|was|are|were|can be|becomes?|has been)\s+(?:very\s+|really\s+|so\s+|quite\s+|too\s+)?(?:physical|rough|handsy|violent|aggressive|nasty|scary|abusive|cruel|horrible)\b|\blash(?:es|ed|ing)?\s+out\s+at\s+(?:me|us|(?:my|his|her|their|our)\s+(?:\w+\s+)?(?:brothers?|sisters?|siblings?|mum|mom|mam|dad|mother|father|parents?|baby|twin|nan|grandma|grandad))\b|\b(?:lays?|laid|put|puts|putting)\s+(?:a\s+)?hands?\s+on\s+(?:me|him|her|us|my|his|them)\b|\braises?\s+(?:his|her|a)\s+hand\b|\b(?:refuge|fled|flee|fleeing|women's aid|womens aid|non[\s-]?molestation|marac|idva|coercive control|controlling (?:relationship|partner|ex|husband|boyfriend))\b|\b(?:violence|violent|abuse|abusive|fighting|fights|rows|arguing)\b[^.!?]{0,30}\b(?:at home|in the (?:house|home|family)|at (?:his|her|my) (?:dad's|mum's|house|home))\b",
        "",
        r"^(?:\w+\s+){0,3}(?:physical|rough)\s+(?:disabilit\w*|needs?|health|difficult\w*|therap\w*|activity|play|games?)",
        true,
    ),
    // Attacked outside the home; police and care.
    rule(
        Harm,
        r"\b(?:got|get|gets|getting|was|were|been|being|is|am)\s+(?:\w+\s+)?(?:jumped|mugged|robbed|knifed|set upon|ganged up on|beaten up|beat up|hurt|injured|punched|attacked)\b|\bpolice\s+(?:\w+\s+){0,2}(?:called|came|come|involved|arrested|took|were there|at the house|turned up)\b|\b(?:arrested|taken into care|into (?:foster )?care|care order|emergency protection|removed from (?:my|our|their|his|her|the family's|the family) (?:care|home))\b|\bsocial (?:worker|workers|services|care)\s+(?:\w+\s+){0,2}(?:took|take|taken|removed|came and took|placed)\b",
        "",
        r"^[^.!?\n]{0,30}?\bhurt\s+(?:by\s+(?:how|what|the way|being|not|their|the|this|his|her|all|our)\b|feelings|easily|emotionally)|^police\s+(?:\w+\s+){0,2}(?:came|come|visited|visit)\s+(?:in\s+)?to\s+(?:talk|speak|do|give|run)\b|^police\s+(?:\w+\s+){0,2}(?:came|come|visited|visit|attended)\s+(?:in|into|to)\s+(?:school|class|college|assembly)\s+(?:to|for)\s+(?:talk|speak|do|give|run|a talk|a session|an assembly)\b|^(?:\S+\s+(?:\S+\s+)?(?:not|never|no)\s|[^.!?]{0,40}?(?:hurt\s+(?:that|when|because|and\s+(?:upset|angry|confused|disappointed|frustrated|let down)|by\s+(?:the|their|this|his|her|all|a|how|what|our|being|not)\b)|injured\s+(?:in|at|playing|during)\s+(?:pe|p\.e|football|rugby|the playground|sport|a fall|an accident)))",
        true,
    ),
    // Nasty, horrible or rough to the writer or a child; names and put-downs.
    rule(
        Harm,
        r"\b(?:horrible|horribel|horible|horrid|nasty|mean|cruel|rough|evil|scary|violent|aggressive|abusive|awful|vile|spiteful|physical)\s+(?:to|with|towards|at)\s+(?:me|us|him|her|them|my|his)\b|\bcall(?:s|ed|ing)?\s+(?:me|him|her|us)\s+(?:names|stupid|thick|useless|fat|ugly|retard\w*|spaz\w*|a freak|freak|worthless|an idiot|idiot|dumb|bad names|horrible names|the r word|a mistake|a waste|disgusting|a burden)\b|\b(?:tells?|told|says?|said)\s+(?:me|him|her)\s+(?:i'm|im|i am|he's|hes|he is|she's|shes|she is|i was|he was|she was)\s+(?:\w+\s+)?(?:worthless|useless|a mistake|a burden|stupid|disgusting|unwanted|evil|nothing)\b|\b(?:wish(?:es|ed)?|says?|said|tells?|told)\s+(?:\w+\s+){0,2}(?:i|he|she|me|him|her)\s+(?:was|were|had)\s+never\s+(?:been\s+)?born\b",
        r"\b(?:head|headteacher|head teacher|senco|council|officer|caseworker|case worker|panel|manager|receptionist|consultant|doctor|gp|la|solicitor|chair|paediatrician|i|we|parents?|(?:my|our) (?:son|daughter|child|boy|girl))\s+(?:\w+\s+){0,2}$",
        "",
        true,
    ),
    // Food, drink, toilet, medicine or care withheld.
    rule(
        Neglect,
        r"\block(?:s|ed|ing)?\s+(?:the\s+|up\s+the\s+)?(?:fridge|cupboards?|kitchen|food)\b|\b(?:can't|cant|cannot|not allowed to|n't allowed to|never allowed to|don't get to|dont get to|never get to|won't let (?:me|him|her|us)|wont let (?:me|him|her|us)|wouldn't let (?:me|him|her|us)|wouldnt let (?:me|him|her|us)|don't let (?:me|him|her|us)|dont let (?:me|him|her|us)|doesn't let (?:me|him|her|us)|doesnt let (?:me|him|her|us)|didn't let (?:me|him|her|us)|didnt let (?:me|him|her|us)|not let (?:me|him|her|us)|never let (?:me|him|her|us))\s+(?:have\s+|get\s+|go\s+(?:to\s+)?(?:the\s+)?|use\s+(?:the\s+)?)?(?:any\s+|a\s+)?(?:eat|food|dinner|tea|breakfast|lunch|a drink|drink|snacks?|water|toilet|loo|bathroom|toilets)\b|\b(?:doesn't|doesnt|don't|dont|never|didn't|didnt|not|forgot to|forgets to|forget to|won't|wont|refused to|refuse to|refuses to)\s+(?:\w+\s+)?(?:give|gives|gave|given|giving)\s+(?:me|him|her|them)\s+(?:my|his|her|their|any)\s+(?:tablets|medication|meds|medicine|inhaler|insulin|epipen|epilepsy meds|food|dinner|tea|lunch|drink)\b|\b(?:doesn't|doesnt|don't|dont|never|didn't|didnt|not|wasn't|wasnt|weren't|isn't|isnt|aren't)\s+(?:\w+\s+)?(?:change|changes|changed|changing)\s+(?:me|him|her|them|my|his|her|their)\b(?:\s+(?:pads?|nappy|nappies|pants|clothes|bedding|sheets))?|\b(?:left|leave|leaves|leaving|keep|keeps|kept)\s+(?:me|him|her|them)\s+in\s+(?:my|his|her|their|the|a)\s+(?:\w+\s+)?(?:chair|wheelchair|bed|room|pad|nappy|buggy|car|cot|seat|bedroom)\s+(?:\w+\s+)?(?:all day|all night|for hours|for ages|for the whole|until|till|every)\b|\bwet\s+(?:my|him|her|them)sel\w*\s+(?:because|becos|cos|coz|as)\b|\b(?:sleeps?|slept|sleeping|made to sleep)\s+(?:in|on)\s+(?:the|a)\s+(?:bath|bathtub|garden|shed|car|hallway|hall|landing|cupboard|kitchen floor|sofa every)\b|\b(?:asks?|asking|begs?|begging)\s+(?:\w+\s+)?for\s+food\b|\bsteal\w*\s+(?:\w+\s+)?food\b|\bfood\s+(?:from|out of)\s+(?:the\s+)?bins?\b|\b(?:with\s+)?no\s+(?:lunch|dinner|breakfast|tea|food|water|drink)\s+(?:as|for|because|all day)\b",
        "",
        r"^(?:(?:can't|cant|cannot|not allowed to|n't allowed to)\s+(?:have\s+)?(?:eat|food|drink|snacks?)\s+(?:in|during)\s+(?:class|lessons?|the classroom|assembly|exams?|the car)|(?:can't|cant|cannot)\s+(?:eat|have)\s+(?:\w+\s+)?(?:because|cos|due to|as)|(?:can't|cant|cannot)\s+use\s+the\s+toilet\s+(?:on|by)\s+(?:his|her|my)\s*own)",
        false,
    ),
    // Hunger with a sign that it is more than an appetite.
    rule(
        Neglect,
        r"\b(?:hungry|hungery|hungrey|hungy|starving|starvin|starved)\b[^.!?\n]{0,50}\b(?:no food|nothing|never|every day|all the time|always|home|house|mum|dad|they|nobody|no one|lost weight|steal\w*|tak\w* food|bins?|asking|begging|weekend|holidays?|lunchbox\w*)\b|\b(?:no food|nothing to eat|never fed|never any food|every day|always|all the time|most days|often|regularly|frequently|usually|constantly|daily|comes? (?:in|to school)|came (?:in|to school)|arrives?|at home|at my \w+)\b[^.!?\n]{0,40}\b(?:hungry|hungery|hungrey|hungy|starving|starvin|starved)\b",
        "",
        r"^[^.!?\n]{0,40}\b(?:hungry|starving)\s+(?:after|before)\s+(?:\w+\s+)?(?:swimming|pe|sport|sports|football|training|school|exercise|a long day)\b|^[^.!?\n]{0,80}\b(?:won't eat|wont eat|doesn't eat|doesnt eat|refuses to eat|can't eat|cant eat|feeding|tube|medication|meds|snack|growth spurt|prader|diabet\w*|steroids|dining hall|canteen|for learning|for more|to learn|before lunch)\b",
        false,
    ),
    // Self-harm to the point of bleeding; purging; overdosing in other words.
    rule(
        SelfHarm,
        r"\b(?:until|till|til|untill|untl|and|till?l)\s+(?:it|they|i|he|she|my \w+|his \w+|her \w+)\s+(?:bleeds?|bled|bleeding|bleed)\b|\bdraw(?:s|n|ing)?\s+blood\b|\bsick on purpose\b|\b(?:make|makes|made|making)\s+(?:my|him|her)sel\w*\s+(?:be\s+)?sick\b|\bthrow(?:s|ing)?\s+up\s+after\s+(?:meals|eating|food|dinner|tea)\b|\bpurg\w*|\b(?:took|take|taking|taken|swallowed|swallow)\s+(?:a\s+)?(?:load|lot|lots|bunch|handful|packet|box|bottle|all|loads|whole)\s+(?:of\s+)?(?:\w+\s+){0,2}(?:tablets|pills|paracetamol|meds|medication|medicine|painkillers)\b|\b(?:dark|suicidal|intrusive|bad)\s+thoughts\b|\b(?:want|wants|wanted|wish)\s+(?:it|it all|everything|things|my life|life)\s+to\s+(?:end|stop|be over)\b|\bdone with (?:everything|life|it all|living|being alive)\b|\b(?:can't|cant|cannot)\s+(?:go on|take (?:it|this|any ?more)|cope any ?more|do this any ?more)\b|\b(?:just|could|to|would|and|i'd|i)\s+(?:not|never)\s+wake\s+up\b|\bgive up on (?:life|living|everything)\b|\bno reason to (?:live|be here|carry on|go on)\b",
        r"\b(?:funding|budgets?|services|schools?|system|council|la|we|parents|families|carers)\s+(?:\w+\s+){0,2}$",
        r"^(?:\w+\s+){0,4}(?:like this|this way|with (?:the|this|these) (?:system|fight|battle|council|school|waiting|delays?|process|stress)|much longer|for much longer|without (?:help|support|respite|a break|sleep)|on (?:my|our) own)\b|^(?:dark|bad)\s+thoughts\s+about\s+(?:the|school|college|work|tests?|exams?)",
        true,
    ),
    // Being attacked; smashing things; suffocating; wanting to stay away from home.
    rule(
        Harm,
        r"\b(?:pillow|pillows|hand|hands|bag|blanket)\s+over\s+(?:my|his|her|their)\s+(?:face|head|mouth|nose)\b|\bsuffocat\w*|\bsmother\w*|\b(?:held|holds|holding|pushed|pushes|put)\s+(?:\w+\s+){0,2}(?:under|into)\s+(?:the\s+)?water\b|\b(?:dad|daddy|mum|mummy|mom|mam|father|mother|step\w*|boyfriend|partner|uncle|brother|he|she|they)\s+(?:\w+\s+)?(?:smash\w*|trash\w*|wreck\w*|break|breaks|broke|throws|threw|chucks|chucked|punch\w*|kick\w*)\s+(?:\w+\s+){0,2}(?:stuff|things|the house|everything|doors?|walls?|plates|furniture|windows?|my (?:stuff|things|toys|phone))\b[^.!?\n]{0,60}\b(?:i|we|me|us|scared|hide|hid|cry|cries|mum|run)\b|\bhid(?:e|es|ing)?\s+(?:in|under|behind)\s+(?:my|the|his|her|our)\s+(?:bed|wardrobe|cupboard|bedroom|room|sofa|blankets?|covers|duvet)\b",
        r"\b(?:he|she|they)\s+$",
        "",
        true,
    ),
    rule(
        Unsafe,
        r"\b(?:won't|wont|will not|refuses? to|refusing to|refused to|too scared to|scared to|afraid to|frightened to|doesn't want to|doesnt want to|don't want to|dont want to|don't wanna|dont wanna|dont wana|didn't want to|didnt want to|never want to|hate going|hates going|hated going|begs? not to|begged not to|cries when (?:i|we|he|she) (?:have|has) to)\s+(?:go\s+)?(?:back\s+)?(?:home|to (?:my|his|her) (?:dad's|dads|mum's|mums|nan's|nans|home|house)|to (?:dad|mum|daddy|mummy)'?s?)\b|\b(?:goes|going|go|went|stays?|staying|stayed|out)\s+(?:out\s+)?(?:\w+\s+)?(?:at night|all night|till late|until late|overnight|late at night|till \d|until \d|all hours)\b|\b(?:missing|missed)\s+(?:from|in)\s+education\b|\bcan(?:not|'t|t)\s+(?:trace|locate|find)\s+(?:them|him|her|the (?:child|family|pupil|young person))\b",
        r"\b(?:school|college|class|lessons?|the unit|to school)\s+(?:\w+\s+){0,3}$",
        r"^(?:\w+\s+){0,3}(?:home\s+(?:from|after)\s+(?:school|college|the club|respite))|^[^.!?\n]{0,60}\bbecause\s+(?:there(?:'s| is)\s+no\s+(?:wifi|internet|signal|xbox|playstation|tv|netflix|games)|it(?:'s| is)\s+(?:boring|too far|far|too quiet))",
        true,
    ),
    // Sexual comments, images, online adults, age gaps.
    rule(
        Sexual,
        r"\b(?:says?|said|saying|makes?|made|making|passes|passed|passing)\s+(?:\w+\s+){0,3}(?:things|comments?|stuff|remarks?|jokes)\s+about\s+(?:my|her|his|girls'?|boys'?|their|our)\s+(?:body|bodies|boobs|breasts|bum|bums|legs|chest|figure|looks|bottom|private\w*)\b|\b(?:videos?|photos?|pictures?|pics?|clips?|filmed|filming|film|recorded|recording|photographed|photographing)\s+(?:of\s+)?(?:me|him|her|them)\s+(?:\w+\s+){0,2}(?:getting changed|changing|naked|undress\w*|in the (?:shower|toilets?|bath|changing rooms?)|on the toilet|in (?:my|his|her) (?:pants|underwear|bra))\b|\b(?:shared|posted|sent|spread|put up|uploaded|leaked)\s+(?:\w+\s+){0,2}(?:videos?|photos?|pictures?|pics?|clips?|screenshots?)\s+of\s+(?:me|him|her)\b|\b(?:sending|sends|sent|send)\s+(?:\w+\s+)?(?:pictures|pics|photos|videos|selfies|images|snaps)\s+to\s+(?:a|an|this|some|older|grown|random)\s+(?:\w+\s+)?(?:man|men|guy|boy|lad|stranger|someone|person|adult|bloke)\b|\b(?:a|an|some|this|older|grown|random)\s+(?:\w+\s+)?(?:man|men|guy|bloke|adult|stranger|lad|boy|woman)\s+(?:\w+\s+){0,3}(?:met|meets|knows|talks to|chats to|talking to|chatting to|plays with|messag\w*)\s+(?:\w+\s+){0,2}(?:online|on (?:roblox|fortnite|minecraft|snapchat|snap|instagram|insta|tiktok|discord|whatsapp|facebook|xbox|playstation|the internet|a game|an app|games?))\b|\b(?:messag\w*|dms?|dm'?ing|texting|texts|snapchat|snap|online|roblox|fortnite|tiktok|instagram|insta|discord|whatsapp|xbox)\b[^.!?\n]{0,60}\b(?:wants? to meet|meet up|loves? (?:me|her|him)|in love with (?:me|her|him)|our secret|keep it secret|nudes|be (?:his|her) (?:girlfriend|boyfriend))\b|\b(?:relationship|going out|dating|seeing|sleeping|having sex|sex)\s+with\s+(?:a|an|his|her)?\s*(?:\d\d[\s-]*(?:year|yr)s?[\s-]*old|much older|older man|older woman|adult|grown)\b|\b(?:1[89]|[2-6]\d)[\s-]*(?:year|yr)s?[\s-]*old\s+(?:man|men|guy|bloke|boyfriend|girlfriend|adult)\b",
        "",
        "",
        false,
    ),
    rule(
        Sexual,
        r"\b(?:makes?|made|making)\s+(?:me|her|him)\s+(?:feel\s+)?(?:really\s+|very\s+|so\s+)?(?:uncomfortable|weird|icky|dirty|yucky)\b",
        r"\b(?:noise|noises|lights?|crowds?|smells?|textures?|clothes|labels|socks|the hall|assembly|food|lessons?|school|change|changes|transitions?|groups?|exams?|tests?|questions?)\s+(?:\w+\s+){0,2}$",
        "",
        false,
    ),
    // Controlling partners and step-parents; debts to older lads; older boys.
    rule(
        Abuse,
        r"\b(?:boyfriend|girlfriend|partner|step\w*|ex|husband|uncle|he|she)(?:'s)?\b[^.!?\n]{0,30}\b(?:reads|read|checks|checked|goes through|went through|controls|controlled|tracks|tracked|takes|took|smashed|smashes)\s+(?:all\s+)?(?:my|her|his)\s+(?:messages|phone|texts|money|location|bank)\b|\bnot allowed to (?:see|talk to|speak to|text|message|meet|play with)\s+(?:my|his|her|any)\s+(?:mates|friends|family|nan|grandparents)\b|\b(?:i|he|she|we)\s+owes?\s+(?:some|these|the|a|older|them)?\s*(?:lads|boys|men|guys|people|gang|dealer|someone|them|money)\b|\bsort (?:me|him|her) out\b[^.!?\n]{0,30}\b(?:pay|owe|money|if)\b|\b(?:had to|have to|has to|made to|make (?:me|him|her)|makes (?:me|him|her)|made (?:me|him|her))\s+do\s+(?:stuff|things|something|sexual \w+|bad things|what (?:he|she|they) (?:said|says|want\w*))\b|\b(?:with|by|from)\s+(?:older|grown)\s+(?:boys|lads|men|guys|kids|teenagers|people)\b|\bolder\s+(?:boys|lads|men|guys)\b[^.!?\n]{0,40}\b(?:give|gives|gave|money|gifts|lifts|car|party|parties|drink|alcohol|out late|stay out|hang out|hanging out|cigarettes|vapes?)\b|\b(?:coming|came|comes|come)\s+(?:back|home|in)\s+with\s+(?:\w+\s+){0,3}(?:money|cash|new (?:phones?|trainers|clothes)|phones?|expensive|gifts|drugs|weed)\b|\bunexplained\s+(?:money|cash|gifts|phones?|items|absences?)\b|\b(?:special|cutting|coming of age|purification)\s+ceremony\b|\b(?:taken|taking|take|sent|sending|send|going|go)\s+(?:\w+\s+)?(?:abroad|out of the country|back home|overseas)\b[^.!?\n]{0,60}\b(?:marr\w*|cut|cutting|engaged|won't come back|wont come back|for good|forever|husband|wife)\b",
        r"\b(?:play|plays|playing|football|rugby|school|class|classes|group|sessions?)\s+(?:\w+\s+){0,2}$",
        "",
        false,
    ),
    // Sat on; door held shut; locked out; left on transport; put out in the cold.
    rule(
        Harm,
        r"\b(?:sat|sit|sits|sitting)\s+on\s+(?:me|him|her|them|his|her|my)\b|\b(?:door|doors)\s+(?:was\s+|were\s+|being\s+)?(?:held|wedged|blocked|barricaded|locked)\s*(?:shut|closed)?\b|\b(?:held|holding|holds|hold|lock\w*|wedg\w*)\s+the\s+door\s+(?:shut|closed)\b|\bkept\s+(?:me|him|her|them)\s+in\s+(?:a|the|his|her|my)\s+(?:\w+\s+)?(?:room|cupboard|corridor)\b|\bleft\s+(?:me|him|her|them)\s+(?:\w+\s+)?(?:on|in)\s+(?:the|a)\s+(?:bus|taxi|minibus|car|van|coach)\b|\b(?:put|puts|putting|locked|locks|shut|shuts|kept|keeps|made|makes|sent|sends)\s+(?:me|him|her|them)\s+(?:out\s*)?(?:side\s+)?(?:in|into)\s+(?:the\s+)?(?:garden|cold|street|rain|dark|shed|cupboard|coal|cellar|basement)\b|\b(?:as\s+(?:a\s+)?punishment|to punish (?:me|him|her)|for being (?:bad|naughty)|when (?:i'm|im|i am|i was|he's|he is|he was|she's|she is|she was) (?:bad|naughty))\b[^.!?\n]{0,60}\b(?:no (?:food|lunch|dinner|tea|water|drink)|locked|lock|alone|on (?:his|her|my) own|corridor|room|cupboard|garden|outside|cold|belt|smack\w*|hit|hurt|shut|bath)\b|\b(?:no (?:food|lunch|dinner|tea|water|drink)|locked|alone|on (?:his|her|my) own|corridor|cupboard|garden|outside|cold|belt|smack\w*|hit|hurt|shut)\b[^.!?\n]{0,60}\b(?:as\s+(?:a\s+)?punishment|to punish (?:me|him|her)|for being (?:bad|naughty)|when (?:i'm|im|i am|i was|he's|he is|he was|she's|she is|she was) (?:bad|naughty))\b",
        "",
        r"^(?:sat|sit|sits|sitting)\s+on\s+(?:his|her|my)\s+(?:own|hands|chair|bed|knee|lap|own)\b",
        true,
    ),
    // Injury, blood and marks, whoever caused them.
    rule(
        Harm,
        r"\binjur(?:y|ies|ed|ing)\b|\b(?:bleed|bleeds|bleeding|bled|blood|bloodied|bloody nose|bloody lip)\b|\b(?:cut|split|fat|swollen|bust|busted|bleeding)\s+lip\b|\b(?:came|come|comes|coming|got|gets|arrived?|arrives|turned up|turns up)\s+(?:back\s+|home\s+|in\s+|into school\s+|to school\s+|out\s+)?(?:from\s+(?:\w+\s+){0,4})?with\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:cut|cuts|bruise|bruises|bruising|marks?|burns?|black eye|graze|grazes|scratch\w*|bite|bites|lump|swelling|blood|wounds?|welts?|fractur\w*|broken \w+)\b|\bfractur\w*|\bbroken\s+(?:arm|arms|leg|legs|nose|rib|ribs|wrist|finger|fingers|bone|bones|jaw|collarbone)\b|\bwelts?\b|\bbite marks?\b|\bfinger\s?(?:tip\s)?marks?\b|\bhand\s?print\w*",
        r"\b(?:brain|birth|spinal|head|sports?|acquired|traumatic|repetitive strain|knee|ankle|football|rugby|old|previous|netball|gymnastics|nose)\s+$|\b(?:high|low|his|her|my)\s+$|\b(?:tooth|teeth|operation|surgery|nosebleeds?)\b[^.!?\n]{0,30}$",
        r"^(?:injur\w*\s+(?:\w+\s+)?(?:in|at|during|playing|while playing|when (?:he|she) fell)\s+(?:pe|p\.e|football|rugby|sports?|the playground|a fall|an accident|netball|swimming|gymnastics|training|the park)|blood\s+(?:tests?|sugars?|pressure|glucose|levels?|results|work|donors?|donation|type|count|samples?|disorder|condition|clotting|cancer|transfusions?|taken|drawn|tests?)|bleed\w*\s+(?:disorder|condition)|(?:bleed|bleeds|bleeding|bled)\s+(?:\w+\s+){0,4}(?:tooth|teeth|nose|operation|surgery|injection|jab|period|gums)|(?:bleed|bleeds|bleeding|bled)\s+(?:heart|money|us dry|them dry|dry)|blood\s+(?:is\s+)?boil\w*|broken\s+(?:\w+\s+)?(?:in|at|during|playing)\s+(?:pe|football|rugby|sport|a fall|an accident|the park|trampolin\w*))",
        true,
    ),
    // Physical punishment and handling, forced postures, pain holds.
    rule(
        Harm,
        r"\bphysically\s+(?:\w+\s+)?(?:chastis\w*|punish\w*|disciplin\w*|hurt\w*|harm\w*|abus\w*|attack\w*|assault\w*|aggressive|violent|restrain\w*|restrict\w*|forc\w*|handl\w*|remov\w*|moved|drag\w*|push\w*|manhandl\w*|intimidat\w*|threaten\w*)|\bchastis\w*|\b(?:corporal|physical)\s+punishment\b|\bpain\s+(?:compliance|holds?|techniques?)\b|\brough(?:ly)?\s+handl\w*|\bhandl\w*\s+(?:\w+\s+)?roughly\b|\b(?:makes?|made|making|forces?|forced|forcing)\s+(?:me|him|her|them|us)\s+(?:to\s+)?(?:stand|kneel|sit|stay|sleep|wait|go without|eat|lie)\b[^.!?\n]{0,40}\b(?:all night|all day|for hours|corner|outside|cold|garden|floor|bath|without|dark|until|till|hours)\b|\b(?:shouts?|shouted|shouting|screams?|screamed|screaming|swears?|swore|swearing|yells?|yelled|yelling)\s+(?:right\s+)?in\s+(?:my|his|her|their)\s+face\b",
        "",
        r"^(?:physically\s+(?:\w+\s+)?(?:handl\w*|remov\w*|moved)\s+(?:only\s+)?(?:as a last resort|in line with|according to|with care|safely|gently|when necessary))",
        true,
    ),
    // Secrets, silencing, not telling.
    rule(
        Abuse,
        r"\b(?:told|tells|tell|made|make|makes|asked|asks|warned|warns|threatened)\s+(?:me|him|her|us|them)?\s*(?:to\s+|not\s+to\s+)?(?:keep|stay|be)\s+(?:it\s+|this\s+|that\s+)?(?:quiet|secret|a secret|silent|between us)\b|\b(?:not|never)\s+to\s+tell\s+(?:anyone|anybody|mum|dad|my|his|her|the|a|you|teachers?)\b|\b(?:can't|cant|cannot|not allowed to|mustn't|must not|scared to|afraid to|too scared to)\s+tell\s+(?:anyone|anybody|mum|dad|my|the|a|you|teachers?|people|someone)\b|\b(?:our|a|his|her|their|big|bad)\s+secret\b|\bsecrets?\b[^.!?\n]{0,30}\b(?:tell|told|telling|touch|hurt|trouble|promise)\b",
        r"\b(?:no|an open|open|it's no|its no)\s+$",
        r"^(?:(?:our|a|his|her|their)\s+secret\s+(?:weapon|santa|garden|ingredient|to success|code)|(?:can't|cant|cannot)\s+tell\s+(?:you|anyone|anybody)\s+(?:how|what|enough|why|the difference))",
        false,
    ),
    // Young carers doing a parent's job; a parent out of action.
    rule(
        Neglect,
        r"\b(?:have to|has to|had to|got to|i|he|she|left to|made to)\s+(?:\w+\s+)?(?:make|cook|get|find|sort)\s+(?:my|his|her|our|their)\s+own\s+(?:breakfast|tea|dinner|lunch|food|meals?|supper)\b|\b(?:i|he|she|have to|has to|had to|left to)\s+(?:\w+\s+)?(?:look after|looks after|looking after|care for|cares for|caring for|mind|minds|feed|feeds|change|changes|bath|baths)\s+(?:the|my|his|her|our)\s+(?:baby|little|younger|brothers?|sisters?|siblings|mum|mom|mam|mummy|dad|daddy|mother|father|parents?)\b|\b(?:mum|mom|mam|mummy|mommy|dad|daddy|mother|father|parents?)\s+(?:\w+\s+){0,2}(?:sleeps?|sleeping|stays?|staying|lies|lying|is|are)\s+(?:in\s+bed\s+)?(?:all day|all the time|in bed all day|asleep all day)\b|\b(?:kept|keeps|keeping)\s+(?:\w+\s+)?(?:off|home from|out of)\s+school\s+(?:to|so)\s+(?:\w+\s+)?(?:care|look after|mind|babysit|help|translate|interpret)\b",
        r"\b(?:we|i've|i have|i am|i'm|as parents)\s+(?:\w+\s+)?$",
        r"^(?:(?:i|he|she)\s+(?:\w+\s+)?(?:look after|looks after|care for|cares for)\s+(?:my|his|her|our)\s+(?:\w+\s+)?(?:son|daughter|children|kids|boys|girls|grandson|granddaughter)|young carers?\s+(?:service|project|group|team|support|assessment|strategy|club|network))",
        true,
    ),
    // Put-downs by the family: "says I'm a mistake".
    rule(
        Harm,
        r"\b(?:says|said|tells|told|calls|called|shouts|shouted|screams|screamed|reminds|keeps saying|always saying)\s+(?:to\s+)?(?:me\s+|him\s+|her\s+|us\s+)?(?:that\s+)?(?:i'm|im|i am|i was|he's|hes|he is|he was|she's|shes|she is|she was|you're|youre|you are|ur|we're|we are)\s+(?:just\s+|a\s+|an\s+|so\s+|such a\s+|too\s+|really\s+|very\s+|big\s+|fat\s+|total\s+|complete\s+)*(?:mistake|worthless|useless|stupid|thick|fat|ugly|waste of space|waste|burden|disgusting|evil|nothing|unwanted|unloved|freak|retard\w*|problem|embarrassment|disappointment|idiot|pathetic|vile|horrible|bad|naughty|monster|devil|possessed|cursed)\b|\b(?:wish(?:es|ed)?|says|said|tells|told)\s+(?:\w+\s+){0,2}(?:they|she|he|mum|dad)\s+(?:never had|didn't have|had never had|wishes? (?:i|he|she) was never)\b",
        r"\b(?:teacher|teachers|senco|school|staff|head|doctor|paediatrician|council|report|assessment|panel|they)\s+(?:\w+\s+){0,2}$",
        "",
        true,
    ),
    // FII, convictions, offenders, witnessing, police.
    rule(
        Abuse,
        r"\bfabricat\w*\s+(?:or\s+induced\s+)?(?:illness|symptoms)\b|\binduced illness\b|\bfii\b|\bmunchausen\w*|\bconvict\w*|\boffender\w*|\boffences?\s+against\b|\b(?:released from|just out of|came out of|got out of)\s+(?:prison|jail)\b|\bwitness\w*\s+(?:\w+\s+){0,3}(?:violence|abuse|arguments|argument|fighting|fights|domestic|assault|assaults|attacks?|police|rows|him hit|her hit|dad hit|mum being|his dad|her dad|his mum|her mum)\b|\bpolice\s+(?:call[\s-]?outs?|callouts?|were called|was called|got called|had to be called|came|come round|came round|turned up|attended|took|arrested|were involved|got involved|are involved|involvement|at the house|at our house|at home|visited (?:the|our) (?:house|home))\b|\b(?:called|rang|phoned|ring|call|contacted|told|reported (?:it|this|him|her|them)? ?to)\s+the\s+police\b|\btaken advantage of\b|\btaking advantage of\s+(?:him|her|them|me|my|his|her|vulnerable)\b|\bmalnourish\w*|\bemaciated\b|\bhomeless\w*|\b(?:runs?|ran|running)\s+away\b|\brunaway\b|\babscond\w*|\bfears?\s+for\s+(?:his|her|my|their|our)\s+(?:life|safety|lives)\b|\bin fear of\s+(?:my|his|her|their|our|the)\s+(?:dad|father|mum|mother|partner|ex|husband|life|lives|boyfriend|stepdad|uncle|brother)\b|\bdangerous\s+(?:man|men|person|people|adults?|partner|family|home|household)\b|\b(?:home|house|household|he|she|dad|mum|father|mother|partner|stepdad|boyfriend|uncle)\s+(?:is|was|can be|gets)\s+(?:really\s+|very\s+)?dangerous\b|\bviolen(?:t|ce)\b|\bharm(?:ed|ing|s)?\s+(?:me|him|her|them|my|his|himself|herself|themselves|myself|others|a child|children|the child|the baby)\b|\b(?:sexual|sexually|physical|physically|emotional|emotionally)\s+(?:harm|harmed|hurt|exploit\w*|assault\w*|abus\w*|attack\w*|violen\w*)\b",
        r"\b(?:some|children|pupils|kids|who|that|if|might|may|could|tend to|likely to|risk of)\s+(?:\w+\s+)?$|\b(?:do|don't|not|never|no|will|would|an? open|wants to be a|officer|community|school)\s+$|\b(?:feel|feels|felt|feeling)\s+like\s+$|\b(?:fighting|playing|computer|video|online|console)\s+games?\b[^.!?\n]{0,30}$",
        r"^police\s+(?:\w+\s+){0,2}(?:came|come|visited|visit)\s+(?:in\s+)?to\s+(?:talk|speak|do|give|run)\b|^police\s+(?:\w+\s+){0,2}(?:came|come|visited|visit|attended)\s+(?:in|into|to)\s+(?:school|class|college|assembly)\s+(?:to|for)\s+(?:talk|speak|do|give|run|a talk|a session|an assembly)\b|^[^.!?\n]{0,100}\b(?:no sense of danger|shopping centre|supermarket|for (?:ten|five|a few|two|\d+) minutes)\b|^(?:(?:runs?|ran|running)\s+away\s+from\s+(?:it all|everything|all of it|this life)|(?:runs?|ran|running)\s+away\s+(?:from\s+)?(?:(?:the|this|our|that|their)\s+(?:problem|problems|issue|issues|truth|fact|responsibilit\w*|question|conversation)|with (?:it|the idea)|from (?:class|the class|the classroom|lessons?|the lesson|the hall|assembly|work|the table|staff when|the room)|(?:in|at|around|about) (?:the )?(?:playground|park|field|garden|supermarket))|violen(?:t|ce)\s+(?:outbursts?|behaviou?rs?|meltdowns?|episodes?|incidents? (?:towards|against) staff|and aggressive behaviou?r|when (?:he|she)(?:'s|\s+is|\s+gets)?\s+(?:overwhelmed|dysregulated|frustrated|distressed|in meltdown))|violen(?:t|ce)\s+(?:\w+\s+){0,3}(?:for|in)\s+(?:the|a|mainstream|this)\s+(?:school|class|setting|classroom|unit)|violent\s+(?:video\s+)?games|harm(?:ed|ing|s)?\s+(?:his|her|their|my)\s+(?:education|development|progress|chances|future|prospects|learning|confidence|mental health|wellbeing|relationship)|homeless\w*\s+(?:team|service|department|charity|prevention|officer|application))|^homeless\w*\b[^.!?\n]{0,60}\b(?:but (?:we|now)|now (?:we|have|live)|rehoused|council house|housed now|found (?:a|us))\b",
        true,
    ),
    // Married off or taken abroad to marry.
    rule(
        Abuse,
        r"\b(?:out of the country|abroad|overseas|back home|to pakistan|to bangladesh|to india|to somalia|to nigeria|to yemen|to afghanistan)\b[^.!?\n]{0,40}\bmarr(?:y|ied|iage|ying)\b|\bmarr(?:y|ied|iage|ying)\b[^.!?\n]{0,40}\b(?:out of the country|abroad|overseas|back home)\b|\bmarried off\b|\b(?:child|underage|arranged|forced)\s+marriage\b|\b(?:to be|to get|be|being|getting)\s+married\s+(?:off|at (?:1[0-7]|thirteen|fourteen|fifteen|sixteen|seventeen)|to (?:an older|a man|her cousin|his cousin|a cousin|someone (?:she|he) (?:doesn't|does not|has never)))\b",
        "",
        "",
        false,
    ),
    // Threats to send a child away, throw them out, lock them up.
    rule(
        Harm,
        r"\b(?:threw|thrown|throw|throws|throwing|kicked|kicks|kick|kicking|chucked|chucks|chuck|put|puts|turned|turns)\s+(?:me|him|her|them|us)\s+out\b|\bnowhere\s+(?:else\s+)?to\s+(?:go|live|sleep|stay)\b|\b(?:put|send|sending|sent|take|give)\s+(?:me|him|her|us|them)\s+(?:in|into|to|away)\s+(?:(?:a|the)\s+)?(?:home|care|foster care|children's home|care home)\b|\b(?:says?|said|threatens?|threatened|threatening|tells?|told|keeps saying)\s+(?:me\s+|him\s+|her\s+)?(?:that\s+)?(?:he|she|they|dad|mum|i|he'll|she'll|they'll)?(?:'ll|'d|\s+will|\s+would|\s+is going to|\s+was going to|\s+to|\s+gonna)?\s*(?:put|send|lock|hurt|hit|kill|beat|smack|batter|leave|get rid of|give)\s+(?:me|him|her|us|them)\s*(?:in|into|away|up|out|to|if|when|for|\.|,|$)",
        "",
        r"^(?:\w+\s+(?:me|him|her|them|us)\s+out\s+(?:of\s+(?:(?:the|his|her|my|their|our)\s+)?(?:\w+\s+){0,2}(?:school|class|classes|lessons?|the lesson|classroom|room|meeting|club|group|shop|cinema|restaurant|pool|park|game|team|activity|trip|assembly|hall)|on (?:a|the) (?:limb)|(?:for|to) (?:lunch|dinner|tea|the day|a treat|a walk|a drive))|(?:says?|said|tells?|told)\s+(?:\w+\s+){0,3}(?:send|put)\s+(?:him|her|them)\s+(?:to|into)\s+(?:a|the)\s+(?:special|specialist|residential|mainstream|unit|college|school))",
        true,
    ),
    // Gagged, taped, shut in a cupboard (in children's spellings).
    rule(
        Harm,
        r"\btape[ds]?\s+(?:on|over|across|round|around)\s+(?:my|his|her|their)\s+(?:mouth|face|hands|eyes|arms|legs)\b|\btaped\s+(?:up\s+)?(?:my|his|her|their)\s+(?:mouth|hands|eyes|arms|legs)\b|\bgag(?:ged|ging|s)?\b|\b(?:shut|shuts|locked|lock|locks|locking|put|puts|putting|kept|keeps|keep|made to sit|made to stay|made to wait|sent|sends|sits?|sat|left|leaves|leave|trapped)\s+(?:(?:me|him|her|them|us|my \w+|his \w+|her \w+|the child|a child|children)\s+)?(?:in|into|inside)\s+(?:a|the|his|her|my|their|an)\s+(?:\w+\s+)?(?:cupboard|cuboard|cubbord|cubard|cupbord|cubberd|cage|box|shed|cellar|basement|garage|boot|wardrobe|storeroom|store room|store cupboard|booth|dark room)\b",
        "",
        r"^[^.!?\n]{0,60}\b(?:to put (?:away|back)|his coat|her coat|shoes|bags?|equipment|toys|(?:he|she) (?:chooses|likes|loves|enjoys|asks))\b",
        true,
    ),
    // Being watched or walked in on in the bath, shower or bedroom.
    rule(
        Sexual,
        r"\b(?:bath|baths|bath time|bathtime|shower|showers|showering|changing room|getting changed|getting dressed|undress\w*|naked|in the toilet|on the toilet|in bed|bedroom)\b[^.!?\n]{0,50}\b(?:looks? at|looked at|looking at|stares?|stared|staring|watch(?:es|ed|ing)?\s+(?:me|him|her)|walks? in|walked in|comes? in|came in|barges? in|barged in|film\w*|takes? photos|took photos|camera|peek\w*|spy\w*|spies)\b|\b(?:walks?|walked|walking|comes?|came|coming|barges?|barged)\s+in\s+(?:on\s+(?:me|him|her)\s+)?(?:when|while|whilst)\s+(?:i'm|im|i am|i was|he's|he is|he was|she's|she is|she was|they're|they are)\s+(?:in the (?:bath|shower|toilet|bathroom)|getting (?:changed|dressed|undressed)|changing|undressed|naked|in bed|asleep)\b|\b(?:looks? at|looked at|looking at|stares? at|stared at|staring at|watch(?:es|ed|ing)?|walks? in on|walked in on|comes? in|came in|barges? in|film\w*|spy\w* on|peeks? at)\s+(?:me|him|her|them)\s+(?:\w+\s+){0,3}(?:in the (?:bath|shower|toilet)|on the toilet|getting (?:changed|dressed|undressed)|undress\w*|naked|when i(?:'m| am) (?:in the (?:bath|shower)|changing|getting changed))\b",
        r"\b(?:needs?|need|help\w*|support\w*|supervis\w*|for (?:his|her) safety|because of (?:his|her) seizures)\b[^.!?\n]{0,40}$",
        r"^[^.!?\n]{0,80}\b(?:for (?:his|her|their) safety|because of (?:his|her|their) (?:seizures|epilepsy|needs)|to keep (?:him|her|them) safe|in case (?:he|she|they))\b",
        false,
    ),
    // A frightened child, with nothing named to be frightened of.
    rule(
        Unsafe,
        r"\b(?:i'm|im|i am|i feel|i get|i got|i was|i always feel|i'm always|im always|i am always|makes me|make me|made me|i feel really|i'm really|im so|i'm so|i am so)\s+(?:(?:so|really|very|too|always|quite|a bit|a little|sometimes|often|just|still|properly)\s+)?(?:scared|scard|scaired|skared|frightened|frightend|frited|fritened|terrified|terified|afraid|petrified)\b(?:\s+(?:at home|at night|all the time|every night|every day|when (?:i'm|im|i am) at home|when (?:he|she|they|dad|mum) (?:comes?|gets?|is|are) home|of going home|to go home|in my (?:room|bed|house)))?",
        r"\b(?:school|lessons?|class|exams?|tests?|maths|assembly|noise|dark|dogs?|fire alarm)\b[^.!?\n]{0,30}$",
        r"^(?:\S+\s+){1,4}(?:he|she|they|we|it|this|that|what|things|nobody|no one)\s|^(?:\S+\s+){1,4}(?:of|about|for|that|to|when|if|before|during|by|on|with|around|in|at|after|because)\b|^[^.!?\n]{0,40}\b(?:exams?|tests?|failing|the future|spiders|the dark|dogs|noise|change|school|college|fire alarm|hand dryers?|dentist|doctors?|injections?|needles|heights|water|swimming|thunder|fireworks|balloons|crowds|new places|starting|council|local authority|panel|tribunal|reviews?|plan|ehcp|funding|placement|support|hours|cuts?|decision|adult services|transition)\b",
        true,
    ),
    // Not eating, to feel something or be in control; scars from cutting.
    rule(
        SelfHarm,
        r"\b(?:don't|dont|do not|didn't|didnt|not|won't|wont|haven't|havent|hasn't|stop|stopped|stopping|refuse to|refuses to|refused to)\s+(?:\w+\s+)?(?:eat|eating|eaten)\s+(?:\w+\s+)?(?:for|in)\s+(?:days|ages|a week|weeks|a few days|two days|three days|\d+ days)\b|\bso (?:i|he|she) can feel (?:something|in control|numb|better|nothing|pain|real)\b|\bfeel (?:numb|nothing) (?:inside|any ?more|all the time)\b|\bscars?\s+(?:on|all over|up)\s+(?:my|his|her|their)\s+(?:arms?|legs?|wrists?|thighs?|body|stomach|tummy|back|skin)\b|\bwhere (?:i|he|she) (?:cut|cuts|burn|burnt|burned|scratch\w*)\b|\b(?:relaps\w*|urges?)\b[^.!?\n]{0,30}\b(?:cut\w*|harm\w*|hurt\w*|sh)\b",
        "",
        r"^[^.!?\n]{0,60}\b(?:surgery|operation|scoliosis|burns unit|heart|spina bifida|birthmark|eczema|chickenpox|accident|fell|fall)\b",
        true,
    ),
    // Exploited to carry, hide or deliver; paid by older people.
    rule(
        Abuse,
        r"\b(?:paid|pays|paying|given money|get money|gets money|got money|gave (?:me|him|her) money)\s+(?:me\s+|him\s+|her\s+)?(?:to|for)\s+(?:drop|deliver|carry|hold|move|take|run|sell|store|hide|look after|keep|do)\b|\b(?:drop|drops|dropping|dropped|deliver\w*|carry\w*|carries|hold|holding|held|store|storing|hide|hiding|hid|move|moving|run|running|sell|selling|sold|stash\w*)\s+(?:\w+\s+){0,2}(?:parcels?|packages?|packets?|bags?|stuff|things|gear|drugs|weed|knives|knife|weapons?|phones?)\s+(?:\w+\s+){0,2}(?:for|to|off for|off to)\s+(?:some|these|older|the|a|them|him|people|men|guys|lads|boys|a gang|someone)\b|\bblackmail\w*|\bextort\w*|\bsextort\w*|\bsteal(?:s|ing)?\s+(?:\w+\s+)?from\s+(?:me|him|her|them|us|my|his|her|their)\b|\bstole\s+(?:\w+\s+)?from\s+(?:me|him|her|them|us|my|his|her|their)\b|\bmature for (?:her|his|your|their) age\b|\b(?:adult|grown|older)\s+(?:man|men|male|woman|women|guy|guys|bloke)\b[^.!?\n]{0,50}\b(?:messag\w*|texts?|texting|talking to|chatting|snap\w*|meet\w*|gifts?|presents?|money|lifts?|car|girlfriend|boyfriend|relationship|secret)\b",
        r"\b(?:felt|feels|feel|feeling|is|was|like|basically|bordering on)\s+(?:like\s+)?(?:\w+\s+)?$",
        "",
        false,
    ),
    // Staff or adults contacting a child privately; kisses.
    rule(
        Sexual,
        r"\b(?:teacher|ta|teaching assistant|staff|coach|tutor|worker|carer|man|men|adult|driver|escort|leader|volunteer|someone older|older (?:man|guy|boy|lad|woman))\b[^.!?\n]{0,40}\b(?:messag\w*|texts?|texting|dms?|snaps?|snapchats?|calls?|rings?|whatsapps?|add(?:ed|s)? (?:me|him|her))\b[^.!?\n]{0,50}\b(?:late at night|at night|insta|instagram|snap|snapchat|tiktok|whatsapp|facebook|own (?:phone|number)|personal (?:phone|number|account)|private(?:ly)?|secret\w*|meet)\b|\bkiss(?:es|ed|ing)?\s+(?:me|him|her|them)\s+(?:on the (?:lips|mouth|neck)|with (?:his|her) tongue|and touch\w*)\b|\b(?:made|makes|make|tries to|tried to|forced|forces|wants to|wanted to|keeps trying to|kept trying to)\s+(?:me\s+|him\s+|her\s+)?(?:to\s+)?kiss\b|\b(?:french|tongue) kiss\w*",
        "",
        "",
        false,
    ),
    // Emotional neglect in a child's words; toilets and wet clothes; not fed.
    rule(
        Neglect,
        r"\b(?:nobody|no one|noone|no body)\s+(?:at home\s+|here\s+|in my family\s+|in the house\s+)?(?:talks|speaks|listens|plays|bothers|checks on|notices)\s+(?:to\s+|with\s+|about\s+)?me\b|\b(?:refused|refuses|refuse|refusing|didn't|didnt|did not|won't|wont|wouldn't)\s+(?:to\s+)?(?:let|allow)\s+(?:me|him|her|them)\s+(?:to\s+)?(?:use|go to|go)\s+(?:the\s+)?(?:toilet|loo|bathroom|toilets)\b|\b(?:came|come|comes|coming|sent|goes|went)\s+home\s+(?:\w+\s+)?(?:in|with)\s+(?:wet|soiled|dirty|soaking|pooey|wee)\s+(?:clothes|trousers|pants|uniform|pad|nappy)\b|\b(?:don't|dont|doesn't|doesnt|never|didn't|didnt|not|won't|wont)\s+(?:\w+\s+)?(?:feed|feeds|fed)\s+(?:me|him|her|us|them|the|my|his|her)\b|\bleft\s+(?:\w+\s+)?(?:to\s+(?:look after|care for|mind|babysit)|in charge of)\s+(?:(?:the|her|his|my|their)\s+)?(?:\w+\s+)?(?:siblings?|brothers?|sisters?|baby|babies|kids|children)\b",
        r"\b(?:council|la|school|senco|services|professionals?|camhs|caseworker|anyone at)\b[^.!?\n]{0,40}$",
        r"^[^.!?\n]{0,60}\b(?:council|la|local authority|school|senco|services|professionals?|camhs|panel|caseworker|meetings?|the team)\b",
        false,
    ),
    // Hurting children in general; filming and coercing; spiking; drugs work.
    rule(
        Harm,
        r"\b(?:hit|hits|hitting|hurt|hurts|hurting|hurted|beat|beats|beating|beaten|slap\w*|smack\w*|kick|kicks|kicking|kicked|punch\w*|assault\w*|abus\w*|attack\w*|shak\w*|bully|bullies|bullying|threaten\w*|restrain\w*|drag\w*|grab\w*|push\w*|pinch\w*)\s+(?:the\s+|other\s+|young\s+|vulnerable\s+|disabled\s+|autistic\s+|small\s+|little\s+)?(?:children|kids|pupils|students|residents|a child|the child|a pupil|a student|a boy|a girl|young people|babies|a baby|the baby)\b",
        r"\b(?:he|she|they|son|daughter|child|boy|girl|i|we|might|could|may|would|will|to|not|never|stop|stops|stopped|from|about|of|risk of|excluded for|suspended for|in trouble for|told off for|detentions? for|punished for)\s+(?:\w+\s+)?$|\b(?:cuts?|funding|budgets?|policy|policies|changes|delays?|pandemic|covid|lockdown|decisions?|council|system|reforms?|crisis|shortages?)\b[^.!?\n]{0,30}$",
        r"^(?:\w+\s+){1,3}(?:with|by)\s+(?:the|these|cuts|delays|policies|decisions)\b",
        true,
    ),
    rule(
        Abuse,
        r"\b(?:film|films|filmed|filming|record|records|recorded|recording|photograph\w*|video\w*|snapchat\w*|screenshot\w*)\s+(?:me|him|her|us)\b|\bor else\b|\bif (?:i|you|he|she) (?:don't|dont|doesn't|doesnt|won't|wont|didn't|didnt|refuse|say no)\s+(?:do\s+)?(?:what|as|it)\b|\bdo what (?:he|she|they) (?:says?|said|tells?|told|wants?|wanted)\b|\bspik(?:ed|ing)\b|\bdrugged\b|\b(?:drugs|drug|weed|cannabis|coke|cocaine|crack|heroin|ket|ketamine|spice|gear|parcels)\b[^.!?\n]{0,40}\b(?:move|moving|moves|moved|carry\w*|carries|sell\w*|sold|deal\w*|run|running|hold|holding|hide|hiding|older|gang\w*|using (?:him|her|my)|between towns|county|lines|debt|owe\w*)\b|\b(?:move|moving|moves|moved|carry\w*|carries|sell\w*|sold|deal\w*|hide|hiding|using (?:him|her|my \w+|his \w+) to)\b[^.!?\n]{0,30}\b(?:drugs|weed|cannabis|coke|cocaine|crack|heroin|gear|parcels)\b",
        r"\b(?:school|teacher|teachers|staff|we|i|camera|cctv|they (?:are )?(?:allowed|supposed))\b[^.!?\n]{0,30}$|\b(?:to|for|will|would|can|could|may|might|should|not)\s+$",
        r"^(?:\w+\s+){1,2}(?:for (?:his|her|their|my) (?:records|portfolio|evidence|progress|learning|journal|annual review|assessment|ehcp|plan)|on (?:his|her|my) (?:ipad|tablet) (?:for|as)|as (?:evidence|part of)|(?:playing|performing|singing|dancing|reading|speaking|at (?:sports|the|his|her)))|^(?:drugs|drug)\s+(?:trial|trials|chart|charts|round|rounds|cabinet|education|awareness|for (?:his|her|adhd|epilepsy|seizures))",
        false,
    ),
    // Deprivation at home: no power, heat, food or bed; sleeping rough.
    rule(
        Neglect,
        r"\b(?:no|don't have|dont have|do not have|don't have any|dont have any|haven't got|havent got|haven't got any|ain't got|aint got|without|there's no|theres no|there is no|not got|never have|never got)\s+(?:any\s+)?(?:electric|electricity|gas|heating|hot water|food in|food at|food for|beds?|blankets?|a bed|my own bed|clean clothes|clean uniform|shoes|a coat|money for food|sheets|duvet|curtains)\b|\b(?:sleeps?|slept|sleeping)\s+(?:\w+\s+){0,2}(?:in|on)\s+(?:a|the|his|her|my|their)\s+(?:\w+(?:'s)?\s+)?(?:van|car|tent|shed|garage|park|street|streets|doorway|bus station|floor|stairs|landing|bath)\b|\b(?:haven't|havent|hasn't|hasnt|not|didn't|didnt|hadn't|had not|has not|have not)\s+(?:\w+\s+)?(?:eaten|had (?:any )?(?:food|dinner|breakfast|tea|lunch|anything to eat|a meal))\s+(?:properly\s+|anything\s+)?(?:all|for|since|in|today|yesterday|this week|at all)\b|\b(?:makes?|made|making|forces?|forced|tells?|told)\s+(?:me|him|her|them|us)\s+(?:to\s+)?(?:skip|miss|go without)\s+(?:\w+\s+)?(?:meals|dinner|food|breakfast|lunch|tea|eating)\b|\b(?:untreated|rotten|rotting)\s+(?:teeth|tooth|decay|injur\w*|wounds?|infection|head lice|lice|nits|sores?)\b|\btooth decay\b|\bhead lice\b|\b(?:smells|smelly|stinks|unwashed|unkempt|matted)\b[^.!?\n]{0,40}\b(?:dirty|hungry|same clothes|every day|unwashed|unkempt|lice|untreated)\b|\b(?:dirty|hungry|same clothes|unwashed|unkempt)\b[^.!?\n]{0,40}\b(?:smells|smelly|stinks|unwashed|unkempt|matted|lice)\b|\bout of sight\b|\bhidden away\b|\bkept hidden\b|\b(?:not|never)\s+(?:been\s+)?seen by any(?:one|body| professional| professionals| agency| services)\b",
        r"\b(?:parents|families|carers)\s+(?:\w+\s+){0,2}$|\b(?:sensory|texture|arfid|autism|selective|fussy|picky)\b[^.!?\n]{0,40}$|\b(?:toilets?|bathrooms?|changing rooms?|classrooms?|buildings?|halls?|canteen|buses|bus|taxis?|minibus)\s+(?:\w+\s+){0,3}$",
        r"^(?:(?:no|without)\s+(?:beds?|a bed)\s+(?:for|at|in|on)\s+(?:the\s+)?(?:ward|unit|residential|respite|hospital|specialist|inpatient|adolescent|camhs|tier)|(?:haven't|not|hasn't)\s+(?:\w+\s+)?eaten\s+(?:\w+\s+){0,3}(?:because of|due to)\s+(?:his|her|the)\s+(?:sensory|medication|meds|illness|sickness|bug|operation|surgery))",
        false,
    ),
    // Wounds in plain words; torn clothes; holds on wrists and arms.
    rule(
        Harm,
        r"\b(?:scratches|scratch marks|grazes|cuts|welts|lumps|swelling|red marks|marks|bruises|burns|bites)\s+(?:down|on|across|all over|round|around|up)\s+(?:his|her|my|their)\s+(?:neck|face|back|arms?|legs?|chest|stomach|tummy|throat|wrists?|cheeks?|bum|bottom|thighs?|ribs|body|head|ears?)\b|\b(?:shirt|clothes|uniform|top|jumper|trousers|coat|blazer|dress|skirt|tights|pants)\s+(?:\w+\s+)?(?:ripped|torn)\b|\b(?:ripped|torn)\s+(?:his|her|my|their)\s+(?:shirt|clothes|uniform|top|jumper|trousers|coat|blazer|dress|skirt|tights|pants)\b|\b(?:hold|holds|held|holding|pin|pins|pinned|pinning|grip|grips|gripped|gripping|twist\w*|bend\w*|bent)\s+(?:\S+\s+){0,2}(?:wrists?|arms?|hands?|legs?|head|neck)\s+(?:\w+\s+){0,2}(?:behind|down|against|to the floor|on the floor|tight|tightly|hard|up (?:his|her|my) back|back)\b|\b(?:in|into)\s+(?:a|the)\s+(?:\w+\s+)?room\s+(?:\w+\s+){0,3}(?:lights? (?:off|out)|in the dark|door (?:locked|shut|closed|held)|on (?:his|her|their) own for|alone for|for hours)\b|\b(?:be|being|get|getting|got|gets)\s+\W*cut\W*\s+(?:during|over|in|on|when|at|this|next|back)\b",
        "",
        r"^(?:(?:marks|bruises|red marks|sores?)\s+(?:\w+\s+){2,6}(?:from|because of|due to)\s+(?:his|her|the)\s+(?:new\s+)?(?:splints?|straps?|brace|braces|glasses|shoes|boots|wheelchair|hoist|orthotics|afos?|harness|seat ?belt|ecg|sensors?|sling|cast|plaster|feeding tube|peg|eczema|condition))|^(?:hold|holds|held|holding)\s+(?:his|her|my|their)\s+hands?\b",
        true,
    ),
    // Thinking about ways to die; pills from the cupboard.
    rule(
        SelfHarm,
        r"\b(?:ways|how|methods|way|best way)\s+to\s+(?:die|kill (?:my|him|her)self|end (?:it|my life|his life|her life)|hurt (?:my|him|her)self|overdose)\b|\b(?:taking|took|take|started taking|been taking|swallowing|swallowed)\s+(?:my|his|her|their)\s+(?:\w+'s\s+|\w+s\s+)?(?:pills|tablets|meds|medication|sleeping pills|antidepressants|painkillers)\b|\b(?:too|so|really|very)\s+(?:fat|ugly|stupid|worthless)\b[^.!?\n]{0,30}\b(?:skip|starve|make (?:myself|herself|himself) sick|stop eating|die|cut)\b",
        "",
        r"^(?:taking|take|took)\s+(?:my|his|her|their)\s+(?:\w+\s+)?(?:pills|tablets|meds|medication)\s+(?:\w+\s+){0,3}(?:every|each|at|on time|in the morning|with|at school|regularly|properly|twice|daily|as prescribed|for (?:his|her|my) (?:adhd|epilepsy|asthma|diabetes))",
        true,
    ),
    // Someone getting into a child's bed.
    rule(
        Sexual,
        r"\b(?:boyfriend|girlfriend|partner|man|uncle|step\w*|dad|daddy|brother|cousin|grandad|grandpa|someone|somebody|lodger|friend|he)(?:'s)?\s+(?:\w+\s+){0,2}(?:comes?|came|coming|gets?|got|getting|climbs?|climbed|sneaks?|snuck|lies|lay|lays)\s+(?:in|into|in to|on)\s+(?:my|her|his)\s+(?:bed|room|bedroom)\b",
        r"\b(?:my|our)\s+(?:son|daughter|child|boy|girl|little one|toddler)\s+(?:\w+\s+){0,2}$",
        "",
        false,
    ),
    // Weak cues together in one sentence: someone outside the child's own
    // circle of carers (a parent's partner, an older man, an uncle) and any
    // harm word at all.
    rule(
        Abuse,
        r"\b(?:boyfriend|boyfrend|bf|partner|uncle|step\w+|lodger|stranger|strangers|older (?:boys?|lads?|men|man|guys?|kids|girls?|woman|women|people|teenagers?)|grown (?:man|men|ups?)|(?:a|an|this|some|the|that|there are|there's a|these) (?:man|men|guy|guys|bloke|adult|adults)|men (?:who|that)|mum's \w+|mums \w+|dad's \w+|dads \w+|man next door|man upstairs|man downstairs|neighbour|ex|ex-\w+|ex (?:partner|husband|wife|boyfriend))\b[^.!?\n]*?\b(?:hurt\w*|hit|hits|hitting|smack\w*|slap\w*|push\w*|pull\w*|grab\w*|touch\w*|tuch\w*|kiss\w*|scared|scare\w*|frighten\w*|afraid|shout\w*|scream\w*|swear\w*|threat\w*|secret\w*|money|gifts?|presents?|sweets|lifts?|drink\w*|drunk|drugs?|weed|photos?|pictures?|pics|videos?|messag\w*|bed|bedroom|bath\w*|shower\w*|naked|nasty|horrible|horribel|mean to|rough|violent|lock\w*|won't let|wont let|makes me|made me|make me|forc\w*|takes my|took my|follow\w*|waits? outside|watch\w*|looks? at|kill\w*|die|cry|cries|crying|sleep\w* over|stay\w* over|comes? round|come round|came round|room|late at night|come to (?:our|the|my) (?:flat|house|home)|find out where|harass\w*|stalk\w*|turns? up|turned up)\b|\b(?:hurt\w*|hits|hitting|smack\w*|slap\w*|push\w*|pull\w*|grab\w*|touch\w*|tuch\w*|kiss\w*|scared|scare\w*|frighten\w*|afraid|shout\w*|scream\w*|swear\w*|threat\w*|secret\w*|money|gifts?|presents?|sweets|lifts?|drink\w*|drunk|drugs?|weed|photos?|pictures?|pics|videos?|messag\w*|bed|bedroom|bath\w*|shower\w*|naked|nasty|horrible|horribel|mean to|rough|violent|lock\w*|won't let|wont let|makes me|made me|make me|forc\w*|takes my|took my|follow\w*|waits? outside|watch\w*|looks? at|kill\w*|die|cry|cries|crying|sleep\w* over|stay\w* over|comes? round|come round|came round|late at night|come to (?:our|the|my) (?:flat|house|home)|find out where|scared that|scared of|frightened of|terrified of|afraid of|worried about)\b[^.!?\n]*?\b(?:boyfriend|boyfrend|bf|partner|uncle|step\w+|lodger|stranger|strangers|older (?:boys?|lads?|men|man|guys?|kids|girls?|woman|women|people|teenagers?)|grown (?:man|men|ups?)|(?:a|an|this|some|the|that|there are|there's a|these) (?:man|men|guy|guys|bloke|adult|adults)|men (?:who|that)|mum's \w+|mums \w+|dad's \w+|dads \w+|man next door|man upstairs|man downstairs|neighbour|ex|ex-\w+|ex (?:partner|husband|wife|boyfriend))\b",
        r"\b(?:my|our|the)\s+(?:husband|wife|son|daughter)\s+(?:and i|and me)\b[^.!?\n]*$",
        r"^[^.!?\n]*?\b(?:is|are|was)\s+(?:really\s+|very\s+|so\s+)?(?:nice|kind|lovely|funny|great|good|brilliant|fun|helpful|supportive)\s+(?:to|with)\s+(?:me|us|him|her)\b|^(?:partner\w*\s+(?:agenc\w*|organisations?|schools?|services?|working|professionals?)|step\w*\s+(?:by|up|down|in|forward|back|change|changes|towards)\b|[^.!?\n]*?\b(?:council|officer|caseworker|case worker|panel|senco|tribunal|the la\b|local authority|ehcp|ehc plan|annual review|on the phone|emails?|meeting|consultant|paediatrician|doctor|nurse|therapist)\b)",
        true,
    ),
    // A child's voice about home with a harm word.
    rule(
        Unsafe,
        r"\b(?:at home|at my (?:dads|dad's|mums|mum's|nans|nan's|house|home)|at dads|at mums|in my house|in our house|at (?:my )?(?:step|foster)\w*(?:'s)?)\b[^.!?\n]*?\b(?:hurt\w*|hit|hits|hitting|smack\w*|slap\w*|kick\w*|punch\w*|scared|scard|frighten\w*|frited|afraid|shout\w*|scream\w*|hungry|hungery|starv\w*|cold|locked|lock|cry|crying|nasty|horrible|drunk|fight\w*|bruise\w*|blood|knife|police|no food|nothing to eat|alone|on my own|unsafe|not safe)\b|\b(?:hurt\w*|hit|hits|hitting|smack\w*|slap\w*|kick\w*|punch\w*|scared|scard|frighten\w*|frited|afraid|shout\w*|scream\w*|hungry|hungery|starv\w*|locked|cry|crying|nasty|horrible|drunk|fight\w*|bruise\w*|blood|knife|police|no food|nothing to eat|unsafe|not safe)\b[^.!?\n]*?\b(?:at home|at my (?:dads|dad's|mums|mum's|nans|nan's|house|home)|at dads|at mums|in my house|in our house)\b",
        r"\b(?:he|she|my son|my daughter|our son|our daughter|he's|she's|they)\s+(?:\w+\s+){0,3}$",
        r"^[^.!?\n]*?\b(?:(?:he|she) (?:hits|kicks|punches|bites|hurts|lashes|throws|breaks|smashes)\s+(?:out|his|her|things|stuff|staff|walls?|doors?|the|at)|meltdowns?|overwhelmed|dysregulat\w*|school refus\w*|ehcp|council|waiting|homework|tired|anxious about school|feel safe at home|safe at home and|fight or flight|fight,? flight|is calm|calm at home)\b",
        true,
    ),
    // Disclosures and referrals in practitioners' words.
    rule(
        Abuse,
        r"\bdisclos(?:ed|es|ing|ure|ures)\b|\b(?:referr\w*|refer|referred)\s+(?:\w+\s+){0,3}(?:to|into)\s+(?:the\s+)?(?:children's social care|social care|social services|childrens services|children's services|mash|the police|police|lado|channel|prevent|nspcc|childline|the front door|first response)\b|\b(?:raised|raise|raising|logged|reported|recorded)\s+(?:a\s+|the\s+|several\s+|many\s+)?(?:safeguarding\s+)?concerns?\s+(?:about|with|for|regarding|re)\s+(?:a|the|one|this|his|her|their|my)\b|\bstrategy (?:meeting|discussion)\b|\bcare proceedings\b|\bemergency (?:protection|placement)\b",
        r"\b(?:non|self|full|data|information)[\s-]*$|\b(?:\d+|many|several|numerous|lots of|more|fewer|number of)\s+$",
        r"^(?:disclos\w*\s+(?:of\s+)?(?:his|her|their|my|our|the)\s+(?:diagnosis|condition|autism|adhd|disability|needs|information|data|records?|details|sexuality|gender|status)|disclos\w*\s+(?:(?:his|her|their|my|our)\s+)?(?:diagnosis|information|data|personal)|disclosures?\s+(?:of|about)\s+(?:information|data)|referr\w*\s+(?:\w+\s+){0,3}(?:to|into)\s+(?:the\s+)?(?:mash|social care|children's services)\s+(?:\w+\s+){0,3}(?:is|are|was|were|take|takes|took)\s+(?:too long|ages|months|weeks|slow|overwhelmed|backlog))",
        false,
    ),
    // Food withheld as a sanction; threats to take a child; child labour.
    rule(
        Neglect,
        r"\bwithh[oe]ld\w*\s+(?:\w+\s+){0,2}(?:food|meals?|drinks?|water|medication|meds|dinner|lunch|snacks?|toilet)\b|\b(?:food|meals?|drinks?|water|dinner|lunch)\s+(?:\w+\s+){0,2}(?:withheld|taken away|refused)\s+(?:as|for)\b|\b(?:will|gonna|going to|threaten\w* to|try to|tried to|trying to|wants to)\s+(?:come and\s+)?(?:take|snatch|abduct|grab|kidnap)\s+(?:him|her|me|them|the (?:kids|children)|my (?:son|daughter|kids|children))\b|\babduct\w*|\bkidnap\w*|\b(?:work|works|working|worked)\s+(?:\w+\s+){0,4}for no (?:pay|money)\b|\bunpaid work\b|\b(?:made|make|makes|forced|forces)\s+(?:me|him|her|them)\s+(?:to\s+)?work\b|\bchild labour\b|\bisolat\w*\s+(?:\w+\s+){0,2}(?:in|into)\s+(?:a|the)\s+(?:booth|room|cupboard|corridor|box)\b|\bwithout being allowed (?:out|to leave|to go|food|a drink|the toilet)\b|\b(?:scratch\w*|carv\w*|cut\w*)\s+(?:into\s+)?(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach|tummy)\s+with\b|\bwith\s+(?:a|the|my|his|her)\s+(?:compass|blade|razor|razor blade|sharpener blade|pin|needle|lighter|broken glass|glass)\b",
        "",
        r"^(?:take|snatch|grab)\s+(?:him|her|them)\s+(?:to|out|for|home|swimming|shopping|on)\b",
        true,
    ),
    // Heaven, happier without me; FGM in other words; denied food; holds;
    // burn marks; age gaps.
    rule(
        SelfHarm,
        r"\b(?:want|wants|wanted|wanna|wana|wish|wishes|wished|like|ready)\s+(?:to\s+)?(?:go|be|going)\s+(?:to|in|up in|up to)\s+heaven\b|\bbe with (?:\w+\s+){0,2}in heaven\b|\b(?:everyone|everybody|they|people|my family|the family|mum|dad|my mum|my dad|the world|my friends|you)\s+(?:would|will|'d|d)\s+(?:all\s+)?be\s+(?:so\s+much\s+|much\s+|a lot\s+)?(?:better|happier|better off)\s+(?:off\s+)?(?:without me|if i (?:was|were|wasn't|was not|weren't) (?:gone|dead|here|around))\b",
        "",
        "",
        true,
    ),
    rule(
        Abuse,
        r"\b(?:having|have|had|get|getting|got|take|taking)\s+(?:her|the|my|their|his)\s+(?:\w+\s+)?(?:daughters?|girls?|child|baby|sisters?)\s+cut\b|\b(?:denied|deny|denies|denying|refused)\s+(?:him|her|them|me)?\s*(?:his|her|their|my|any)?\s*(?:lunch|food|meals?|dinner|breakfast|water|a drink|drinks|the toilet|toilet breaks?|toilet)\b|\bhead\s?locks?\b|\bchoke\s?holds?\b|\bneck holds?\b|\barm locks?\b|\bburn marks?\b|\bin the shape of (?:a|an)\s+(?:iron|hand|belt|buckle|cigarette|lighter|shoe)\b|\b(?:i'm|im|i am|she's|she is|he's|he is|shes|hes|aged?|my daughter is|my son is)\s+(?:only\s+)?(?:1[0-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b[^.!?\n]*?\b(?:boyfriend|girlfriend|bf|gf|partner|seeing|dating|going out with|sleeping with)\b[^.!?\n]*?\b(?:1[89]|[2-6]\d)\b",
        "",
        r"^(?:\w+\s+){1,4}cut\s+(?:her|his|their)?\s*(?:hair|nails|fringe|short|toenails)\b",
        false,
    ),
    // Frightened at home, at night, when an adult comes home.
    rule(
        Unsafe,
        r"\b(?:scared|scard|scaired|frightened|frightend|frited|terrified|afraid|petrified)\s+(?:\w+\s+)?(?:at home|at night|in my (?:room|bed|house|own home)|in the house|all the time|every night|to go home|of going home|when (?:he|she|dad|mum|my dad|my mum|they|my stepdad|my step dad|my step mum)\s+(?:comes?|gets?|is|are)\s+(?:home|back|drunk|angry|in))\b",
        "",
        "",
        true,
    ),
    // Things thrown at a child; implements; barricades; kneeling; holds.
    rule(
        Harm,
        r"\b(?:threw|throws|throw|throwing|chucked|chucks|chuck|chucking|hurled|hurls|lobbed|lobs|flung|flings)\s+(?:\w+\s+){0,3}at\s+(?:me|my|him|his|her|us|them)\b|\b(?:get|gets|got|getting|given|give|gives|gave)\s+(?:me\s+|him\s+|her\s+)?the\s+(?:belt|slipper|strap|stick|cane|wooden spoon|back of (?:his|her|the) hand|hairbrush|wire|cable)\b|\b(?:chair|chairs|wardrobe|drawers|bed|something)\s+(?:up\s+)?against\s+(?:the|my|his|her)\s+(?:bedroom\s+)?door\b|\bdoor\b[^.!?\n]*?\b(?:chair|chairs|wardrobe|drawers|bed|something)\s+(?:up\s+)?against\s+it\b|\bbarricad\w*|\bkneel(?:s|ing)?\s+on\b|\bknelt\s+on\b|\b(?:basket|seated|standing|figure of four|double elbow|team teach|t-wrap|wrap|supine|prone|restrictive|physical|ground|floor)\s+holds?\b|\bused\s+(?:a|an)\s+(?:\W?\w+\W?\s+){1,2}hold\s+on\b",
        "",
        r"^(?:\w+\s+){0,3}at\s+(?:the|his|her|my)\s+(?:\w+\s+)?(?:wall|floor|door|window|tv|screen|staff|teacher|ta|target|basket|hoop|goal|board)\b|^(?:\w+\s+)?(?:team teach|physical|restrictive|ground|floor)\s+holds?\s+(?:training|trained|course|techniques? (?:training|course)|are only|is only|only|as a last resort|policy)",
        true,
    ),
    // Wedding that is the child's own; disbelieved disclosures; nobody home.
    rule(
        Abuse,
        r"\b(?:my|my own|her own|his own)\s+wedding\b|\bwedding\b[^.!?\n]*?\b(?:it's mine|its mine|is mine|it was mine|to my cousin|i'm getting married|im getting married)\b|\b(?:said|says|told me|thinks?|thought)\s+(?:that\s+)?(?:i was|i'm|im|i am|he was|she was|he's|she's)\s+(?:just\s+)?(?:lying|making it up|making things up|attention seeking)\b|\b(?:nobody|no one|noone|nobody ever)\s+(?:believed|believes|believe)\s+(?:me|him|her)\b|\b(?:didn't|didnt|did not|don't|dont|won't|wont)\s+believe\s+(?:me|him|her)\b|\b(?:nobody|no one|noone)\s+(?:has\s+|ever\s+)?(?:come|came|been)\s+to\s+(?:check|see)\s+(?:on\s+)?(?:me|him|her)\b|\b(?:there's|theres|there is|there was)\s+(?:nobody|no one|noone)\s+(?:at\s+)?home\b|\b(?:nobody|no one|noone)\s+(?:is\s+)?(?:at\s+)?home\s+(?:when|after|before|till|until|at night|in the)\b",
        r"\b(?:cousin's|sister's|brother's|aunt's|auntie's|uncle's|mum's|dad's)\s+$",
        r"^(?:\w+\s+){0,4}(?:lying|making it up)\s+(?:about|when)\s+(?:being|feeling)\s+(?:ill|sick|tired|poorly|in pain)\b",
        true,
    ),
    // Not eating to get thin; left in a hot car; alone with someone.
    rule(
        SelfHarm,
        r"\b(?:not eating|stop eating|stopped eating|skip\w* meals|starv\w*|sick on purpose|throw\w* up|purg\w*|don't eat|dont eat|won't eat|wont eat)\b[^.!?\n]*?\b(?:thinner|skinnier|thin|skinny|lose weight|losing weight|lost weight|fat|weigh myself)\b|\b(?:thinner|skinnier|lose weight|losing weight|fat)\b[^.!?\n]*?\b(?:not eating|stop eating|stopped eating|skip\w* meals|starv\w*|sick on purpose|throw\w* up|purg\w*|don't eat|dont eat)\b|\bno point\s+(?:to|in|of)?\s*(?:anything|life|living|it all|me|going on|trying any ?more|being alive)\b",
        r"\b(?:doctor|dietitian|paediatrician|condition|medication|meds)\b[^.!?\n]{0,40}$",
        r"^[^.!?\n]{0,60}\b(?:because of (?:his|her|the) (?:condition|medication|meds|illness|sensory|texture)|dietitian|feeding clinic)\b",
        true,
    ),
    rule(
        Neglect,
        r"\b(?:was|were|been|being|got|gets|get|is|are|left)\s+(?:left\s+)?(?:\w+\s+)?(?:in|on)\s+(?:a|the)\s+(?:hot|cold|locked|parked|empty)\s+(?:car|van|bus|taxi|minibus|coach)\b|\b(?:won't|wont|doesn't want to|doesnt want to|refuses to|refused to|scared to|afraid to|frightened to|hates being|hate being|don't want to|dont want to|won't be|wont be)\s+(?:be\s+)?(?:left\s+)?alone\s+with\b|\b(?:sleeping|staying|stays|sleeps|slept|stayed)\s+(?:\w+\s+)?at\s+(?:different|other|various|unknown|strange|random|older people's|adults')\s+(?:addresses|houses|places|flats|people's houses)\b|\bwon't say (?:where|whose|who)\b|\bsell(?:ing|s)?\s+(?:herself|himself|myself|her body|his body|sex|pics|pictures|nudes)\b|\bsex work\w*|\bprostitut\w*|\bbefriend\w*\b[^.!?\n]*?\b(?:adult|older|man|men|stranger|someone|online|\d\d year old)\b|\b(?:buy|buys|buying|bought|giving|gives|gave|give)\s+(?:\w+\s+){0,3}(?:things|stuff|gifts|presents|phones?|clothes|trainers|money|lifts|sweets|vapes|alcohol)\b[^.!?\n]*?\b(?:doesn't feel right|not right|uneasy|weird|odd|strange|creepy|secret|don't tell|dont tell)\b|\b(?:sharing|shares|posting|posts|sending|uploading|spreading)\s+(?:\w+\s+){0,2}(?:videos?|photos?|pictures?|pics?|clips?|images?)\s+of\s+(?:me|him|her)\b|\b(?:forc\w*|makes?|made|making)\s+(?:me|him|her|them)\s+(?:to\s+)?(?:take|swallow|drink|smoke)\s+(?:\w+\s+){0,2}(?:medication|tablets|pills|meds|alcohol|drugs|weed|vodka|beer|cigarettes)\b",
        "",
        r"^(?:(?:sharing|shares|posting|posts|sending|uploading)\s+(?:\w+\s+){0,2}(?:photos?|pictures?|videos?)\s+of\s+(?:him|her)\s+(?:with us|to us|to me|on the (?:app|class dojo|dojo|tapestry|seesaw|school app)|on tapestry|every day|daily|at)|(?:makes?|made|making)\s+(?:him|her|them)\s+take\s+(?:his|her|their)\s+(?:medication|tablets|meds|pills)\b)",
        false,
    ),
    // Sent to rooms without food; left at the gate; harassment; pregnancy by
    // an adult; flinching; kept from school; exploitation signs; pins.
    rule(
        Neglect,
        r"\b(?:room|rooms|bed|bedroom)\b[^.!?\n]{0,20}\b(?:with no|without (?:any )?|and no)\s*(?:tea|dinner|food|supper|lunch|breakfast|meal)\b|\bleft\s+(?:\w+\s+)?(?:at|outside|on|by)\s+(?:the\s+)?(?:\w+\s+)?(?:gate|gates|door|kerb|roadside|bus stop|street|side of the road|station)\s+(?:\w+\s+){0,3}(?:for\s+(?:hours|\w+ hours|ages|over an hour|an hour)|alone|on (?:his|her|their) own|in the (?:rain|cold|dark))\b|\b(?:no one|nobody|noone)\s+(?:stayed|waited|was there)\s+with\s+(?:him|her|me|them)\b|\b(?:not|isn't|isnt|wasn't|never)\s+(?:being\s+)?allowed\s+to\s+(?:attend|go to|go back to)\s+(?:school|college|nursery)\b|\bbeing\s+kept\s+(?:at\s+)?home\b|\b(?:not|isn't|isnt|aren't|wasn't|never)\s+allowed to (?:talk|speak|tell)\s+(?:to\s+)?(?:anyone|anybody|people|teachers?|staff|you|friends)\s+about\b",
        "",
        r"^[^.!?\n]{0,80}\b(?:covid|lockdown|pandemic|chickenpox|illness|ill|poorly|sick|operation|infection|isolat\w* period)\b",
        false,
    ),
    rule(
        Abuse,
        r"\bharass\w*|\bstalk(?:s|ed|ing|er)\b|\bpregnan\w*\b[^.!?\n]*?\bby (?:an? )?(?:adult|older|man|grown|\d\d)\b|\b(?:1[0-5]|twelve|thirteen|fourteen|fifteen)[\s-]*(?:year|yr)s?[\s-]*old\b[^.!?\n]*?\bpregnan\w*|\bflinch\w*|\bcower\w*|\b(?:large amounts?|lots|wads?|rolls?|bundles?)\s+of\s+(?:cash|money|notes)\b|\b(?:second|burner|another|two|extra)\s+phones?\b|\bexpensive\s+(?:trainers|clothes|gifts|phones?|jewellery|items)\b|\bunexplained\s+(?:cash|money|gifts|phones?|items|trainers|clothes)\b|\bstick\w*\s+(?:pins|needles|things|pencils|forks)\s+(?:in|into)\s+(?:me|him|her|my|his)\b|\b(?:pins|needles|compass)\s+(?:in|into)\s+(?:me|him|her)\b|\b(?:escort|driver|teacher|ta|staff|carer|coach|tutor|man|uncle|step\w+|boyfriend|neighbour|lodger|someone|somebody|older \w+)\s+(?:\w+\s+){0,2}kiss(?:es|ed|ing)?\s+(?:me|him|her)\b",
        r"\b(?:council|la|school|officer|attendance|the local authority|they|senco|professionals?)\b[^.!?\n]{0,30}$",
        r"^(?:harass\w*\s+(?:\w+\s+){0,2}(?:about|over|for)\s+(?:attendance|the|his|her|paperwork|forms|payment|fees|meetings))|^(?:second|another|two|extra)\s+phones?\s+(?:call|calls|number)\b",
        false,
    ),
    // Kept apart in a room; food taken from others; married abroad; followed.
    rule(
        Harm,
        r"\b(?:kept|keep|keeps|put|puts|left|leave|leaves|made to sit|made to stay|sent)\s+(?:me|him|her|them|my \w+|the child)?\s*(?:in|into)\s+(?:a|an|the)\s+(?:\w+\s+)?(?:room|classroom|office|corridor|cupboard|cubicle|booth)\s+(?:\w+\s+){0,2}(?:on (?:my|his|her|their) own|alone|by (?:my|him|her|them)sel\w*)\b[^.!?\n]{0,30}?\b(?:hours|day|days|week|weeks|all|whole|lessons|punishment|again|every)\b|\b(?:tak\w*|took|steal\w*|stole)\s+food\s+(?:from|out of)\b|\bmarr(?:y|ied|iage)\s+(?:off\s+)?(?:in|to someone in|off to|to a man in|to a cousin in)\s+(?:pakistan|bangladesh|india|somalia|nigeria|yemen|afghanistan|iraq|iran|sudan|egypt|morocco|turkey|syria|gambia|sierra leone|eritrea|ethiopia|kenya|abroad)\b|\b(?:keeps?|kept|been|always|started|starts|man|men|someone|somebody|stranger|guy)\s+(?:\w+\s+)?following\s+(?:me|him|her)\b",
        "",
        r"^[^.!?\n]{0,80}\b(?:because (?:he|she) (?:asked|wanted|chose|prefers|likes)|(?:he|she) (?:chose|prefers|likes|loves|asked)|his choice|her choice|to work quietly|for exams|exam access|access arrangements)\b",
        true,
    ),
];

/// Fills in `{OBJ}`, makes apostrophes optional and word boundaries and word
/// characters ASCII (the text is ASCII-lowercased; ASCII classes keep the
/// regex DFAs small, which matters: Unicode `\w` made a scan 30 times slower).
/// What `{OBJ}` in a rule pattern stands for.
fn object_group() -> String {
    format!(
        r"(?:me|him|her|us|them|mummy|daddy|mum|dad|nan|(?:my|his|her|their|our|the)\s+(?:{PEOPLE}|{BODY}))"
    )
}

fn prepare(pattern: &str) -> String {
    pattern
        .replace("{OBJ}", &object_group())
        .replace('\'', "['’]?")
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\w", "[0-9a-z_]")
}

/// The pattern's top-level alternatives.
fn alternatives(pattern: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut in_class, mut escaped, mut from) = (0usize, false, false, 0usize);
    for (i, c) in pattern.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth = depth.saturating_sub(1),
            '|' if !in_class && depth == 0 => {
                out.push(pattern.get(from..i).unwrap_or(""));
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(pattern.get(from..).unwrap_or(""));
    out
}

/// Byte index of the `)` closing a group whose body starts `body`.
fn group_end(body: &str) -> Option<usize> {
    let (mut depth, mut in_class, mut escaped) = (0usize, false, false);
    for (i, c) in body.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// One piece of a pattern, in order: a literal run, a group, or anything
/// else (a class, an escape, an apostrophe), with whether it may be skipped.
enum Atom<'a> {
    Literal(String, bool),
    Group(&'a str, bool),
    Other,
}

fn atoms(branch: &str) -> Vec<Atom<'_>> {
    let mut out = Vec::new();
    let mut rest = branch;
    while let Some(c) = rest.chars().next() {
        if let Some(body) = rest.strip_prefix("(?:") {
            let Some(end) = group_end(body) else {
                out.push(Atom::Other);
                break;
            };
            let after = body.get(end + 1..).unwrap_or("");
            let optional = after.starts_with(['?', '*']) || after.starts_with("{0");
            out.push(Atom::Group(body.get(..end).unwrap_or(""), optional));
            rest = after;
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() || c == ' ' {
            let len = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == ' ')
                .count();
            let (run, after) = rest.split_at(len);
            let mut run = run.to_string();
            // "hurts?": the last letter may be missing.
            if after.starts_with(['?', '*']) || after.starts_with("{0") {
                run.pop();
            }
            out.push(Atom::Literal(run, false));
            rest = after;
        } else if c == '\\' {
            // An escape: `\b`, `\s`, `\w`, `\d` and the like; skip it.
            let skip = rest.chars().take(2).map(char::len_utf8).sum::<usize>();
            rest = rest.get(skip..).unwrap_or("");
            out.push(Atom::Other);
        } else if c == '{' {
            // A counted repeat of what came before ("{0,3}"): skip it.
            let end = rest.find('}').map_or(rest.len(), |i| i + 1);
            rest = rest.get(end..).unwrap_or("");
            out.push(Atom::Other);
        } else if c == '(' {
            // Any other kind of group: stop here (what came before still counts).
            out.push(Atom::Other);
            break;
        } else if c == '[' {
            let end = rest
                .char_indices()
                .skip(1)
                .find(|&(i, ch)| ch == ']' && !rest.get(..i).is_some_and(|h| h.ends_with('\\')))
                .map_or(rest.len(), |(i, _)| i + 1);
            rest = rest.get(end..).unwrap_or("");
            out.push(Atom::Other);
        } else {
            rest = rest.get(c.len_utf8()..).unwrap_or("");
            out.push(Atom::Other);
        }
    }
    out
}

/// Literals one of which every match of `pattern` (raw) contains: for each
/// alternative, the literal piece it cannot do without whose shortest form
/// is longest ("hit|hurt|beaten" rather than "is|was"). None when some
/// alternative has no such piece.
fn required_literals(pattern: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for alt in alternatives(pattern) {
        let mut best: Option<Vec<String>> = None;
        let score = |set: &Vec<String>| set.iter().map(|s| s.trim().len()).min().unwrap_or(0);
        for atom in atoms(alt) {
            let set = match atom {
                Atom::Literal(run, false) if !run.trim().is_empty() => Some(vec![run]),
                Atom::Group(body, false) => required_literals(body),
                _ => None,
            };
            if let Some(set) = set {
                let better = match &best {
                    None => true,
                    Some(b) => {
                        score(&set) > score(b) || (score(&set) == score(b) && set.len() < b.len())
                    }
                };
                if better {
                    best = Some(set);
                }
            }
        }
        out.extend(best?);
    }
    Some(out)
}

/// The literals (three bytes or more) one of which every match of `branch`
/// (raw, `{OBJ}` filled in) contains, or None if there are none such.
fn branch_literals(branch: &str) -> Option<Vec<String>> {
    let mut lits = required_literals(branch)?;
    if lits.iter().any(|l| l.len() < GATE_KEY) {
        return None;
    }
    lits.sort();
    lits.dedup();
    Some(lits)
}

/// Bytes of a literal that pick its bucket in the gate table.
const GATE_KEY: usize = 3;
const GATE_CODES: usize = 30;

fn gate_code(b: u8) -> usize {
    match b {
        b'a'..=b'z' => usize::from(b - b'a') + 1,
        b' ' => 27,
        b'0'..=b'9' => 28,
        _ => 29,
    }
}

fn gate_key(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [a, b, c, ..] => {
            Some((gate_code(*a) * GATE_CODES + gate_code(*b)) * GATE_CODES + gate_code(*c))
        }
        _ => None,
    }
}

/// One alternative of a rule, compiled on its own so that it runs only where
/// one of its literals occurs, and then only on that sentence.
struct Branch {
    rule: usize,
    re: BytesRegex,
}

/// Every branch literal, bucketed by its first three bytes: one table look-up
/// per position of the text finds every branch that could match there.
struct Gate {
    /// (literal, branch), sorted by bucket.
    literals: Vec<(Vec<u8>, usize)>,
    /// For each bucket, the range of `literals` in it.
    buckets: Vec<(u32, u32)>,
}

impl Gate {
    fn new(mut literals: Vec<(Vec<u8>, usize)>) -> Self {
        literals.sort_by_key(|(lit, branch)| (gate_key(lit), *branch));
        let mut buckets = vec![(0u32, 0u32); GATE_CODES * GATE_CODES * GATE_CODES];
        let mut i = 0;
        while i < literals.len() {
            let key = literals.get(i).and_then(|(l, _)| gate_key(l));
            let mut j = i;
            while j < literals.len() && literals.get(j).and_then(|(l, _)| gate_key(l)) == key {
                j += 1;
            }
            if let Some(slot) = key.and_then(|k| buckets.get_mut(k)) {
                *slot = (
                    u32::try_from(i).unwrap_or(u32::MAX),
                    u32::try_from(j).unwrap_or(u32::MAX),
                );
            }
            i = j;
        }
        Gate { literals, buckets }
    }

    /// Each (branch, position) where a branch literal occurs.
    fn hits(&self, hay: &[u8], out: &mut Vec<(usize, usize)>) {
        for i in 0..hay.len() {
            let Some(rest) = hay.get(i..) else { break };
            let Some(&(from, to)) = gate_key(rest).and_then(|k| self.buckets.get(k)) else {
                continue;
            };
            if from == to {
                continue;
            }
            let range = usize::try_from(from).unwrap_or(0)..usize::try_from(to).unwrap_or(0);
            for (lit, branch) in self.literals.get(range).unwrap_or(&[]) {
                if rest.starts_with(lit) {
                    out.push((*branch, i));
                }
            }
        }
    }
}

struct SafeRule {
    kind: SafeguardingKind,
    not_before: Option<BytesRegex>,
    not_after: Option<BytesRegex>,
    negatable: bool,
}

// ---------------------------------------------------------------------------
// Fallback: a broad harm lexicon
// ---------------------------------------------------------------------------
//
// The rules above were written with their own labelled answers in view, and
// on answers written by other people they missed about one disclosure in
// five. So when no rule has flagged anything, every sentence is searched for
// a broad lexicon of harm words (children's spellings included), and a hit is
// flagged unless it lies inside one of the figurative, system-directed,
// medical, accidental or policy phrasings in [`FALLBACK_EXCEPTIONS`], or a
// negating word among the three before it asserts safety ("nobody hurts me",
// "I don't want to die"). Patterns follow the rule conventions (folded text,
// optional apostrophes, ASCII classes); `{W}` is a character that does not end
// a sentence, and `{VIOL}`, `{FEAR}`, `{BENIGN}`, `{ACCIDENT}` and
// `{BEHAVIOUR}` stand for the word lists below.

/// Violence in children's spellings as well as adults'.
const VIOL: &str = r"(?:hit|hits|hitting|hitted|hitt|hited|beat|beats|beaten|beating|beated|beatings|punch|punches|punched|punching|punshed|punsh|kick|kicks|kicked|kicking|kiked|kiks|kik|slap|slaps|slapped|slapping|slaped|smack|smacks|smacked|smacking|smak|smaks|smaked|smakked|smakt|whack|whacks|whacked|whacking|wack|wacked|thump|thumps|thumped|thumping|battered|battering|strangle|strangles|strangled|strangling|choke|chokes|choked|choking|throttle|throttled|throttling|stab|stabs|stabbed|stabbing|headbutt|headbutts|headbutted|bash|bashes|bashed|bashing|belted|belting|leathered|attack|attacks|attacked|attacking|assault|assaults|assaulted|jumped|mugged|robbed)";

/// Being frightened, in children's spellings.
const FEAR: &str = r"(?:scared|scard|scaired|skared|scarred|afraid|afriad|frightened|frightend|fritened|frighten|frightens|terrified|terified|terrifies|terrifying|petrified|fear|fears|feared|fearful|scares|scare|scary|scarey)";

/// Ordinary things to be frightened of, and the worries of a parent about the system.
const BENIGN: &str = r"(?:dark|dogs?|spiders?|insects?|bees?|wasps?|dentists?|doctors?|hospitals?|needles?|injections?|jabs?|blood tests?|hand dryers?|dryers?|noise|noises|noisy|loud|sounds?|fire alarms?|fire drills?|alarms?|bells?|thunder\w*|storms?|fireworks|balloons|heights|water|swimming|the sea|baths?|haircuts?|hairdresser\w*|clowns?|costumes?|masks?|crowds?|crowded|busy places|lifts?|escalators?|toilets?|future|change|changes|changing|transition\w*|new (?:places|school|schools|things|people|teachers?|class|classes|situations|foods?|staff)|getting (?:it|things|something|stuff) wrong|mistakes?|failing|failure|exams?|tests?|sats|mocks|being late|missing out|school|college|uni|university|the bus|buses|trains?|planes?|flying|travel\w*|cars?|appointments?|reviews?|meetings?|council|la|local authority|tribunals?|panels?|plan|plans|ehcp|placements?|adult services|(?:turn|turns|turning) (?:18|eighteen|sixteen|16|19|25)|what (?:will |might |could )?happen\w*|losing (?:his|her|their|the|our|my) (?:place|support|ta|hours|funding|placement)|cuts?|funding|complain\w*|speak up|speaking up|asking|ask for|monsters?|ghosts?|films?|movies?|zombies|horror|nightmares?|bad dreams|being sick|vomit\w*|germs|getting lost|the hoover|hoovers?|vacuum\w*|blenders?|sirens?|the hall|assembly|assemblies|sports day|pe|changing rooms?|performing|presentations?|reading aloud|speaking|in front of (?:the class|people|everyone|others)|being left out|not being liked|the playground|breaktime|playtime|lunchtime|dinner hall|canteen|new foods|eating|horses?|cats?|birds?|pigeons?|animals?|moths?|flies|snow|wind|rain|shadows|mirrors?|flushing|operations?|surgery|anaesthetic|vaccin\w*|ambulances?|therapy|therapists?|diagnos\w*|detentions?|getting into trouble|getting in trouble|being told off|judged|judgement|rejected|rejection|outcomes?|results?|decisions?|deadlines?|paperwork|forms?|the system|services|support|provision|staff leaving|ofsted|inspections?|appeals?|process|start(?:ing)?\s+(?:school|college|secondary|year)|secondary|year 7|moving|move|the move|first day|at first|to begin with|but now|now (?:he|she|i|they) (?:loves?|likes?|enjoys?)|strict|talks? (?:so |too )?(?:fast|quick\w*|loud\w*)|speaks? (?:so |too )?(?:fast|quick\w*|loud\w*)|new eps?|the ep|eps|ed psychs?|building|buildings|ramps?|stairs|wheelchair users?|access|equipment|playground equipment|ear defenders|big groups|groups|the minibus|transport|taxi|the taxi|minibus|crowds?|questions|in class|maths|reading|writing|spellings|homework)";

/// Accidents, sport, medicine and the senses: where hurt and marks come from without harm.
const ACCIDENT: &str = r"(?:by accident|accidental\w*|accidently|accidents?|fell|falls?|falling|tripped|trips|tripping|slipped|slips|slipping|bumped|bumping|bumps|knocked|knocks|collided|crashed|came off|playing (?:football|rugby|netball|basketball|cricket|tennis|hockey|games?|tag|it|outside|out|with)|in pe|at pe|during pe|pe lessons?|football|rugby|netball|trampolin\w*|climbing|climbed|bike|scooter|skateboard\w*|sports?|match|training|karate|boxing|kickboxing|judo|taekwondo|martial arts|wrestl\w*|play.?fight\w*|rough and tumble|rough play|first aid\w*|first aider|plasters?|ice packs?|rang me|called me|phoned me|playground|playtime|break ?time|climbing frame|the air|(?:he|she|they) (?:was|were) (?:fine|ok|okay|alright)|on the (?:table|desk|door|floor|wall|chair|ground|corner|radiator|climbing frame)|in the door|car door|trapped|ovens?|hob|kettle|iron|stove|cooking|baking|sunburn\w*|seizures?|fits|epilep\w*|dyspraxi\w*|clumsy|hypermobil\w*|eds|cerebral palsy|his condition|her condition|wheelchair|splints?|hoist|medication|injections?|jabs?|needles?|blood tests?|vaccin\w*|dentist|operation|surgery|physio\w*|stretches|nose ?bleeds?|periods?|video games?|computer games?|fortnite|call of duty|minecraft|roblox|the game|in the game|on the game|zombies|enemies|monsters|mobs|chess|cards|board games?|quiz|race|records?)";

/// A child's own distressed behaviour, which the survey does not count as a disclosure.
const BEHAVIOUR: &str = r"(?:meltdowns?|melt downs?|melting down|shut ?downs?|dysregulat\w*|overwhelm\w*|overload\w*|frustrat\w*|distress\w*|lash(?:es|ed|ing)? out|(?:hits|hitting|hit) out|behaviou?rs?|sensory|tantrums?|outbursts?|crisis|challenging|positive handling|behaviour plans?|bsp|de.?escalat\w*|when (?:he|she|they)(?:'s|'re|\s+is|\s+are|\s+gets?|\s+was|\s+were)?\s+(?:upset|angry|cross|anxious|stressed|tired|in a mood)|calm\w*|regulat\w*|the ot|occupational therap\w*|cushions?|pillows?|bean ?bags?|punch ?bags?|punching bags?|crash mats?|time to leave|when it's time|(?:says|said) no|told no)";

/// Whom or what a child's own distressed behaviour is aimed at.
const TARGET: &str = r"(?:staff|teachers?|the ta|his ta|her ta|a ta|other (?:children|pupils|kids|students|people)|others|peers|classmates|another (?:child|pupil|boy|girl|student|kid)|a (?:boy|girl|child|pupil|kid) in (?:his|her) class|a member of staff|members of staff|adults|the teacher|his teacher|her teacher|his sister|her sister|his brother|her brother|the dog|the cat|walls?|doors?|furniture|things|objects|windows?|the (?:car|tv|table|floor)|cushions?|pillows?)";

/// The broad lexicon: kind, whether an ordinary or system object can explain
/// it away ("scared of the dentist") unless someone or something threatening
/// is also named, and the pattern.
const FALLBACK: &[(SafeguardingKind, bool, &str)] = &[
    // Physical harm.
    (Harm, false, r"\b{VIOL}\b"),
    (
        Harm,
        false,
        r"\b(?:hurt|hurts|hurted|hurting|hurtin|hert|herts|herted)\b",
    ),
    (
        Harm,
        false,
        r"\bbruis\w*|\bbrused\b|\bbrueses?\b|\bblack eyes?\b|\bmarks?\s+on\s+(?:me|him|her|(?:my|his|her|their)\s+(?:\w+\s+)?(?:arms?|legs?|neck|face|back|body|skin|wrists?|bum|bottom|chest|tummy|stomach|thighs?|hands?|head|ears?|cheeks?))\b|\b(?:red|finger|hand|belt|strap|rope|grip|bite|slap|scratch)\s?marks?\b|\bwelts?\b",
    ),
    (
        Harm,
        false,
        r"\b(?:bleed|bleeds|bleeding|bled|bleedin|bleds)\b|\bbloody (?:nose|lip|face)\b|\bcovered in blood\b",
    ),
    (
        Harm,
        false,
        r"\b(?:burn|burns|burnt|burned|burning|scald|scalds|scalded|scalding)\b",
    ),
    (
        Harm,
        false,
        r"\bgrab(?:s|bed|bing|ed)?\s+(?:me|him|her|them|us|(?:my|his|her|their)\s+(?:arms?|wrists?|neck|hair|throat|face|collar|hands?|hood|jumper|clothes|top|shirt|coat|shoulders?|legs?|ears?|chin|jaw|bum|bottom|boobs|chest|crotch))\b|\b(?:pull|pulls|pulled|pulling|yank\w*|drag|drags|dragged|dragging)\s+(?:me|him|her|(?:my|his|her)\s+(?:hair|ears?|arms?))\b",
    ),
    (
        Harm,
        false,
        r"\b(?:push|pushes|pushed|pushing|pusht|shove|shoves|shoved|shoving|barged|barge|barges|trip|trips|tripped)\s+(?:me|him|her|them|us)\b",
    ),
    (
        Harm,
        false,
        r"\b(?:throw|throws|threw|thrown|throwing|chuck|chucks|chucked|chucking|lob|lobs|lobbed|hurl\w*)\s+(?:\w+\s+){0,3}at\s+(?:me|us|him|her|them|my|his|her|our)\b|\bspit\w*\s+(?:at|on)\s+(?:me|him|her|us)\b|\bspat\s+(?:at|on)\s+(?:me|him|her|us)\b",
    ),
    // Restraint, seclusion, being shut in.
    (
        Harm,
        false,
        r"\brestrain\w*|\brestraint\w*|\b(?:held|hold|holds|holding|pinned|pin|pins|pinning)\s+(?:me|him|her|them|us)\s+(?:down|on the (?:floor|ground|mat|bed)|to the (?:floor|ground)|against (?:the|a) (?:wall|floor|door|table)|face.?down|tight\w*|so (?:i|he|she) (?:can't|couldn't|could not|cannot) move)|\b(?:held|holds?|holding)\s+(?:me|him|her|them)\s+(?:\w+\s+){0,4}(?:until|till|for\s+(?:\w+\s+)?(?:minutes|mins|ages|hours|ever))\b|\b(?:pinned|pin)\s+(?:me|him|her)\b|\bface.?down\b|\bprone\b|\b(?:wrap\w*|roll\w*|bundl\w*)\s+(?:\w+\s+){0,3}in\s+(?:a\s+)?(?:blanket|sheet|mat|duvet)\b|\bsat on (?:me|him|her)\b|\bphysical(?:ly)? interven\w*",
    ),
    (
        Harm,
        false,
        r"\bseclu\w*|\bisolation (?:room|booth|cubicle)s?\b|\b(?:lock|locks|locked|locking)\s+(?:me|him|her|them|us|the doors?|(?:my|his|her)\s+(?:bedroom\s+)?door)\b|\blocked\s+(?:in|up|away)\b|\b(?:shut|shuts|put|puts|kept|keeps|keep)\s+(?:me|him|her|them)\s+in\s+(?:a|the|his|her|my)\s+(?:\w+\s+)?(?:room|cupboard|cage|box|shed|corridor|office)\b",
    ),
    (
        Harm,
        false,
        r"\b(?:shout|shouts|shouted|shouting|scream|screams|screamed|screaming|swear|swears|swore|swearing|yell|yells|yelled|yelling)\s+(?:\w+\s+)?at\s+(?:me|us|him|her)\b",
    ),
    (Harm, false, r"\bthreat\w*|\bthretened\b|\bthreten\w*"),
    (
        Harm,
        false,
        r"\b(?:kill|kills|killed|killing|kil|kilt|kils|murder|murders|murdered|murdering)\b",
    ),
    (
        Harm,
        false,
        r"\b(?:go|goes|went|gets?|got|kicks?|kicked)\s+(?:mad|mental|crazy|nuts|psycho|ballistic|off)\b{W}{0,50}\b(?:get it|gets it|got it|cop it|copped it|scared|hide|hid|hiding)\b|\b(?:or|otherwise|else)\s+(?:\w+\s+){0,4}(?:we|i|you|he|she)\s+(?:all\s+)?(?:get|gets|got|cop|cops|copped)\s+it\b",
    ),
    (
        Harm,
        false,
        r"\b(?:dad|daddy|mum|mummy|mam|mom|step\w*|boyfriend|partner|uncle|husband|ex|father|mother)\s+(?:\w+\s+)?(?:smash\w*|break|breaks|breaking|broke|trash\w*|wreck\w*|throw\w*|threw|punch\w*|kick\w*)\s+(?:\w+\s+)?(?:things|stuff|plates|furniture|doors?|walls?|windows?|the house|everything|holes)\b|\b(?:mum|mummy|mam|mom)\s+(?:\w+\s+)?(?:crying|cries|cried|screaming|screams|screamed)\b{W}{0,60}\b(?:dad|daddy|boyfriend|partner|step\w*|shout\w*|hit\w*|break\w*|smash\w*|fight\w*|argu\w*)\b",
    ),
    (
        Harm,
        false,
        r"\bdomestic\s+(?:abuse|violence|incidents?|situation|issues|arguments?|rows?|disputes?)\b|\bdv\b|\bviolen\w*",
    ),
    (
        Harm,
        false,
        r"\b(?:knife|knives|blade|blades|machete|weapons?|guns?|taser)\b",
    ),
    // Abuse, exploitation, coercion, secrets.
    (Abuse, false, r"\babus\w*|\babuze\w*"),
    (Abuse, false, r"\bgroom(?:ed|ing|s|er|ers)?\b"),
    (
        Abuse,
        false,
        r"\bexploit\w*|\bcounty lines\b|\btraffick\w*|\btraficked\b|\bmodern slavery\b|\bcuckoo\w*|\bcse\b|\bcce\b|\bfgm\b|\bfemale genital\b|\bforced (?:to )?marr\w*|\bmarried off\b|\bhonou?r based\b|\bgangs?\b|\bdebt bondage\b|\bcoercive\s+(?:and\s+)?(?:controlling\s+)?(?:behaviou?r|control|relationship)\b|\bcontrolling\s+(?:partner|ex|husband|boyfriend|relationship|man|father|stepdad|behaviou?r (?:from|by) (?:my|her|his|their) (?:partner|ex|husband|boyfriend|dad|father))\b|\bpressur\w*\s+(?:\w+\s+)?into\s+(?:sending|sex|doing|meeting|taking|giving|carrying|selling|having|sharing)\b",
    ),
    (
        Abuse,
        false,
        r"\b(?:our|a|big|little)\s+secret\b|\bkeep\w*\s+(?:it|this|that|them)?\s*(?:a\s+)?secret\b|\bsecrets?\b{W}{0,30}\b(?:tell|told|telling)\b|\b(?:don't|do not|not to|never|mustn't|must not|not allowed to|can't|cannot)\s+tell\s+(?:mum|mummy|dad|daddy|anyone|anybody|no one|nobody|your|his|her|my|the|you|teachers?|people)\b|\b(?:told|tells|tell|said|says|warned|warns)\s+(?:him|her|me|them)\s+(?:\w+\s+){0,6}not\s+(?:to\s+)?tell\b|\bdelet\w*\s+(?:all\s+)?(?:the|their|our|his|her|my|your)?\s*(?:chats?|messages|texts|dms|history|pics|photos)\b",
    ),
    (
        Abuse,
        false,
        r"\b(?:someone|somebody|a man|a guy|a lad|a boy|a girl|a woman|a person|people|an adult|a stranger|strangers|men|older\s+\w+|grown\s+\w+)\s+(?:\w+\s+){0,4}(?:met|meet|meets|talk\w*|chat\w*|messag\w*|add\w*|speak\w*|snap\w*|dm\w*)\s+(?:\w+\s+){0,3}(?:online|on (?:discord|snapchat|snap|roblox|fortnite|minecraft|instagram|insta|tiktok|whatsapp|xbox|playstation|facebook|the internet|a game|an app|games?|kik|omegle|telegram|twitch|youtube))\b|\b(?:met|meet|meets|meeting)\s+(?:\w+\s+){0,2}(?:online|on (?:discord|snapchat|snap|roblox|fortnite|minecraft|instagram|insta|tiktok|whatsapp|xbox|kik|omegle|telegram|a game|an app))\b",
    ),
    (
        Abuse,
        false,
        r"\b(?:a|the|this|that|some|older|grown|random)\s+(?:\w+\s+)?(?:man|men|guy|guys|bloke|lads?|boys|stranger|person|woman|adult)\b{W}{0,50}\b(?:buys?|bought|gives?|gave|giving|offers?|offered|sends?|sent)\s+(?:me|him|her|us|them)\b|\b(?:buys|bought|gives|gave|giving)\s+(?:me|him|her)\s+(?:\w+\s+)?(?:money|cash|vapes?|alcohol|drink|cigarettes|fags|weed|phones?|trainers|credit|robux|v.?bucks)\b{W}{0,40}\b(?:secret|don't tell|not tell|for free|if i|if he|if she|in return|favours?)\b|\b(?:his|her|my)\s+special\s+(?:girl|boy|friend|one)\b",
    ),
    (
        Abuse,
        false,
        r"\bcontrols?\s+(?:all\s+)?(?:the|my|our|her)\s+(?:money|finances|phone|bank|food|life)\b|\b(?:checks|checked|reads|read|goes through|went through|tracks|tracked|monitors)\s+(?:all\s+)?(?:my|her)\s+(?:phone|messages|texts|location|bank)\b|\b(?:won't|wont|will not|wouldn't|would not|doesn't|does not|didn't|did not|never|refuses? to|refused to)\s+(?:let|allow)s?\s+(?:me|him|her|them|us|my\s+\w+|the\s+child|our\s+\w+)\s+(?:to\s+)?(?:(?:phone|ring|call|contact|speak to|talk to|see|visit|text|message)\s+(?:me|us|mum|mummy|dad|daddy|(?:his|her|my|their|our)\s+(?:mum|dad|family|friends|mates|nan|grandparents|parents)|family|friends|anyone|home)|go out|leave (?:the house|home|his room|her room|my room)|eat|have (?:food|dinner|tea|a drink|water|money|a phone|friends)|use the (?:toilet|loo|bathroom)|go to the (?:toilet|loo|bathroom)|sleep|take\b{W}{0,30}\b(?:doctors?|gp|hospital|dentist|appointments?))\b|\bnot\s+(?:allowed|aloud|alowed|alloud|let)\s+(?:to\s+)?(?:out|go out|leave|eat|have (?:food|dinner|tea|water|a drink)|food|any food|see (?:my|his|her) (?:friends|mum|dad|nan|family)|talk to (?:anyone|my friends|friends)|go to the (?:toilet|loo))\b",
    ),
    (
        Abuse,
        false,
        r"\b(?:giv\w*|gave|gives)\s+(?:\w+\s+){0,3}(?:extra|too much|too many|someone else's|other people's)\s+(?:sedation|sedatives?|medication|meds|melatonin|tablets|pills|calpol)\b|\bsedat\w*\s+(?:him|her|them|me)\s+(?:so|to)\b|\b(?:drug|drugs|drugged|drugging)\s+(?:me|him|her|them)\b|\b(?:took|taken|taking|takes)\s+all\s+(?:my|his|her)\s+(?:tablets|meds|medication|medicine|pills)\b|\b(?:sold|sells|selling|steal\w*|stole|stolen|hides|hid|hidden|withh\w*)\s+(?:all\s+)?(?:my|his|her)\s+(?:tablets|meds|medication|medicine|pills|inhaler|epipen)\b",
    ),
    (
        Abuse,
        false,
        r"\b(?:make|makes|made|making|got|get|gets|getting|pay|pays|paid|paying|told|tells|tell|force\w*|ask|asks|asked|want|wants|wanted)\s+(?:me|him|her|us|them)\s+(?:to\s+)?(?:carry|hold|hide|deliver|drop|run|sell|move|stash|keep|take)\s+(?:\w+\s+){0,2}(?:stuff|things|packages?|parcels?|packets?|bags?|drugs|weed|gear|knives|knife|weapons?|money|cash|phones?)\b|\bhide\s+(?:a|the|their|his|her)\s+(?:knife|knives|gun|weapon|drugs|weed|stash|gear)\b",
    ),
    (
        Unsafe,
        false,
        r"\b(?:taken|took|take|put|placed|removed|go|went|gone)\s+(?:\w+\s+)?(?:into|in)\s+care\b|\bremoved from (?:my|our|his|her|the) (?:care|home|family)\b|\btaken away from (?:me|us|mum|dad|home|(?:his|her|their) (?:mum|dad|family|parents))\b",
    ),
    // Sexual harm.
    (
        Sexual,
        false,
        r"\b(?:nudes?|naked|sexual\w*|sex|sexy|rape|raped|raping|rapist|molest\w*|grope\w*|groping|porn\w*|sext\w*|indecent\w*|paedo\w*|pedo\w*|nonce|willy|penis|vagina|boobs)\b|\bprivate (?:parts|bits|areas?|places)\b|\bprivates\b|\b(?:touch\w*|hurts?|sore|pain|itchy|poked)\b{W}{0,20}\bdown there\b",
    ),
    (
        Sexual,
        false,
        r"\btouch(?:es|ed|ing|s)?\s+(?:me|him|her|them|(?:my|his|her|their)\s+(?:private\w*|bum|bottom|body|chest|boobs|breasts|willy|penis|vagina|bits|legs?|thighs?|front|knee|face|hair)|(?:\w+\s+){0,3}(?:inappropriate\w*|under (?:my|his|her) (?:clothes|pants|top|skirt|knickers)))\b",
    ),
    (
        Sexual,
        false,
        r"\b(?:asked|asks|asking|ask|wants?|wanted|dared|dare|made|make|makes|told|tells|pressur\w*|forced|forces|keeps? asking|kept asking|begged|begs)\s+(?:me|him|her|them)\s+(?:to\s+|for\s+)(?:send\s+)?(?:\w+\s+){0,3}(?:pics?|pictures?|photos?|nudes?|selfies?|vids?|videos?|images?|snaps?)\b|\bsend\w*\s+(?:\w+\s+){0,2}(?:nudes?|nude pics?)\b|\b(?:photos?|pics?|pictures?|vids?|videos?|images?|film|films|filming|filmed|recordings?|selfies|snaps?)\s+of\s+(?:me|him|her|them)\b|\b(?:sent|send|sending|shared|sharing|posted|posting|spread|spreading|going|went|gone|passed)\s+(?:it\s+|them\s+|(?:a|the|my|his|her)\s+(?:pic|pics|photo|photos|picture|pictures|vid|video|videos|nudes?)\s+)?(?:round|around)\s+(?:the\s+)?(?:whole\s+)?(?:school|year|class|group|group chat|everyone|snap|snapchat|estate)\b",
    ),
    (
        Sexual,
        false,
        r"\btickl\w*\b{W}{0,50}\b(?:bath|shower|bed|bedroom|private\w*|pants|knickers|naked|secret|under|down there|won't stop|stop|hurts|game)\b|\b(?:bath|shower|bed|bedroom|private\w*|pants|knickers|naked|secret)\b{W}{0,50}\btickl\w*|\bkiss\w*\s+(?:me|him|her)\b",
    ),
    // Neglect.
    (Neglect, false, r"\bneglect\w*|\bneglekt\w*"),
    (
        Neglect,
        false,
        r"\bno\s+(?:food|dinner|tea|breakfast|brekfast|lunch|meals?)\b|\bnothing\s+to\s+eat\b|\b(?:not|never|isn't|wasn't|aren't|weren't|don't|doesn't|didn't|hardly|rarely|barely)\s+(?:\w+\s+)?(?:fed|feed|feeds|feeding)\b|\b(?:hungry|hungery|hungy|hungrey|starving|starvin|starved|starve)\b|\bonly\s+(?:\w+\s+){0,2}(?:eat|eats|ate|meal|meals|food|get food|gets food)\b{W}{0,20}\bat school\b|\b(?:struggl\w*|can't|cannot|can not|couldn't|unable)\s+(?:to\s+)?(?:afford\s+to\s+)?(?:feed|buy food)\b|\b(?:lose|loses|lost|losing|take away|takes away|took away|taken away|withh\w*|go without|goes without|went without|going without)\s+(?:his|her|my|their|our|the\s+)?(?:dinner|tea|food|meals?|lunch|breakfast)\b",
    ),
    (
        Neglect,
        false,
        r"\b(?:dirty|filthy|smelly|stinky|stinking|unwashed|soiled|wet)\s+(?:clothes|clothing|uniform|nappy|nappies|pads?|bedding|sheets|pants|trousers)\b|\bsame (?:clothes|uniform|pants)\s+(?:every day|all week|for days|for a week)\b|\b(?:head ?lice|nits)\b{W}{0,30}\b(?:never|always|untreated|for (?:weeks|months))\b|\buntreated\b|\b(?:never|not|rarely|hardly ever|isn't|wasn't)\s+(?:\w+\s+)?(?:washed|bathed|showered)\b|\b(?:pads?|nappy|nappies|clothes|bedding|sheets)\s+(?:\w+\s+)?(?:never|not|isn't|wasn't|rarely|aren't|weren't)\s+(?:\w+\s+)?changed\b|\b(?:rotten|decayed|black)\s+teeth\b|\bno\s+(?:bed|beds|mattress|heating|electric\w*|gas|hot water|clean clothes|coat|shoes)\b|\b(?:always|so|really|very)\s+(?:cold|freezing)\s+(?:at home|in the house|in (?:my|our) (?:room|house|flat|bedroom))\b",
    ),
    (
        Neglect,
        false,
        r"\b(?:left|leave|leaves|leaving)\s+(?:me|him|her|us|them|my\s+\w+(?:\s+\w+)?|the kids|the children)\s+(?:\w+\s+){0,2}(?:alone|on (?:my|his|her|their|our) own|by (?:myself|himself|herself|themselves|ourselves))\b|\b(?:home alone|alone at home|on my own at (?:home|night)|by myself at (?:home|night)|alone (?:all|every) (?:night|day|weekend|evening))\b|\b(?:nobody|no one|noone|no-one|no body)\s+(?:\w+\s+)?(?:picks?\s+(?:me|him|her|us)\s+up|collects?\s+(?:me|him|her|us)|is\s+(?:at\s+)?(?:home|in)|comes?\s+home|looks?\s+after\s+(?:me|us|him|her)|takes?\s+care\s+of\s+(?:me|us|him|her)|feeds\s+(?:me|us|him|her)|makes?\s+(?:me|us)\s+(?:tea|dinner|food|breakfast)|cares?\s+(?:about|for)\s+(?:me|us)|wants\s+me|loves\s+me)\b|\bwalk\w*\s+home\s+(?:\w+\s+){0,2}(?:in the dark|at night)\b",
    ),
    (
        Neglect,
        false,
        r"\bhomeless\w*|\bsleep\w*\s+rough\b|\brough sleep\w*|\bsofa.?surf\w*|\bnowhere\s+(?:else\s+)?to\s+(?:go|live|sleep|stay)\b|\b(?:sleep|sleeps|sleeping|slept)\s+(?:in|on)\s+(?:a|the|my|his|her|their|mates?|friends?)\s+(?:\w+\s+)?(?:car|park|street|stairwell|bus station|bench|tent|floor)\b|\b(?:kicked|thrown|chucked|turned|threw|kick|throw|chuck)\s+(?:me|him|her|them|us)?\s*out\b",
    ),
    (
        Neglect,
        false,
        r"\b(?:weed|cannabis|skunk|cocaine|heroin|ketamine|mdma|ecstasy|crack pipe|drug dealers?|dealing drugs|drugs|drunk|drunken|alcoholic)\b",
    ),
    (
        Neglect,
        false,
        r"\b(?:never|not|didn't|doesn't|won't|wont)\s+(?:\w+\s+)?(?:take|takes|took|taken)\s+(?:me|him|her|us|(?:our|my)\s+\w+)\s+(?:\w+\s+){0,3}(?:doctors?|gp|dentist|hospital|appointments?)\b",
    ),
    // Self-harm and suicide.
    (
        SelfHarm,
        false,
        r"\bsel(?:f|ve)\s*-?\s*harm\w*|\bselfharm\w*|\bself\s*-?\s*injur\w*|\bself\s*-?\s*h\b",
    ),
    (
        SelfHarm,
        false,
        r"\b(?:cut|cuts|cutting|cutted|slit|slits|slitting|scratch\w*|bit|bite|bites|biting|pinch\w*|hit|hits|hitting|punch\w*|slap\w*|burn\w*|starve\w*|hang|hangs|hanging|hurt|hurts|hurting|harm\w*)\s+(?:my|him|her|them|your|our|ur)\s?sel(?:f|ves)\b|\b(?:cut|cuts|cutting|slit|slits|slitting)\s+(?:on\s+)?(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach|tummy|body|hips?)\b|\b(?:been|started|start|starting|keep|keeps|kept|stop|stopped|still|was|is|am|i'm|im|he's|she's|caught\s+\w+|back to)\s+cutting\b|\bcutting\s+again\b|\b(?:blades?|razors?|sharpener blades?)\b",
    ),
    (
        SelfHarm,
        false,
        r"\bbang\w*\s+(?:my|his|her|their)\s+head\b|\bhead.?bang\w*|\b(?:till|until|til|untill)\s+(?:it|they|i|he|she)\s+(?:bleeds?|bled|bleed|bruise\w*|hurts?)\b|\bpull\w*\s+(?:\w+\s+)?(?:hair|eyelashes|skin)\s+out\b|\bpick\w*\s+(?:at\s+)?(?:my|his|her)\s+skin\b{W}{0,30}\b(?:bleed\w*|raw|scars?)\b",
    ),
    (
        SelfHarm,
        false,
        r"\b(?:die|dye|dying|dieing|dyin|dies)\b|\b(?:be|being|rather be|wish (?:i|he|she) (?:was|were)|want to be|wanna be|wants to be|end up|better off|i'm|im|i am)\s+dead\b|\bunaliv\w*|\bkms\b|\bkys\b|\bkil+\s*(?:my|him|her)\s*sel\w*",
    ),
    (
        SelfHarm,
        false,
        r"\bsu(?:i|e|a|y)?(?:c|s|sc|ss)(?:i|e|a|y)?d(?:e|es|al|ally|ed)?\b|\bsuicid\w*|\boverdos\w*|\bod(?:'d|ed)?\b|\b(?:took|taken|take|swallowed|swallow|had|necked|downed)\s+(?:like\s+|about\s+|around\s+|over\s+|loads of\s+|a load of\s+|lots of\s+|a handful of\s+|a pack\w* of\s+|a box of\s+|all (?:my|his|her|the|of (?:my|his|her|the))\s+|a bunch of\s+|\d+\s+)(?:\w+\s+)?(?:paracetamol|pills|tablets|meds|medication|painkillers|ibuprofen|calpol|sleeping pills)\b|\bhang\w*\s+(?:my|him|her)sel\w*|\bnooses?\b|\bligatures?\b|\bjump\w*\s+(?:off|from|in front of)\s+(?:a |the |our |my )?(?:bridge|roof|building|cliff|window|car park|balcony|train|motorway|flats?)\b|\bin front of (?:a|the) (?:train|car|bus|lorry)\b|\b(?:anorexi\w*|bulimi\w*|eating disorder|make (?:my|him|her)sel\w* sick|starv\w* (?:my|him|her)sel\w*)\b",
    ),
    (
        SelfHarm,
        false,
        r"\bend\s+(?:it|it all|my life|his life|her life|myself|things|everything)\b|\b(?:not|never|no longer)\s+(?:want\s+to\s+|wanna\s+|wish\s+to\s+)?(?:be\s+)?(?:here|alive|around)\s+(?:any ?more)\b|\b(?:don't|do not|doesn't|does not|didn't|did not)\s+want\s+to\s+(?:be\s+(?:here|alive|around)|live|exist|wake up)\b|\b(?:want|wants|wanna|wish|wished|wishing)\s+(?:to\s+)?(?:not\s+be\s+(?:here|alive|around)|disappear|vanish|go away forever|be gone|sleep forever|not exist|not wake up|go to heaven|be with (?:\w+\s+){0,2}in heaven)\b|\b(?:wish|wished|wishes)\s+(?:i|he|she)\s+(?:could\s+)?(?:just\s+)?(?:disappear|vanish|die|was dead|were dead|wasn't here|wasn't alive|wasn't born|was never born|had never been born|didn't exist|could go to sleep)\b|\b(?:happier|better off|better|easier)\s+(?:if\s+(?:i|he|she)\s+(?:wasn't|was not|weren't|were not|was|were)\s+(?:not\s+)?(?:around|here|alive|gone|dead|born|there)|without\s+(?:me|him|her)|(?:when|once)\s+(?:i'm|i am|he's|she's)\s+gone|gone|dead)\b|\b(?:nobody|no one|noone|no-one)\s+(?:would|will|wud|wd)\s+(?:even\s+)?(?:care|notice|miss me|miss him|miss her|be sad)\s+(?:if|when)\s+(?:i|he|she)\b|\b(?:nobody|no one|noone|no-one)\s+(?:would|will|wud|wd)\s+(?:even\s+)?(?:notice|miss me|miss him|miss her)\b|\b(?:go|going|want to go|wants to go|wanna go|take me)\s+(?:\w+\s+){0,3}(?:to\s+)?heaven\b|\b(?:to\s+)?sleep\s+(?:and\s+)?(?:never|not)\s+wake\s+up\b",
    ),
    (
        SelfHarm,
        false,
        r"\b(?:(?:don't|do not|doesn't|does not|can't|cannot|no longer)\s+see\s+(?:the|any)\s+point|(?:there's|there is|is)\s+no\s+point|what's\s+the\s+point|no\s+point)\b|\b(?:i'm|i am|i feel|feel|feels)\s+(?:so\s+|such a\s+|like a\s+|like\s+)?(?:worthless|a burden|a waste of space)\b|\bhate\s+(?:my|him|her)sel\w*|\bhate my life\b",
    ),
    // More wordings of the same kinds.
    (
        Harm,
        false,
        r"\b(?:scratches|cuts|grazes|marks|bruises|burns|bite marks|lumps?)\s+(?:all\s+)?(?:on|over|round|around)\s+(?:his|her|my|their|him|me)\b|\b(?:put|puts|putting|held|holds|hold)\s+(?:me|him|her|them)\s+in\s+(?:a|an)\s+(?:\w+\s+)?(?:hold|headlock|arm lock|neck hold)\b|\bholds?\s+on\s+(?:him|her|me|them)\b|\b(?:two|three|2|3)[\s-]?(?:person|man|staff)\s+holds?\b|\b(?:says|said|tells|told|keeps saying)\s+(?:me\s+|him\s+|her\s+)?(?:that\s+)?(?:i|he|she)\s+(?:ruined|ruin|ruins|spoilt|spoiled|wrecked)\s+(?:her|his|their|our|my)\s+(?:life|lives)\b|\bignor\w*\s+(?:me|him|her)\s+(?:for\s+(?:days|hours|weeks)|all the time|completely|for ages)\b",
    ),
    (
        Abuse,
        false,
        r"\b(?:older|grown)\s+(?:lads|men|guys|blokes|boys)\b{W}{0,60}\b(?:car|cars|money|cash|drugs|weed|trips?|town|city|train|trains|phones?|late|night|won't say|wont say|doesn't say|secret|parties|party|drink|vapes?)\b|\b(?:won't|wont|doesn't|does not|refuses to|will not)\s+(?:say|tell (?:us|me|anyone))\s+where\s+(?:he|she|they)\s+(?:goes|go|went|has been|have been|gets|got|is going)\b|\b(?:make|makes|made)\s+(?:me|him|her)\s+sit\s+on\s+(?:his|her)\s+(?:knee|lap)\b",
    ),
    (
        Sexual,
        false,
        r"\b(?:hands?|fingers?)\s+(?:up|down|in|inside|under)\s+(?:my|her|his)\s+(?:skirt|top|shirt|trousers|pants|knickers|dress|jumper|clothes|bra|shorts)\b|\b(?:no|without|with no|without any)\s+clothes\s+on\b",
    ),
    (
        Neglect,
        false,
        r"\b(?:forgets?|forgot|doesn't|does not|don't|never|won't|wont)\s+(?:\w+\s+)?(?:give|gives|giving|get|gets)\s+(?:me|him|her)\s+(?:my|his|her)\s+(?:medicine|medication|meds|tablets|inhaler|insulin|epipen)\b|\bnever\s+(?:been\s+|seen\s+|had\s+)?(?:to\s+)?(?:a|the)\s+(?:dentist|doctor|gp)\b|\b(?:dog|cat|animal)\s+(?:mess|poo|poop|faeces|wee)\b{W}{0,40}\b(?:house|home|floor|everywhere|kitchen|bedroom)\b|\b(?:house|home|flat)\s+(?:is\s+)?(?:full of rubbish|a tip|filthy|disgusting|falling apart)\b",
    ),
    (
        SelfHarm,
        false,
        r"\b(?:till|until|til|untill)\s+(?:\w+\s+){0,2}(?:bleed|bleeds|bled|bleeding|bruise\w*)\b|\bnot\s+(?:going to|gonna)\s+be\s+(?:here|around)\s+(?:much\s+)?(?:longer|for long|soon)\b|\bgoodbye\s+(?:letters?|notes?|messages?)\b|\bsuicide note\b|\b(?:gave|giving|give|given)\s+away\s+(?:all\s+)?(?:my|his|her)\s+(?:things|stuff|possessions|belongings)\b|\b(?:tired|sick)\s+of\s+(?:living|life|being alive)\b",
    ),
    (
        Unsafe,
        false,
        r"\b(?:don't|dont|do not|doesn't|doesnt|does not|hate|hates)\s+(?:like\s+)?(?:being|going|staying)\s+(?:at\s+)?home\b|\b(?:take|takes|took|taking|steal|steals|stole|stealing)\s+(?:my|his|her)\s+(?:dinner money|lunch money|money|phone)\s+(?:every|each|all the time|again)\b",
    ),
    (
        Harm,
        false,
        r"\b(?:staff|teachers?|ta|tas|teaching assistant|worker|support worker|carers?|escort|driver|dinner lad(?:y|ies)|coach|instructor|key ?worker|nurse|foster \w+|step\w*)\b{W}{0,60}\b(?:laugh\w*\s+(?:at\s+(?:me|him|her)|when\s+(?:i|he|she))|mock\w*|humiliat\w*|made fun|makes fun|make fun|ti(?:e|es|ed)\s+(?:\w+\s+){0,3}(?:together|up|to|down)|strap\w*|tape[ds]?|taping)\b|\b(?:strap\w*|tied|tie|ties|tying|buckled|belted|harness\w*)\s+(?:(?:me|him|her|them|my\s+\w+|his\s+\w+|her\s+\w+)\s+)?(?:\w+\s+){0,2}(?:into|in|to|down)\b{W}{0,60}\b(?:punish\w*|all day|whole (?:day|afternoon|morning)|for hours|hours|until|till|as a|because (?:he|she) (?:wouldn't|won't|wouldnt|wont))\b|\b(?:as\s+(?:a\s+)?punishment|to punish (?:me|him|her|them))\b",
    ),
    (
        Sexual,
        false,
        r"\b(?:man|men|driver|escort|teacher|coach|staff|worker|uncle|stepdad|step dad|boyfriend|lad|guy|someone|stranger|adult|older \w+)\b{W}{0,60}\b(?:asked|asks|asking|wants|wanted|keeps asking|kept asking)\s+(?:for\s+)?(?:her|his|my|me for my|him for his|her for her)\s+(?:snapchat|snap|insta|instagram|number|phone number|whatsapp|address|tiktok|discord|socials)\b|\b(?:man|men|driver|escort|teacher|coach|staff|worker|uncle|stepdad|step dad|lad|guy|someone|stranger|adult|older \w+)\b{W}{0,60}\b(?:says|said|tells|telling|told|calls|called|keeps telling|keeps saying)\s+(?:me|her|him)?\s*(?:that\s+)?(?:she's|shes|she is|i'm|im|i am|he's|he is|you're|youre|your|ur)\s+(?:so\s+|really\s+|very\s+)?(?:beautiful|pretty|sexy|gorgeous|fit|hot|mature|his girlfriend)\b",
    ),
    (
        SelfHarm,
        false,
        r"\b(?:long sleeves|jumper|hoodie|sleeves|cardigan)\b{W}{0,60}\b(?:nobody|no one|noone|can't|doesn't|won't|so (?:people|they|nobody|no one))\s+(?:\w+\s+)?(?:see|sees|seeing|notice|notices)\b|\b(?:hide|hides|hiding|cover|covers|covering)\s+(?:up\s+)?(?:my|his|her)\s+(?:arms|wrists|legs|thighs|marks|scars|cuts)\b|\b(?:won't|wont|refuses to|doesn't)\s+(?:\w+\s+)?(?:roll up|take off)\s+(?:his|her|my)\s+(?:sleeves|jumper|hoodie)\b",
    ),
    (
        Neglect,
        false,
        r"\b(?:mum|mummy|mam|mom|dad|daddy|parents|mother|father|carer|they)\s+(?:hasn't|hasnt|haven't|havent|has not|have not|didn't|didnt|did not|never|doesn't|doesnt)\s+(?:\w+\s+)?(?:been|come|came|get|gets)\s+(?:back\s+)?home\b|\b(?:i'm|im|i am|i've been|ive been|been)\s+(?:\w+\s+)?(?:looking after|caring for|minding|feeding)\s+(?:my|the|our)\s+(?:\w+\s+)?(?:brothers?|sisters?|siblings|baby|mum|dad)\b",
    ),
    (
        Harm,
        false,
        r"\bretard\w*|\bspastic\w*|\bspaz\b|\bmong\b|\b(?:make|makes|made|making|force\w*|get|gets|got|pay|pays|paid)\s+(?:me|him|her|them)\s+(?:to\s+)?fight\b|\b(?:close|closes|closed|closing|shut|shuts|put|puts|zip\w*|lock\w*)\s+(?:me|him|her|them)\s+(?:in|into|inside)\s+(?:a|the|his|her|my)\s+(?:\w+\s+)?(?:box|cupboard|cage|room|tent|pod|den|booth|cubicle|shed|wardrobe)\b|\bpadded\s+(?:room|box|cell|area|space)\b",
    ),
    (
        Neglect,
        false,
        r"\b(?:mum|dad|mummy|daddy|parents?|mam|mom)\s+(?:needs|need|needed|wants|wanted|makes|made|keeps|kept)\s+me\s+(?:at\s+home|to stay (?:at )?home|to stay off|off school|home from school|to look after|to help with)\b|\b(?:not been|haven't been|hasn't been|havent been|missed|missing|off)\s+(?:\w+\s+){0,2}school\s+(?:for\s+(?:\w+\s+){0,2}(?:weeks|months)\s+)?(?:because|cos|coz|as|to)\s+(?:\w+\s+){0,4}(?:look after|help with|care for|mind|needs me|need me|the baby)\b",
    ),
    (
        Unsafe,
        false,
        r"\b(?:(?:stomach|tummy|belly)\s?aches?|(?:feel|feels|felt)\s+sick|cry|cries|crying|cried|panic\w*|shaking|wets? (?:my|him|her)sel\w*)\b{W}{0,40}\b(?:before|when)\s+(?:\w+\s+){0,3}(?:go|going|goes|gets?|get)\s+home\b|\bdread\w*\s+(?:going home|the weekends?|weekends|fridays|home time|contact|visits? (?:with|to) (?:dad|mum))\b",
    ),
    // Feeling unsafe, frightened, bullied, going missing.
    (Unsafe, true, r"\b{FEAR}\b"),
    (
        Unsafe,
        true,
        r"\bunsafe\b|\bnot\s+(?:\w+\s+)?safe\b|\b(?:don't|do not|never|doesn't|does not|didn't|did not|no longer|not|wouldn't|would not)\s+(?:\w+\s+)?(?:feel|feels|felt)\s+(?:\w+\s+)?safe\b",
    ),
    (
        Unsafe,
        false,
        r"\bbull(?:y|ies|ied|ying|yed|ys|ey|eyd|in)\b",
    ),
    (
        Unsafe,
        false,
        r"\b(?:run|runs|ran|running)\s+away\b|\brunaway\b|\b(?:go|goes|went|gone|going)\s+missing\b|\breported missing\b|\bmissing\s+(?:overnight|from home|for (?:hours|days|the night|\w+ days))\b|\babscond\w*|\bfollow\w*\s+(?:me|him|her)\s+(?:home|to school|from school)\b",
    ),
    (
        Unsafe,
        false,
        r"\bwalk\w* on egg ?shells\b|\b(?:have to|has to|got to|must)\s+be\s+(?:\w+\s+)?quiet\s+(?:or|otherwise|in case|because|when)\s+(?:\w+\s+){0,2}(?:dad|mum|he|she|they|step\w*|uncle|boyfriend|partner)\b|\b(?:mum and dad|my parents|mum and her boyfriend|mum and (?:my )?step\w*|dad and his girlfriend)\s+(?:\w+\s+)?(?:fight|fights|fighting|fought|argue|argues|arguing|row|rows|rowing|scream\w*|shout\w*)\s+(?:\w+\s+)?(?:all the time|every night|at night|every day|a lot|loads|really loud|so loud)\b",
    ),
];

/// Where a lexicon word is figurative, about the system, medical, accidental,
/// a child's own behaviour, training or policy, or plainly past and resolved.
/// A lexicon hit inside one of these matches is not flagged.
const FALLBACK_EXCEPTIONS: &[&str] = &[
    // Figurative and system-directed.
    r"\b(?:is|are|'s|was|were|been|be|have|has|had|literally|honestly|actually|proper|it|this|that|slowly|really)\s+(?:\w+\s+)?kill(?:ing|ed|s)?\s+(?:me|us|him|her|them|my|our)\b|\bkill\s+for\s+(?:a|an|some|the|one)\b",
    r"\b(?:wait\w*|process|paperwork|forms?|system|council|delays?|stress|journey|commute|travel|not knowing|uncertainty|worry|cuts|school run|fight\w*|battle\w*|meetings?|appointments?|feet|back|legs?|head)\b{W}{0,40}\bkill\w*",
    r"\bkill\w*\s+(?:his|her|my|our|their)\s+(?:progress|confidence|chances|motivation|self.?esteem|spirit|love|interest|enthusiasm|hope|joy|mood|vibe|buzz|time|battery)\b|\bkill\w*\s+(?:time|off|it|two birds)\b|\bkiller\b|\b(?:would|could)\s+kill\s+for\b|\bkill\w*\b{W}{0,40}\b{ACCIDENT}\b|\b{ACCIDENT}\b{W}{0,40}\bkill\w*",
    r"\bdying\s+(?:to|for)\b|\bdie\w*\s+(?:of|from)\s+(?:boredom|embarrassment|shame|laughter|laughing|cringe|old age|cancer|covid)\b|\b(?:to|would|could)\s+die\s+for\b|\bdie.?hard\b|\bdo or die\b|\bdie\w*\s+down\b|\b(?:hair|tie)\s+dye\b|\bdye\w*\s+(?:my|his|her|their)\s+hair\b|\b(?:nan|nana|nanna|nanny|grandad|grandma|grandpa|granny|grandmother|grandfather|uncle|auntie|aunt|dog|cat|pet|hamster|fish|rabbit|plant|phone|battery|laptop|ipad|tablet|it|patient|patients|people|relative|friend|great.?\w+)\s+(?:\w+\s+)?(?:is|was|are|were|'s|has been|had been)\s+(?:\w+\s+)?dying\b|\bdying\s+(?:of|from)\b|\b(?:scared|afraid|frightened|worried|worries|worry|terrified|fear\w*|think\w*|thought|asks?|asked|asking|questions?|talks? about|talking about|understand\w*)\s+(?:\w+\s+){0,3}(?:(?:that|if|when)\s+)?(?:i|you|we|mum|mummy|dad|daddy|people|he|she|everyone|they|grandad|nan|everybody|the dog)\s+(?:will|might|are going to|is going to|gonna|could|are gonna|is gonna)\s+die\b|\b(?:when|if|before|after)\s+(?:i|we|you|people|they|mum|dad)\s+die\b",
    r"\bhurt\w*\s+(?:his|her|my|their|our|your)\s+feelings\b|\bhurt feelings\b|\bfeelings\s+(?:\w+\s+)?hurt\b|\bhurt\w*\s+(?:me\s+|us\s+)?(?:that|to see|to hear|to know|to watch|to think|when i think|so much to|deeply|inside|emotionally)\b|\bit\s+(?:really\s+)?hurts\s+(?:me\s+)?(?:that|to|when|so much)\b|\bhurt\s+by\s+(?:the|their|his|her|this|that|how|what|all|our|being|not|comments?|words|a|an)\b|\b(?:wait\w*|process|system|council|delays?|cuts?|decision\w*|polic\w*|budget\w*|funding|lack of \w+|la)\b{W}{0,40}\bhurt\w*|\bhurt\w*\s+(?:\w+\s+)?(?:his|her|my|their)\s+(?:ears|eyes)\b|\b(?:ears?|eyes?|head|tummy|stomach|teeth|tooth|back|legs?|knees?|feet|foot|hips?|joints?|throat|chest|neck|bones?|muscles?|skin|period|periods|splints?|shoes|boots|glasses|braces?|fingers?|wrists?|ankles?|toes?)\s+(?:\w+\s+){0,2}(?:hurt|hurts|hurting|hert|herts)\b|\b(?:noise|noises|loud|lights?|bright|sounds?|music|hand dryers?|dryers?|alarms?|bells?|labels|seams|socks|clothes|sun|injection|jab|needle|blood test|physio|stretches)\b{W}{0,30}\bhurt\w*|\bhurt\w*\b{W}{0,40}\b(?:sense of danger|road sense|runs? off|wander\w*|no fear)\b|\b(?:worried|worry|worries|scared|afraid|concerned|fear|in case)\b{W}{0,30}\b(?:get|gets|be|will be|might be|could be)\s+hurt\b{W}{0,40}\b(?:sense of danger|road|traffic|run\w* off|wander\w*|fall|climb\w*|accident\w*)",
    r"\bhit\s+(?:and|or)\s+miss\b|\bhit\w*\s+(?:a|the|his|her|their|our|my)\s+(?:brick\s+)?(?:wall|walls|target|targets|milestone|milestones|ceiling|limit|peak|jackpot|road|shops|roof|headlines|button|nail|spot|ground|deadline|deadlines|mark|note|low|snag|barrier|dead end|books|sack|gym|age|teens|puberty)\b|\bhit\w*\s+(?:it\s+off|home|hard|rock bottom)\b|\b(?:a|big|huge|massive|was a|instant)\s+hit\b|\bhit\w*\s+(?:\d+|eighteen|sixteen|year \d+)\b|\bhit\w*\s+(?:hard\s+|badly\s+)?by\s+(?:the\s+)?(?:\w+\s+)?(?:cuts|delays?|changes|costs?|bills?|news|pandemic|covid|lockdown|decision|policy|system)\b|\b(?:cuts|delays?|costs?|bills?|changes|polic\w*|decisions?|funding|budget\w*)\b{W}{0,30}\bhit\w*",
    r"\bkick\w*\s+off\b|\bkick\w*\s+(?:a|the|his|her|my)\s+ball\b|\bkick.?(?:boxing|about|start\w*|off)\b|\bkick\w*\s+in\b|\bkick\w*\s+up\s+a\s+fuss\b|\bkicked\s+(?:me|him|her|us|them)?\s*out\s+of\s+(?:(?:the|his|her|my|their|our|a)\s+)?(?:\w+\s+){0,2}(?:school|class|classes|lessons?|classroom|room|meeting|club|group|shop|cinema|restaurant|pool|park|game|team|activity|trip|assembly|hall|nursery|college|provision|setting|unit|course|scouts|brownies|cubs|session)\b|\bpunch\s?(?:line|bag|ing bag)\b|\bfruit punch\b|\bno punches\b|\bslap\w*\s+(?:in|on)\s+the\s+(?:face|wrist)\b|\bslap\w*\s+with\s+(?:a|an)\b|\bslap.?dash\b|\bsmack\s+(?:bang|in the middle)\b|\bstab\s+(?:in the dark|at)\b|\bhave a stab\b|\bbirthday bash\b|\bbeat\w*\s+(?:me|him|her|us|them)\s+(?:at|in|to it)\b|\bheart\s?beat\w*|\bbeat\w*\s+(?:the|his|her|my|their)\s+(?:record|time|score|queue|odds|system|traffic|rush|deadline)\b|\bbeat\w*\s+(?:my|him|her|them)sel\w*\s+up\b|\bchok\w*\s+(?:on|back|up)\b|\bchoking\s+(?:hazard|risk)\b|\b(?:panic|asthma|heart|anxiety)\s+attacks?\b|\battack\w*\s+(?:the|his|her|this|that)\s+(?:problem|issue|work|task|day|question)\b|\b(?:dog|dogs)\b{W}{0,30}\b(?:attack\w*|bit|bitten|bite)\b|\bjumped\s+(?:in|on|into|off|up|over|at the chance|around|about|for joy)\b",
    r"\b{VIOL}\b{W}{0,60}\b{BEHAVIOUR}|\b{BEHAVIOUR}{W}{0,60}\b{VIOL}\b|\b(?:{VIOL}|hurt|hurts|hurting|harm|harms|harming|bite|bites|biting|bit)\s+(?:\w+\s+){0,2}{TARGET}\b|\b(?:i|he|she|they|we)\s+(?:\w+\s+)?(?:hurt|hurts|hurted|bashed|banged|bumped|cut|twisted|sprained|broke)\s+(?:my|his|her|their|our)\s+(?:finger|fingers|thumb|toe|toes|knee|knees|ankle|wrist|elbow|foot|feet|leg|arm|back|head|hand|neck|shoulder|nose|lip|tooth|chin)\b|\b(?:kick\w*|scream\w*)\s+and\s+(?:kick\w*|scream\w*)\b|\b{VIOL}\b{W}{0,60}\b{ACCIDENT}\b|\b{ACCIDENT}\b{W}{0,60}\b{VIOL}\b|\b(?:hurt\w*|bruis\w*|bleed\w*|bled|burn\w*|marks?|injur\w*|grab\w*|push\w*|pull\w*|drag\w*|throw\w*|threw|chuck\w*|shout\w*|scream\w*|swear\w*|yell\w*|violen\w*)\b{W}{0,60}\b(?:{ACCIDENT}|{BEHAVIOUR})|\b(?:grab\w*|push\w*|pull\w*|drag\w*|throw\w*|threw|chuck\w*|shout\w*|scream\w*|swear\w*|yell\w*|violen\w*|spit\w*|spat)\s+(?:\w+\s+){0,3}(?:at\s+)?{TARGET}\b|\b(?:{ACCIDENT}|{BEHAVIOUR}){W}{0,60}\b(?:hurt\w*|bruis\w*|bleed\w*|bled|burn\w*|marks?|injur\w*|grab\w*|push\w*|pull\w*|drag\w*|throw\w*|threw|chuck\w*|shout\w*|scream\w*|swear\w*|yell\w*|violen\w*)\b",
    r"\bbruis\w*\s+(?:\w+\s+)?(?:easily|ego|pride|confidence|feelings)\b|\b(?:bleed|bleeds|bleeding|bled)\w*\s+(?:us|them|me|families|money|the system)?\s*dry\b|\bheart\s+bleeds\b|\bbleed\w*\s+(?:disorder|condition)\b|\b(?:gums?|tooth|teeth|haemophilia)\b{W}{0,30}\bbl(?:ee|e)d\w*",
    r"\bburn\w*\s*out\b|\bburnout\b|\bheartburn\b|\bburnt\s+(?:toast|food|dinner|the)\b|\bburn\w*\s+(?:calories|energy|off energy|bridges|the candle|the midnight)\b|\bburning\s+(?:question|issue|sensation|desire)\b|\bburns unit\b|\bmoney to burn\b|\bburn\w*\s+(?:his|her|my)\s+(?:hand|finger|fingers|arm|tongue|mouth)\s+on\s+(?:the|a)\s+(?:oven|hob|stove|kettle|iron|pan|tray|bbq|barbecue|radiator|fire)\b|\bcandle\w*|\bbonfire\w*",
    r"\bgrab\w*\s+(?:his|her|their|my)\s+attention\b|\bgrab\w*\s+(?:me|him|her|us|them)\s+(?:a|an|some|something)\b|\bpush\w*\s+(?:me|him|her|them|us)\s+(?:\w+\s+){0,2}(?:to|towards|into\s+(?:a\s+|an\s+|the\s+)?(?:mainstream|special\w*|placement|school|college|class|setting|exams?|tribunal|crisis|burnout|independence|education)|too|hard|harder|academically|forward|on|further|out of (?:his|her|my|their) comfort zone)\b|\bpush\w*\s+(?:me|him|her)\s+(?:in|on)\s+(?:a|the|his|her|my)\s+(?:swing|wheelchair|buggy|chair|pushchair)\b|\btrip\w*\s+(?:me|him|her|them|us)\s+(?:to|out|away)\b|\bpull\w*\s+(?:me|him|her)\s+(?:out|up|from|aside|through)\b|\bdrag\w*\s+(?:me|him|her)\s+(?:to|into)\s+(?:school|class|the car|appointments?|lessons?|meetings?|tribunals?)\b",
    r"\b(?:never|not|no|hasn't|haven't|hasnt|havent|without|don't|do not|doesn't)\b{W}{0,40}\b(?:restrain\w*|restraint\w*|seclu\w*|isolation (?:room|booth)s?|physical(?:ly)? interven\w*)|\b(?:restrain\w*|restraint\w*|physical(?:ly)? interven\w*)\b{W}{0,60}\b(?:never|not needed|not been|hasn't|haven't|rare|rarely)\b|\b(?:restraint|seclusion|physical intervention)\s+(?:policy|policies|training|reduction|plan|data|records?|log|figures)\b|\b(?:reduc\w*|minimi[sz]\w*|training|trained|policy|policies|approach|avoid\w*|ban\w*|reporting)\s+(?:\w+\s+){0,3}(?:restrain\w*|restraint|seclusion|physical interven\w*)|\brestrained\s+(?:him|her|my|them)sel\w*|\bweighted\s+(?:\w+\s+)?blanket\b|\b(?:likes|loves|enjoys|calm\w*|chooses|asks|prefers)\b{W}{0,40}\b(?:blanket|wrap\w*)\b|\bsat on (?:his|her|my) (?:hands|own)\b|\bprone to\b",
    r"\blocked\s+in\s+(?:a\s+|an\s+|the\s+)?(?:battle|dispute|fight|argument|tribunal|process|cycle|loop|negotiations?|conflict|stalemate)\b|\blocked\s+out\s+of\s+(?:the|his|her|my|our)\s+(?:account|portal|system|app|email|website)\b|\block\w*\s+(?:the\s+)?doors?\b{W}{0,60}\b(?:so|because|as|in case)\s+(?:he|she|they)\s+(?:can't|cannot|doesn't|does not|won't|will not|don't|runs?|wanders?|absconds?|escapes?|bolts?|tries to|might|could)\b|\block\w*\s+(?:his|her)\s+(?:medication|meds|knives|the knives|cupboards?)\b|\blocked\s+away\s+(?:in|at|safely)\b",
    r"\b(?:shout\w*|scream\w*|swear\w*|yell\w*)\s+(?:\w+\s+)?at\s+(?:me|us|him|her)\s+(?:to|for|about)\s+(?:tidy|clean|hurry|get up|get dressed|get ready|come|stop|go to bed|be quiet|do (?:my|our|his|her) homework|turn|put|sit down|line up|finish|eat|brush)\b|\b(?:shout\w*|scream\w*|yell\w*)\s+(?:\w+\s+)?at\s+(?:me|us|him|her)\b{W}{0,40}\b(?:routine|changes?|meltdown|no|when (?:he|she) (?:can't|is|gets))\b",
    r"\bthreat\w*\s+(?:(?:us|me|him|her|them|the family|my family|parents|families|my son|my daughter|my child)\s+)?(?:with\s+|to\s+|of\s+)?(?:a\s+|an\s+|the\s+)?(?:exclu\w*|fine\w*|court|legal|prosecut\w*|tribunal|judicial|take (?:us|me|him|her) to court|report\w*|withdraw\w*|remov\w*|stop\w*|clos\w*|refer\w*|permanent|cut\w*|end\w*|funding|letters?|emails?|attendance|penalt\w*|section|social services|call social|deregist\w*|off.?roll\w*|his place|her place|placement|suspension|detention|(?:take|taking|remove|removing|stop|stopping|lose|losing|miss|missing|cancel\w*|ban\w*)\s+(?:away\s+)?(?:\w+\s+){0,2}(?:golden time|playtime|break|breaktime|lunchtime|privileges|rewards?|trips?|phone|ipad|tablet|xbox|console|screen time|pocket money|treats?|football|activities|the trip|prom))|\b(?:under|no|little|a real|a serious|the)\s+threat\b|\bthreatening\s+(?:letters?|emails?|tone|language|manner|calls?)\b|\bthreat\w*\s+(?:to|of)\s+(?:his|her|their|our|the)\s+(?:place|placement|funding|support|provision|school|service)\b",
    r"\babus\w*\s+of\s+(?:the\s+)?(?:process|power|powers|system|position|procedure|procedures|discretion|law|funds|public money|authority|statutory|legal|rules|data|trust)\b|\babus\w*\s+(?:\w+\s+){0,4}by\s+(?:the\s+)?(?:system|process|council|la|local authority|services|professionals|panel|nhs)\b|\b(?:system|process|council|la|local authority|services)\b{W}{0,30}\babus\w*|\b(?:signs?|indicators?|training|awareness|recogni[sz]\w*|spot\w*|identify\w*|prevent\w*|protect\w*|tackl\w*|talks?|assembly|lessons?|sessions?|workshops?|courses?|policy|policies)\b{W}{0,40}\b(?:abus\w*|neglect\w*|exploit\w*|groom\w*|county lines|traffick\w*|fgm|forced marr\w*|self.?harm\w*|suicid\w*|bull\w*|knife|knives|drugs|domestic|sexual|sex|coerc\w*|violen\w*|gangs?|cse|cce|restrain\w*|online|nudes?)|\b(?:abus\w*|neglect\w*|exploit\w*|groom\w*|county lines|traffick\w*|self.?harm\w*|suicide|bull\w*|drugs|sexual\w*|violen\w*|gangs?|knife crime)\b{W}{0,40}\b(?:training|awareness|policy|policies|procedures?|toolkit|strategy|screening|pathway|framework|guidance|audit|champions?|lead|team|service|charity|prevention|education|workshops?|assembly|talks?|sessions?|lessons?|week|day|month|ambassadors?|helpline)\b|\babus\w*\s+(?:\w+\s+){0,3}(?:staff|workers|officers|teachers|the senco|professionals)\b|\b(?:verbal(?:ly)?|online)\s+abus\w*\s+(?:from|by)\s+(?:other\s+)?(?:parents|families)\b|\babus\w*\s+(?:the|their|its|his|her)\s+(?:system|power|powers|position|process|authority|trust)\b",
    r"\b(?:personal|self|self-care|hair|dog|pet|horse|pony)\s+groom\w*|\bgroom\w*\s+(?:skills|routines?|needs|and (?:dressing|hygiene|washing)|tasks|himself|herself|the (?:dog|horse|pony|cat))\b|\bbride and groom\b",
    r"\b(?:could|might|may|would|will|easily|vulnerable to|risk of|at risk|in case|worr\w*|scared|afraid|concerned|fear\w*)\b{W}{0,40}\b(?:exploit\w*|groom\w*|abus\w*|bull\w*|taken advantage|led astray|gangs?)\b|\bexploit\w*\s+(?:the|this|a|our|their|his|her)\s+(?:system|loophole|gap|situation|goodwill|strengths?|interests?|potential)\b|\bgangs?\s+(?:of\s+)?(?:friends|mates|girls|boys)\s+(?:at|from|in)\b",
    r"\b(?:our|a|his|her|their|no|an open|open)\s+secret\s+(?:weapon|santa|garden|ingredient|to success|code|agent|door|diary)\b|\b(?:no|open|not a)\s+secret\b|\bsecret\s+(?:santa|garden|ingredient|weapon|code|agent|door)\b|\b(?:can't|cannot)\s+tell\s+(?:you|anyone|anybody|people|the)\s+(?:how|what|enough|why|the difference|if|whether|when)\b|\bdelet\w*\s+(?:all\s+)?(?:the|their|our|his|her|my|your)?\s*(?:chats?|messages|texts|dms|history|pics|photos)\b{W}{0,40}\b(?:school|app|seesaw|tapestry|class dojo|dojo|teams|storage|space)\b",
    r"\b(?:friends?|mates?|cousins?|classmates?|family|brother|sister|dad|mum|nan|grandad|gaming group)\b{W}{0,30}\b(?:online|on (?:discord|snapchat|snap|roblox|fortnite|minecraft|instagram|insta|tiktok|whatsapp|xbox|playstation|facebook|the internet|a game|an app|games?|kik|omegle|telegram|twitch|youtube))\b{W}{0,60}\b(?:safe\w*|supervis\w*|monitor\w*|parental controls?|we know|in real life|from school|from his class|from her class)\b|\b(?:safely|supervised|monitored|we supervise|we monitor|parental controls?)\b{W}{0,60}\b(?:online|discord|snapchat|roblox|fortnite|minecraft|instagram|tiktok|whatsapp|xbox)\b",
    r"\b(?:sex|sexual\w*)\s+(?:education|ed|and relationships?|health|orientation|identity|development|differences|ratio|discrimination)\b|\b(?:relationships?|rse|pshe)\s+(?:and|&)\s+sex\w*\b|\brse\b|\bsex of\b|\bsame.?sex\b|\bopposite sex\b|\bsingle.?sex\b|\bsexuality\b|\b(?:strips?|stripping|stripped|running around|runs? around|ran around)\s+(?:\w+\s+)?naked\b|\bnaked\s+eye\b|\bnaked\s+(?:in|during|when)\s+(?:\w+\s+){0,3}(?:meltdowns?|overwhelmed|sensory|bath\w*|getting dressed)\b",
    r"\btouch\w*\s+(?:me|him|her|us)\s+(?:that|to see|to hear|by|deeply|so much)\b|\b(?:like|likes|liked|hate|hates|hated|stand|bear|tolerate|tolerates|cope with|copes with|mind|minds|sensory|defensive|can't stand|can't bear|won't let|wont let|doesn't let|scared of|upset by|upsets)\b{W}{0,30}\btouch\w*(?:\s+(?:me|him|her|them|(?:my|his|her|their)\s+\w+))?|\btouch\w*\b{W}{0,30}\b(?:sensory|defensive|his work|her work|toys|things|stuff)\b|\bkiss\w*\s+(?:me|him|her)\s+(?:goodnight|good night|goodbye|bye|on the (?:cheek|forehead|head|hand))\b|\b(?:hugs?|cuddles?)\s+and\s+kiss\w*",
    r"\b(?:photos?|pics?|pictures?|vids?|videos?|images?|film\w*|recordings?|selfies|snaps?)\s+of\s+(?:me|him|her|them)\s+(?:\w+\s+){0,3}(?:doing|playing|learning|working|at (?:school|sports day|forest school|the trip|the park|nursery|the zoo|the beach|the farm)|on (?:tapestry|seesaw|class dojo|dojo|the app|the website|trips?)|for (?:his|her|my|the|their) (?:book|journal|folder|portfolio|profile|passport|plan|learning|records?|ehcp)|with (?:his|her|my|their) (?:friends|class|work|family)|smiling|happy|enjoying|having fun|and (?:his|her) work|every day|in the (?:play|show|nativity|concert))\b|\b(?:send|sends|sent|sending|share|shares|shared|sharing)\s+(?:us\s+|me\s+)?(?:photos|pictures|pics|videos)\s+(?:of\s+)?(?:his|her|their|the)\s+(?:work|day|learning|activities|progress)\b|\b(?:news|word|rumours?|gossip|illness|bug|virus|covid|flu|nits|chickenpox|sickness)\b{W}{0,30}\b(?:round|around)\s+(?:the\s+)?(?:whole\s+)?(?:school|year|class)\b",
    r"\bneglect\w*\s+(?:toolkit|strategy|training|screening|tool|tools|policy|pathway|framework|guidance|procedures?|audit|champions?|lead|of duty)\b|\bneglect\w*\s+(?:their|its|his|her|the|our)\s+(?:duty|duties|responsibilit\w*|statutory|legal)\b|\bneglect\w*\s+(?:by|from)\s+(?:the\s+)?(?:system|council|la|local authority|services|school|schools|government|nhs|state|professionals|authorities|camhs)\b|\b(?:council|la|local authority|system|government|schools?|services|authority|camhs|nhs|the state|professionals)\b{W}{0,30}\bneglect\w*|\bneglect\w*\s+(?:of|in)\s+(?:duty|send|provision|sen)\b",
    r"\bno\s+food\s+(?:tech\w*|science|lessons?|preparation|prep|hygiene)\b|\bno\s+(?:food|drink)\s+(?:or drink\s+)?(?:is\s+|are\s+)?(?:allowed|in (?:class|the classroom|lessons|the car|the library)|on the (?:\w+\s+)?(?:bus|taxi|minibus|transport|coach))\b|\bno\s+(?:breakfast|lunch|after school|homework)\s+(?:club|clubs)\b|\bno lunch (?:time|break)\b|\bno (?:dinner|lunch) (?:money|hall|staff|supervisor|supervisors|time)\b|\bno free school meals\b|\bno (?:food|dinner|tea|breakfast|lunch) (?:\w+\s+)?(?:plans?|provision|choices?) (?:for|that)\b|\b(?:hungry|starving|starved)\s+(?:\w+\s+)?(?:for|to)\s+(?:\w+\s+)?(?:learn\w*|knowledge|facts|success|more|information|attention|progress|praise|books|reading|stories)\b|\b(?:hungry|starving)\s+(?:\w+\s+)?(?:after|before|by|at|when (?:he|she|i) (?:gets?|get) (?:home|in))\s+(?:\w+\s+){0,2}(?:swimming|school|pe|sport|football|training|lunch|dinner|tea|break|the end|home time|playtime|home)\b|\b(?:medication|meds|tablets|growth spurt|prader\w*|pws|steroids|diabet\w*|tube|peg)\b{W}{0,40}\b(?:hungry|starving)\b|\b(?:hungry|starving)\b{W}{0,40}\b(?:medication|meds|tablets|growth spurt|prader\w*|pws|steroids|diabet\w*)\b|\bstarved\s+of\s+(?:funding|money|resources|support|cash|investment|attention|staff)\b|\b(?:get|gets|got|feel\w*|is|was|am|i'm|goes|go)\s+(?:\w+\s+)?hungry\s+(?:in|during|before)\s+(?:\w+\s+)?(?:lessons?|maths|english|class|the morning|assembly)\b|\bfed\s+up\b|\bfeed\w*\s+(?:back|into|through|in)\b|\b(?:tube|peg|ng)\s+fe(?:e)?d\w*|\bfeeding\s+(?:tube|plan|team|clinic|therapy|difficulties|issues|problems|pump)\b|\b(?:lose|loses|lost|losing)\s+(?:his|her|my|their)\s+(?:lunch|dinner)\s+(?:money|box|card|pass)\b|\bwell\s+fed\b",
    r"\b(?:toilets?|bathrooms?|changing rooms?|classrooms?|school|building|hall|canteen|bus|taxi|minibus|portacabin|ward|unit|respite)\b{W}{0,40}\b(?:dirty|filthy|smelly|stinky|no heating|no beds?)\b|\bno\s+beds?\s+(?:available|space|spaces|in (?:the\s+)?(?:hospital|unit|ward|respite)|at (?:the\s+)?(?:hospital|unit|respite))\b|\bno\s+(?:coat|shoes)\s+(?:on|peg|pegs|rack)\b|\b(?:refuses|refused|won't|wont|doesn't)\s+(?:\w+\s+){0,2}(?:coat|shoes)\b",
    r"\bleft\s+(?:\w+\s+){0,3}(?:alone|on (?:my|his|her|their|our) own|by (?:myself|himself|herself|themselves|ourselves))\s+to\s+(?:deal|cope|fight|sort|manage|figure|work|get on|navigate|pick|find|battle|struggle|do|chase|research|arrange|organise|organize|pay|fund)\b|\b(?:likes?|like to be|likes to be|prefers?|prefer to be|wants to be|want to be|needs to be|need|needs|asks to be|chooses to be|happy to be|calm when)\s+(?:\w+\s+)?(?:left\s+)?(?:alone|on (?:his|her|my|their) own)\b|\balone\s+(?:time|space)\b|\bsleep\w*\s+on\s+(?:the\s+)?floor\b{W}{0,40}\b(?:sensory|prefers?|likes?|chooses|loves|sleeping bag|camping|sleepover|mattress)\b|\b(?:sensory|prefers?|likes?|chooses|loves|sleeping bag|camping|sleepover)\b{W}{0,40}\bsleep\w*\s+on\s+(?:the\s+)?floor\b|\b(?:nobody|no one|noone|no-one|no body)\s+(?:\w+\s+)?(?:is\s+(?:in|at home|home))\s+(?:to\s+)?(?:answer|pick up|take)\b",
    r"\b(?:kicked|thrown|chucked|turned|threw|kick|throw|chuck)\s+(?:me|him|her|them|us)?\s*out\s+(?:of\s+(?:(?:the|his|her|my|their|our|a)\s+)?(?:\w+\s+){0,2}(?:school|class|classes|lessons?|classroom|room|meeting|club|group|shop|cinema|restaurant|pool|park|game|team|activity|trip|assembly|hall|nursery|college|provision|setting|unit|course|scouts|brownies|cubs|session)|on (?:a|the) limb|(?:for|to) (?:lunch|dinner|tea|the day|a treat|a walk|a drive)|the window|the rubbish|his toys|her toys)\b|\b(?:thrown|threw|throw|throws)\s+out\s+(?:the|his|her|my|our|their)\s+(?:\w+\s+)?(?:application|request|appeal|complaint|case|claim|report|evidence|plan|toys|clothes|food|rubbish)\b|\bhomeless\w*\s+(?:team|service|department|charity|prevention|officer|application)\b|\b(?:made|became|become|being)\s+homeless\b{W}{0,60}\b(?:temporary accommodation|housing|council|moved|placed|hostel|bed and breakfast|b&b)\b",
    r"\b(?:adhd|epilepsy|epileptic|anti\w*|seizure|prescribed|prescription|medical|trial|new|his|her|the|my|these|those)\s+drugs?\b|\bdrugs?\s+(?:for|to help|to control|trial|and alcohol (?:education|awareness|service|team|worker|services))\b|\b(?:talk|assembly|lesson|workshop|session|education|awareness)\s+(?:\w+\s+){0,2}(?:on|about)\s+(?:drugs|alcohol)\b|\b(?:drunk|drank)\s+(?:water|milk|juice|enough|any|some|it|from|his|her|a|the)\b|\bpunch.?drunk\b|\b(?:weed|weeds|weeding)\s+(?:the|out)\b",
    r"\b(?:cut|cuts|cutting|cutted)\s+(?:my|him|her|them)sel(?:f|ves)\s+(?:a|an|some|the)\b|\b(?:cut|cuts|cutting|cutted)\s+(?:my|him|her|them)sel(?:f|ves)\s+(?:\w+\s+){0,3}(?:shaving|cooking|on (?:a|the) (?:tin|can|knife|glass|paper|edge))\b|\b(?:\w+\s+)?cutting\s+(?:\w+\s+)?(?:hours|funding|support|services|costs|corners|provision|budgets?|transport|back|down|out|it fine|it close|edge|paper|shapes|food|hair|nails|teeth|the (?:cake|grass|hedge|lawn)|pictures)\b|\bshoulder\s+blades?\b|\b(?:razor|razors)\b{W}{0,30}\bshav\w*|\bshav\w*\b{W}{0,30}\brazors?\b|\b(?:blade|blades)\s+(?:runner|of grass)\b|\bhelicopter\s+blades?\b|\b(?:fan|scooter|roller|rollerblades|skate)\s+blades?\b|\bgrass\b",
    r"\b(?:ears?|teeth|tooth|head)\s+(?:\w+\s+)?(?:bang\w*|bleed\w*|bled)\b{W}{0,30}\b(?:music|party|noise)\b|\bhead.?bang\w*\s+(?:to|at)\s+(?:music|the music|a concert|gigs?)\b",
    r"\bend\s+(?:it|things)\s+(?:there|here|at that|with\s+(?:my|his|her|the)\s+(?:boyfriend|girlfriend|partner|ex|provider|agency|school|placement|college|council|la))\b|\bend\s+it\s+(?:all\s+)?(?:on|with)\s+(?:a high|a good note|a positive)\b|\bend (?:things|it) (?:early|now) (?:before|if|so)\b",
    r"\b(?:(?:there's|there is|is|it's|its|theres)\s+)?(?:no\s+point)\s+(?:in\s+|of\s+)?(?:\w+\s+){0,2}(?:complain\w*|ask\w*|telling|tell|ringing|ring|call\w*|email\w*|apply\w*|appeal\w*|going to (?:the|a) (?:council|school|meeting|gp|doctor|review)|arguing|chasing|writing|contacting|the (?:review|meeting|plan|ehcp|council|process|form|report|assessment|appointment|referral|complaint|tribunal)|reviews?|meetings?|forms?|(?:his|her|my|the)\s+(?:homework|plan|ehcp|review)|homework|school|lessons?|maths|english|science|tests?|exams?|revis\w*|trying to (?:get|explain|talk|speak|make|contact)|fighting|pushing|waiting|them|it|that|this)\b|\b(?:council|school|they|la|panel|camhs|gp|service|services|system)\b{W}{0,30}\bno point\b|\bsee\s+(?:the|any)\s+point\s+(?:of|in)\s+(?:the|a|an|this|that|his|her|my|our|their|doing|going to|school|homework|maths|english|lessons?|tests?|exams?|reviews?|meetings?|complain\w*|asking|it|them|reading|writing|learning|revision|pe|uniform|rules?)\b|\bpoint\s+(?:scoring|of view|system)\b",
    r"\b(?:(?:don't|do not|doesn't|does not|didn't|did not|never|not|no longer|wouldn't|would not)\s+(?:\w+\s+)?(?:feel|feels|felt)\s+(?:\w+\s+)?|not\s+(?:\w+\s+)?)?(?:unsafe|safe)\b{W}{0,60}\b{BENIGN}\b|\b{BENIGN}\b{W}{0,40}\b(?:unsafe|not safe|feel safe|feels safe|felt safe)\b|\b(?:afraid|frightened|scared|terrified|petrified|fear|fears|feared|fearful|scares|scare|scary|scarey|terrifying|frighten|frightens)\b{W}{0,60}\b{BENIGN}\b|\b{BENIGN}\b{W}{0,40}\b(?:afraid|frightened|scared|terrified|petrified|fear|fears|feared|fearful|scares|scare|scary|scarey|terrifying|frighten|frightens)\b|\b(?:i'm|i am|we're|we are|i was|afraid)\s+afraid\s+(?:that|to say|i|we|it|so|not|this|the)\b|\b(?:my|our|his|her|the|biggest|greatest|main|real)\s+fears?\s+(?:is|are|was|were|for)\b|\bfear\s+of\s+missing\s+out\b|\bfor\s+fear\s+of\b|\bno\s+fear\b|\bscared\s+(?:to|of)\s+(?:complain\w*|ask|say anything|speak up|challenge|appeal|push|rock the boat|raise|make a fuss|lose|losing)\b",
    r"\b(?:not|isn't|wasn't|never)\s+(?:\w+\s+)?safe\s+(?:for\s+(?:him|her|them)\s+)?(?:to\s+)?(?:travel|walk|cross|go out alone|climb|be near roads|use the|go on the|ride)\b|\b(?:road|roads|traffic|cross\w*|sense of danger|runs? off|ran off|wander\w*|bolt\w*|elope\w*)\b{W}{0,40}\b(?:unsafe|not safe)\b|\b(?:unsafe|not safe)\b{W}{0,40}\b(?:road|roads|traffic|crossing|sense of danger|runs? off|wander\w*|bolt\w*)\b|\bunsafe\s+(?:behaviou?rs?|building|buildings|equipment)\b|\bnot\s+(?:\w+\s+)?safe\s+(?:to say|to assume|bet)\b|\bsafe\s+(?:and|&)\s+(?:happy|well|settled|sound)\b",
    r"\bbull\w*\b{W}{0,80}\b(?:sorted|resolved|dealt with|deals? with it|deal with it|handled|stopped|stamped out|tackled|fine now|ok now|okay now|all good|over now|not any ?more|no longer|in the past|great now|happy now|brilliant now|was (?:really )?good|were (?:really )?good|(?:new|this) school (?:is|are) (?:great|brilliant|lovely|amazing|better)|straight away|quickly|really well)\b|\b(?:used to|last year|at (?:his|her|my|our) old school|years ago|in year \d+|in primary|at primary|previous school|former school|in the past)\b{W}{0,30}\bbull\w*|\b(?:anti.?bullying|zero tolerance)\b|\bbullying\s+(?:policy|policies|is dealt|is taken|is not tolerated|ambassadors?|week|workshop|charter|lessons?|survey|procedures?|incidents are|is rare|is handled)\b|\bbull\w*\s+(?:is|are)\s+(?:dealt|handled|taken|not tolerated|rare)\b|\b(?:feel|feels|felt|being|been|was|were|get|gets|got)\s+(?:\w+\s+)?bullied\s+(?:by|into)\s+(?:the\s+)?(?:la|council|local authority|school|system|professionals|panel|services|senco|head|headteacher|caseworker|officer|sendias|camhs|accepting|signing|agreeing)\b|\bbully\w*\s+(?:tactics|culture)\b|\b(?:he|she|they)\s+(?:\w+\s+)?bull(?:ies|ied|y)\s+(?:others|other|his|her|younger)\b|\bbull(?:dog|dozer|et|ets|ring|y for you|y for him|y for her)\b",
    r"\b(?:run|runs|ran|running)\s+away\s+(?:from\s+)?(?:(?:the|this|our|that|their)\s+(?:problem|problems|issue|issues|truth|fact|responsibilit\w*|question|conversation)|with (?:it|the idea)|from (?:class|the class|the classroom|lessons?|the lesson|the hall|assembly|work|the table|staff|adults|the room|his ta|her ta|the dentist|the doctor|demands|it all|everything)|(?:in|at|around|about|from) (?:the )?(?:playground|park|field|garden|supermarket|shops?|beach|school gates))\b|\b(?:playground|park|supermarket|shop|shops|beach|field)\b{W}{0,40}\b(?:run|runs|ran|running)\s+away\b|\bmissing\s+(?:from\s+)?(?:education|school|lessons)\b",
    r"\b(?:fight|fights|fighting|fought|argue|argues|arguing|row|rows|rowing)\b{W}{0,40}\b(?:council|la|school|system|professionals|tribunal)\b",
    r"\b(?:paperwork|forms?|reports?|files?|letters?|emails?|evidence|plans?|documents?|records?|ehcp|applications?|things|stuff|kit|uniform|shoes|coats?|bags?|money|equipment|hearing aids?|glasses|it|they|post|notes|minutes)\s+(?:\w+\s+)?(?:go|goes|went|gone|going|keeps? going|has gone|have gone)\s+missing\b|\b(?:go|goes|went|gone|going)\s+missing\b{W}{0,60}\b(?:shopping centre|supermarket|park|shop|beach|playground|for (?:\w+\s+)?(?:minutes|mins|a minute)|sense of danger|found (?:him|her) (?:straight away|quickly|soon))\b",
    r"\b(?:feel|feels|felt|like)\s+(?:\w+\s+){0,3}bang\w*\s+(?:my|our|his|her|their)\s+heads?\s+against\b|\bbang\w*\s+(?:my|our|their)\s+heads?\s+against\s+(?:a\s+)?(?:brick\s+)?walls?\b",
    r"\b(?:children|young people|pupils|students|kids|people|those|anyone|families|parents)\s+(?:who|that)\s+(?:\w+\s+)?(?:self.?harm\w*|are\s+(?:suicidal|self.?harming|being\s+bullied|bullied|abused|neglected|exploited))\b|\bself.?harm\w*\s+(?:services?|team|pathway|support|training|policy|protocol|wait\w*|referrals?|clinic)\b",
    r"\bbull\w*\s+(?:\w+\s+){0,3}(?:at|in)\s+(?:his|her|my|our|their)\s+(?:old|last|previous|first|former|primary)\s+(?:school|class|college|nursery|setting)\b|\bzero tolerance\b{W}{0,40}\bbull\w*|\banti.?bull\w*|\b(?:help\w*|support\w*|deal\w*|advice|advised)\s+(?:\w+\s+){0,3}(?:with|on|about)\s+(?:a\s+|the\s+|some\s+)?bull\w*",
    r"\bhit\w*\s+(?:us|me|him|her|them|the family|families|everyone|everybody)?\s*(?:really\s+|so\s+|very\s+)?hard\b|\bhit\w*\s+(?:\w+\s+)?(?:brick\s+)?(?:wall|walls|targets?|milestones?|ceiling|limit|peak|jackpot|headlines|button|nail|spot|ground running|deadlines?|mark|marks|low|snag|barrier|dead end|books|sack|gym|puberty|teens|rock bottom)\b|\bhit\w*\s+(?:me|him|her|us|them)?\s*with\s+(?:a|an|another|the|yet another|more|this)\s+(?:\w+\s+){0,3}(?:exclusion|fine|letter|bill|detention|sanction|suspension|decision|refusal|rejection|demand|charge|penalty|news|diagnosis|cut|cuts|bombshell|reality|plan|report|email|request)\b",
    r"\b(?:could|could've|could have|would|would've|i'd|i'll|wanted to|want to|felt like|feel like|ready to|going to|gonna|nearly|almost)\s+(?:\w+\s+)?(?:kill\w*|kil|strangl\w*|murder\w*|throttl\w*|punch\w*|slap\w*|shake|shook|thump\w*|swing for|scream at|shout at)\s+(?:the|that|this|our|his|her|my|a|some)\s+(?:\w+\s+)?(?:caseworker|case worker|case officer|senco|head|headteacher|head teacher|council|la|officer|panel|school|system|manager|consultant|paediatrician|gp|receptionist|sendco|coordinator|teacher|person|lady|bloke|computer|printer|laptop|phone)\b",
    r"\babus\w*\s+(?:that\s+)?(?:we|i|parents|families|staff)\s+(?:\w+\s+)?(?:received|got|get|had|took|receive|suffer\w*|faced|face)\b|\babus\w*\s+(?:\w+\s+){0,2}(?:from|by)\s+(?:the|a|an|our)\s+(?:council|la|local authority|officer|caseworker|case worker|school|staff|panel|professionals?|other parents|parents|members of the public|public|head|senco|receptionist|services?)\b",
    r"\bdying\s+inside\b|\brather\s+die\s+than\b|\b(?:i'm|im|i am|he's|she's|it's|its)\s+dead\s+(?:against|set|serious|good|nice|funny|easy|hard|happy|excited|boring|proud|strict|tired|chuffed|right|lucky|keen|worried|bored|jealous|pleased|gutted|annoyed|quiet|loud|busy|cool|clever|kind|fun)\b|\bdead\s+(?:end|ends|line|lines|loss|weight|heat|on|centre)\b|\bdeadline\w*",
    r"\b(?:it|this|that|which|and it)\s+(?:really\s+|so\s+|still\s+|just\s+)?hurt\w*\s+(?:me\s+|us\s+)?(?:to|that|when|so much|a lot|deeply)\b",
    r"\b(?:was|felt like|like|is|it's|its)\s+(?:a\s+)?(?:real\s+)?(?:punch|kick|slap|stab)\s+in\s+the\s+(?:gut|teeth|face|stomach|back)\b",
    r"\b(?:felt|feel|feeling|feels)\s+(?:so\s+|really\s+|very\s+|quite\s+|a bit\s+)?(?:attacked|ambushed|threatened|bullied|abused|hit)\s+(?:in|by|at|during)\s+(?:the|that|this|every|a|our|each)\s+(?:\w+\s+)?(?:meeting|meetings|review|panel|tribunal|council|la|school|process|system|report|email|letter|hearing|call|conversation|professionals)\b",
    r"\bviolen\w*\s+(?:\w+\s+){0,3}(?:for|in)\s+(?:the|a|mainstream|this|that|his|her)\s+(?:school|class|setting|classroom|unit)\b|\btoo\s+violent\b|\bviolen(?:t|ce)\s+(?:outbursts?|behaviou?rs?|meltdowns?|episodes?|incidents?|video\s+games?|games?|films?|tv)\b|\bnon.?violen\w*",
    r"\b(?:hungry|starving)\b{W}{0,60}\b(?:won't|wont|doesn't|does not|refuses to|refused to|can't|cannot|will not|didn't|did not|doesnt)\s+(?:\w+\s+)?eat\b|\b(?:hungry|starving)\s+when\s+(?:he|she|i|they)\s+(?:gets?|get|come|comes)\s+(?:home|in)\b|\bstarv\w*\s+(?:the|a|our|their|schools?|services?|send|it)\s+(?:\w+\s+)?of\b|\b(?:hungry|starving)\s+for\s+(?:\w+\s+){0,2}(?:communication|information|news|answers|support|help|respite|a break|sleep|attention|knowledge|facts|learning|progress|praise|books|reading|stories|success|more|change|contact|honesty|transparency|a decent|decent|proper|some)\b|\b(?:tube|peg|feeds?|feeding)\b{W}{0,40}\b(?:hungry|starving)\b",
    r"\bbl(?:ee|e)d\w*\b{W}{0,40}\b(?:tooth|teeth|gums?|nose|operation|surgery|injection|jab|period|dentist|blood test|cannula)\b",
    r"\boverdos\w*\s+(?:of|on)\s+(?:sugar|sweets|chocolate|e.?numbers|screens?|screen time|tv|fun|information|excitement|energy|caffeine|fizzy|haribo|cake|paperwork|meetings)\b",
    r"\bleft\s+(?:\w+\s+){0,2}(?:alone|on (?:his|her|their) own)\s+(?:at|in|during|for)\s+(?:\w+\s+)?(?:lunch|lunchtime|break|breaktime|playtime|the playground|class|lessons?|school|the classroom|pe|assembly)\b",
    r"\b(?:(?:want|wanna|wants|wanted|wish|wished|wishes|just want)\s+(?:to\s+)?(?:just\s+)?)?disappear\w*\b{W}{0,40}\b(?:in front of|asks? me|asked me|questions|embarrass\w*|read(?:ing)? (?:out|aloud)|presentations?|speak\w*|the teacher|shy|the ground|under the table|into the floor)\b|\b(?:embarrass\w*|cringe|shy)\b{W}{0,40}\bdisappear\w*",
    r"\b(?:children|pupils|kids|young people|students|some|they)\s+(?:\w+\s+)?abscond\w*|\babscond\w*\s+(?:risk|policy|procedures?)\b",
    r"\bknife\s+(?:and|&)\s+fork\w*|\bknives\s+(?:and|&)\s+forks\b|\b(?:knife|knives)\s+(?:skills|safely|to cut|work|crime|awareness|amnesty)\b|\b(?:butter|table|bread|plastic|toy|cake|palette|craft|stanley)\s+knife\b|\b(?:knife|knives|blade|blades)\b{W}{0,50}\b(?:cook\w*|chef|kitchen|baking|cutlery|food tech\w*|dinner|lunch|meal\w*|crafts?|dt)\b|\b(?:cook\w*|chef|kitchen|baking|cutlery|food tech\w*)\b{W}{0,50}\b(?:knife|knives|blade|blades)\b|\bnerf\s+guns?\b|\b(?:water|toy|glue|nerf|pretend|staple)\s+guns?\b|\bgun\s+games?\b|\bweapons?\s+(?:in|on)\s+(?:fortnite|minecraft|the game|games?|call of duty)\b",
    r"\b(?:restrain\w*|restraint\w*|physical(?:ly)? interven\w*)\b{W}{0,60}\b(?:last resort|always recorded|recorded and reported|in line with|according to (?:the|their) policy)\b",
    r"\b(?:take|took|taken|taking|remove\w*|confiscat\w*|lost|lose|losing|no|loses|miss\w*)\s+(?:\w+\s+){0,3}(?:ipad|phone|tablet|xbox|console|screen time|pocket money|treats?|golden time|playtime|privileges|tv|games?|break|trip|football)\b{W}{0,40}\bas\s+(?:a\s+)?punishment\b|\bas\s+(?:a\s+)?punishment\b{W}{0,40}\b(?:ipad|phone|tablet|xbox|console|screen time|pocket money|treats?|golden time|playtime|privileges|tv|games?|detention|trip)\b|\b(?:detentions?|exclusions?|isolation|sanctions?|consequences?)\b{W}{0,30}\bas\s+(?:a\s+)?punishment\b",
    r"\b(?:was|got|been|being|were|like)?\s*(?:being\s+)?hit\s+by\s+(?:a|the)\s+(?:car|bike|bus|ball|van|lorry|swing|door|cricket ball|football|train|truck|ton of bricks|tonne of bricks|brick|wave|wall)\b",
    r"\bweapons?\b{W}{0,40}\b(?:council|la|local authority|school|system|against (?:parents|families|us))\b|\b(?:council|la|local authority|school|system|they)\b{W}{0,40}\bweapons?\b",
    r"\b(?:(?:bit|bite|bites|biting|chew\w*|pick\w*)\s+(?:his|her|my|their)\s+(?:nails|cuticles|lips?)\b{W}{0,20}\b)(?:till|until)\s+(?:\w+\s+){0,2}(?:bleed\w*|bled)\b{W}{0,60}\b(?:exams?|tests?|anxious|nervous|fidget\w*|now|but)\b",
    r"\bhomeless\w*\b{W}{0,60}\b(?:but (?:we|now)|now (?:we|have|live)|rehoused|council house|housed now|found (?:a|us))\b",
    r"\b(?:don't|dont|do not|doesn't|doesnt|does not|hate|hates)\s+(?:like\s+)?(?:being|going|staying)\s+(?:at\s+)?home\b{W}{0,60}\b(?:bored|boring|holidays?|routine|structure|nothing to do|screen|wifi|school is|prefers school|loves school|friends)\b",
    r"\b(?:concern\w*|worr\w*|anxious|nervous)\b{W}{0,40}\bbull\w*|\bbull\w*\b{W}{0,40}\b(?:concern\w*|worr\w*)\s+(?:for|about|at|when)\b",
    r"\b(?:verbal(?:ly)?\s+)?(?:abus\w*|aggress\w*|threat\w*)\s+(?:\w+\s+){0,2}(?:towards?|to|at|with)\s+{TARGET}\b|\b{BEHAVIOUR}{W}{0,60}\b(?:abus\w*|threat\w*)\b|\b(?:abus\w*|threat\w*)\b{W}{0,60}\b{BEHAVIOUR}",
    r"\b(?:older|grown)\s+(?:lads|men|guys|blokes|boys)\b{W}{0,60}\b(?:at (?:youth club|football|scouts|cadets|church|the club)|let (?:me|him|her)|helped|help|kind|nice|coach\w*|mentor\w*|play)\b",
];

/// Who or what, named beside a frightened child, means the fright may not be
/// ordinary even when an ordinary thing is named too.
const FEAR_CONTEXT: &str = r"\b(?:dad|daddy|dads|mum|mummy|mums|mam|mom|father|mother|step\w*|boyfriend|girlfriend|partner|uncle|brother|cousin|nan|grandad|man|lads|older (?:boys|kids|lads|men)|someone|somebody|at home|going home|go home|house|bedroom|touch\w*|hurt\w*|hit\w*|shout\w*|drunk|drink\w*|temper|angry|escort|driver|carer|touch\w*)\b";

// ---------------------------------------------------------------------------
// Structured personal data
// ---------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Structured {
    Email,
    Phone,
    Nhs,
    Postcode,
    Address,
    AddressNamed,
    DateOfBirth,
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

fn structured_specs() -> Vec<(Structured, String)> {
    let day = r"\d{1,2}(?:st|nd|rd|th)?";
    let date = format!(
        r"(?:{day}\s+(?:of\s+)?{MONTH},?\s+\d{{2,4}}|{MONTH}\s+{day},?\s+\d{{4}}|\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}|{day}\s+(?:of\s+)?{MONTH}\b|{MONTH}\s+\d{{4}})"
    );
    let street = "street|st|road|rd|lane|ln|avenue|ave|close|drive|way|crescent|court|place|grove|gardens|terrace|walk|hill|row|square|mews|park|rise|view|green|parade|vale|fold|croft|gate|wynd|brow";
    vec![
        (
            Structured::Email,
            r"[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)+".to_string(),
        ),
        // UK numbers: +44 / 0044 / 0 then nine or ten more digits, spaced as people do.
        (
            Structured::Phone,
            r"(?:(?:\+|\b00)44\s?(?:\(0\)\s?)?|\(?\b0)(?:\d\)?[\s\-]?){8,9}\d\b".to_string(),
        ),
        (
            Structured::Nhs,
            r"\b\d{3}[\s\-]?\d{3}[\s\-]?\d{4}\b".to_string(),
        ),
        (
            Structured::Postcode,
            r"\b([a-z]{1,2})\d[a-z\d]?\s?\d([abd-hjlnp-uw-z]{2})\b".to_string(),
        ),
        (
            Structured::Address,
            format!(r"\b\d{{1,4}}[a-z]?,?\s+((?:[a-z\x27’]+\s+){{1,3}})(?:{street})\b"),
        ),
        (
            Structured::AddressNamed,
            r"(?i:\b(?:(?:live|lives|living|lived|house on|flat on|stay|stays|staying)\s+(?:on|in|at)|moved\s+(?:to|into|onto|in to))\s+)(?:[A-Z][a-z]+\s+){1,2}(?:Street|Road|Lane|Avenue|Close|Drive|Way|Crescent|Court|Place|Grove|Gardens|Terrace|Walk|Row|Square|Mews|Rise|Parade)\b".to_string(),
        ),
        (
            Structured::DateOfBirth,
            format!(
                r"\b(?:d\.?o\.?b\.?|date of birth|birth ?date|born(?:\s+on|\s+in)?|birthday(?:\s+is|\s+was|'s)?(?:\s+on)?)\s*(?:is|was|:|-)?\s*(?:on\s+)?{date}"
            ),
        ),
    ]
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Shape {
    /// "Amira", "McDonald"
    Title,
    Lower,
    /// "SENCO", "JACK", or a lone capital
    Upper,
    /// "iPad"
    Mixed,
}

struct Word {
    start: usize,
    /// End of the word less any possessive "'s".
    end: usize,
    /// Lowercased, curly apostrophes straightened, possessive dropped.
    key: String,
    shape: Shape,
    possessive: bool,
    /// First word of a sentence, line or quotation: a capital says little there.
    sentence_start: bool,
    /// Only spaces separate it from the word before.
    joined: bool,
    /// Only a comma (and spaces) separate it from the word before.
    after_comma: bool,
}

fn shape_of(word: &str) -> Shape {
    let mut chars = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return Shape::Lower;
    };
    let rest: Vec<char> = chars.collect();
    if first.is_uppercase() {
        if rest.is_empty() || rest.iter().all(|c| c.is_uppercase()) {
            Shape::Upper
        } else {
            Shape::Title
        }
    } else if rest.iter().any(|c| c.is_uppercase()) {
        Shape::Mixed
    } else {
        Shape::Lower
    }
}

fn tokenize(text: &str) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut gap_start = 0;
    let mut prev_key = String::new();
    while let Some((i, c)) = chars.next() {
        if !c.is_alphabetic() {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphabetic() {
                end = j + d.len_utf8();
                chars.next();
            } else if matches!(d, '\'' | '’' | '-') {
                // An apostrophe or hyphen joins only when a letter follows.
                let next = text.get(j + d.len_utf8()..).and_then(|r| r.chars().next());
                if next.is_some_and(char::is_alphabetic) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let raw = text.get(i..end).unwrap_or("");
        let gap = text.get(gap_start..i).unwrap_or("");
        let mut key: String = raw
            .chars()
            .map(|c| if c == '’' { '\'' } else { c })
            .collect::<String>()
            .to_lowercase();
        let mut base_end = end;
        let possessive = key.len() > 3 && key.ends_with("'s");
        if possessive {
            key.truncate(key.len() - 2);
            // "'s" is two bytes, "’s" four.
            base_end = if raw.ends_with("’s") {
                end - 4
            } else {
                end - 2
            };
        }
        let abbreviation = matches!(
            prev_key.as_str(),
            "mr" | "mrs" | "ms" | "dr" | "st" | "mx" | "prof"
        ) && gap.trim() == ".";
        let sentence_start = words.is_empty()
            || (!abbreviation
                && gap.chars().any(|g| {
                    matches!(
                        g,
                        '.' | '!' | '?' | ';' | ':' | '\n' | '\r' | '"' | '“' | '”' | '•' | '*'
                    )
                }));
        let joined = !gap.is_empty() && gap.chars().all(|g| g == ' ');
        let after_comma = gap.trim() == ",";
        prev_key.clone_from(&key);
        words.push(Word {
            start: i,
            end: base_end,
            key,
            shape: shape_of(raw),
            possessive,
            sentence_start,
            joined,
            after_comma,
        });
        gap_start = end;
    }
    words
}

// ---------------------------------------------------------------------------
// The detector
// ---------------------------------------------------------------------------

struct Lexicon {
    /// Ordinary words (and places, days, organisations): a capital on one of
    /// these is not a name.
    common: HashSet<&'static str>,
    first_names: HashSet<&'static str>,
    surnames: HashSet<&'static str>,
    titles: HashSet<&'static str>,
    kin: HashSet<&'static str>,
    person_next: HashSet<&'static str>,
    determiners: HashSet<&'static str>,
    negators: HashSet<String>,
    school_words: HashSet<&'static str>,
    setting_generic: HashSet<&'static str>,
    address_stop: HashSet<&'static str>,
    places_near: HashSet<&'static str>,
    postcode_areas: HashSet<&'static str>,
}

fn set(words: &'static str) -> HashSet<&'static str> {
    words.split_whitespace().collect()
}

impl Lexicon {
    fn new() -> Self {
        let mut negators = HashSet::new();
        for w in NEGATORS.split_whitespace() {
            negators.insert(w.to_string());
            if w.contains('\'') {
                negators.insert(w.replace('\'', ""));
            }
        }
        Self {
            common: set(COMMON_WORDS),
            first_names: set(FIRST_NAMES),
            surnames: set(SURNAMES),
            titles: set("mr mrs ms miss mx dr prof professor sir dame auntie aunty uncle"),
            kin: set(KIN),
            person_next: set(PERSON_NEXT),
            determiners: set(
                "the a an this that these those every any some each another no which what whose such",
            ),
            negators,
            school_words: set(
                "primary infant infants junior juniors secondary high grammar academy school college nursery preschool pre-school",
            ),
            setting_generic: set(SETTING_GENERIC),
            address_stop: set(ADDRESS_STOP),
            places_near: set(
                "in from to near at around moved visiting visit live lives living lived outside via towards",
            ),
            postcode_areas: set(POSTCODE_AREAS),
        }
    }

    fn is_name(&self, key: &str) -> bool {
        self.first_names.contains(key)
            || self.surnames.contains(key)
            || key
                .split_once('-')
                .is_some_and(|(a, _)| self.first_names.contains(a))
    }

    /// A common word, or one that looks like one by its ending or plural.
    fn looks_common(&self, key: &str) -> bool {
        if self.common.contains(key) {
            return true;
        }
        if key.contains('-') {
            return key.split('-').any(|part| self.looks_common(part));
        }
        if let Some(stem) = key.strip_suffix('s') {
            // "injections", "assessments": a plural of a common-looking noun.
            const NOUN_ENDINGS: &[&str] = &["tion", "sion", "ment", "ance", "ence", "ist"];
            if self.common.contains(stem)
                || (stem.len() > 4 && NOUN_ENDINGS.iter().any(|e| stem.ends_with(e)))
            {
                return true;
            }
        }
        const ENDINGS: &[&str] = &[
            "tion", "sion", "ment", "ness", "ity", "ing", "ance", "ence", "ism", "ist", "ful",
            "less", "ous", "ive", "able", "ible", "ally", "ical", "ogy", "ship", "ward", "wise",
            "ies", "ised", "ized", "ated", "ly",
        ];
        key.len() > 4 && ENDINGS.iter().any(|e| key.ends_with(e))
    }
}

/// Looks for personal data and possible safeguarding disclosures in free text.
pub struct Detector {
    /// All rules in one automaton: one pass says which rules can match at all.
    safe_rules: Vec<SafeRule>,
    branches: Vec<Branch>,
    /// Branches with a literal to look for, and those without (tried on
    /// every answer; the rules are written so that there are few).
    gate: Gate,
    ungated: Vec<usize>,
    structured: Vec<(Structured, Regex)>,
    child_context: Option<Regex>,
    lexicon: Lexicon,
    /// The broad lexicon, one regex for each kind (and softness).
    fallback: Vec<Fallback>,
    /// Figurative and other readings a lexicon hit may lie inside.
    fallback_exceptions: Vec<BytesRegex>,
    fear_context: Option<BytesRegex>,
    /// The learned layer, for answers no rule flags.
    learned: Learned,
}

struct Fallback {
    kind: SafeguardingKind,
    /// Explained away by an exception only when no threatening person or place is named.
    soft: bool,
    re: BytesRegex,
}

/// A fallback pattern with its word lists filled in.
fn expand_fallback(pattern: &str) -> String {
    pattern
        .replace("{VIOL}", VIOL)
        .replace("{FEAR}", FEAR)
        .replace("{BENIGN}", BENIGN)
        .replace("{ACCIDENT}", ACCIDENT)
        .replace("{BEHAVIOUR}", BEHAVIOUR)
        .replace("{TARGET}", TARGET)
        .replace("{W}", r"[^.!?\n]")
}

/// Each alternative of each fallback exception on its own, so that one
/// exception's match cannot hide another's in the same sentence.
fn fallback_exception_patterns() -> Vec<String> {
    FALLBACK_EXCEPTIONS
        .iter()
        .flat_map(|p| {
            let expanded = expand_fallback(p);
            alternatives(&expanded)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The fallback lexicon joined into one pattern per (kind, softness), in order.
fn fallback_groups() -> Vec<(SafeguardingKind, bool, String)> {
    let mut groups: Vec<(SafeguardingKind, bool, String)> = Vec::new();
    for &(kind, soft, pattern) in FALLBACK {
        let pattern = expand_fallback(pattern);
        match groups.iter_mut().find(|(k, s, _)| *k == kind && *s == soft) {
            Some((_, _, joined)) => {
                joined.push('|');
                joined.push_str(&pattern);
            }
            None => groups.push((kind, soft, pattern)),
        }
    }
    groups
}

impl Default for Detector {
    fn default() -> Self {
        Self::new()
    }
}

fn compile(pattern: &str) -> Option<Regex> {
    if pattern.is_empty() {
        return None;
    }
    Regex::new(&prepare(pattern)).ok()
}

/// A safeguarding pattern for the folded text (see [`fold`]): ASCII classes
/// throughout, which keeps each lazy DFA small ("[^.!?]{0,40}" over all of
/// Unicode is thousands of states; over bytes, forty).
fn compile_folded(pattern: &str) -> Option<BytesRegex> {
    if pattern.is_empty() {
        return None;
    }
    BytesRegex::new(&prepare_folded(pattern)).ok()
}

fn prepare_folded(pattern: &str) -> String {
    format!(
        "(?-u){}",
        pattern
            .replace("{OBJ}", &object_group())
            .replace('\'', r"(?:\x7f{0,2}')?")
    )
}

/// The lowercased text as ASCII bytes at the same offsets: a curly apostrophe
/// becomes DEL bytes and "'", other whitespace becomes spaces and any other
/// non-ASCII character DEL bytes (neither a word nor a sentence character).
fn fold(lower: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(lower.len());
    for c in lower.chars() {
        let len = c.len_utf8();
        if c.is_ascii() {
            out.push(c as u8);
        } else if matches!(c, '’' | '‘' | 'ʼ' | '′') {
            out.extend(std::iter::repeat_n(0x7f, len - 1));
            out.push(b'\'');
        } else if c.is_whitespace() {
            out.extend(std::iter::repeat_n(b' ', len));
        } else {
            out.extend(std::iter::repeat_n(0x7f, len));
        }
    }
    out
}

const PLACE_ENDINGS: &[&str] = &[
    "ton", "ford", "ham", "bury", "field", "ley", "by", "chester", "borough", "shire", "wich",
    "pool", "mouth", "sea", "burgh", "combe", "caster", "cester", "thorpe", "stow", "dale",
    "bridge", "wick", "port", "minster",
];

/// Largest char boundary at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Smallest char boundary at or above `i`.
fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn overlaps(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    spans.iter().any(|&(s, e)| start < e && s < end)
}

/// The NHS number check digit (modulus 11).
fn nhs_checksum_ok(digits: &[u32]) -> bool {
    if digits.len() != 10 {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .take(9)
        .zip((2..=10).rev())
        .map(|(d, w)| d * w)
        .sum();
    let check = match 11 - (sum % 11) {
        11 => 0,
        10 => return false,
        c => c,
    };
    digits.get(9) == Some(&check)
}

const POSTCODE_AREAS: &str = "ab al b ba bb bd bh bl bn br bs bt ca cb cf ch cm co cr ct cv cw da dd de dg dh dl dn dt dy e ec eh en ex fk fy g gl gu gy ha hd hg hp hr hs hu hx ig im ip iv je ka kt kw ky l la ld le ll ln ls lu m me mk ml n ne ng nn np nr nw ol ox pa pe ph pl po pr rg rh rm s sa se sg sk sl sm sn so sp sr ss st sw sy ta td tf tn tq tr ts tw ub w wa wc wd wf wn wr ws wv yo ze";

impl Detector {
    /// Compiles every pattern and word list; share the result (it is Send + Sync).
    pub fn new() -> Self {
        let mut safe_rules = Vec::with_capacity(RULES.len());
        let mut branches = Vec::new();
        let mut literals = Vec::new();
        let mut ungated = Vec::new();
        for spec in RULES {
            let rule = safe_rules.len();
            let pattern = spec.pattern.replace("{OBJ}", &object_group());
            for alt in alternatives(&pattern) {
                let Some(re) = compile_folded(alt) else {
                    continue;
                };
                let branch = branches.len();
                branches.push(Branch { rule, re });
                match branch_literals(alt) {
                    Some(lits) => {
                        literals.extend(lits.into_iter().map(|l| (l.into_bytes(), branch)));
                    }
                    None => ungated.push(branch),
                }
            }
            safe_rules.push(SafeRule {
                kind: spec.kind,
                not_before: compile_folded(spec.not_before),
                not_after: compile_folded(spec.not_after),
                negatable: spec.negatable,
            });
        }
        let structured = structured_specs()
            .into_iter()
            .filter_map(|(kind, p)| compile(&p).map(|re| (kind, re)))
            .collect();
        let child_context = compile(
            r"\b(?:son|daughter|child|children|kids?|boy|girl|twins?|grandson|granddaughter|lad|pupil|he|she|him|her|his|i|i'm|im|me|my|we|our)\b|\byear\s?\d{1,2}\b|\by\d{1,2}\b|\breception\b",
        );
        let fallback = fallback_groups()
            .into_iter()
            .filter_map(|(kind, soft, p)| compile_folded(&p).map(|re| Fallback { kind, soft, re }))
            .collect();
        let fallback_exceptions = fallback_exception_patterns()
            .iter()
            .filter_map(|p| compile_folded(p))
            .collect();
        Self {
            safe_rules,
            branches,
            gate: Gate::new(literals),
            ungated,
            structured,
            child_context,
            lexicon: Lexicon::new(),
            fallback,
            fallback_exceptions,
            fear_context: compile_folded(FEAR_CONTEXT),
            learned: Learned::train(&training_rows()),
        }
    }

    /// Every finding in `text`, in order of where it starts.
    pub fn scan(&self, text: &str) -> Triage {
        self.scan_with(text, true)
    }

    /// Every finding, with or without the learned layer.
    fn scan_with(&self, text: &str, learned: bool) -> Triage {
        if text.trim().is_empty() {
            return Triage::default();
        }
        // ASCII lowercasing keeps every byte offset, so findings on `lower`
        // point into `text` too.
        let lower = text.to_ascii_lowercase();
        let mut findings = Vec::new();
        let mut covered = Vec::new();
        self.scan_structured(text, &lower, &mut findings, &mut covered);
        let words = tokenize(text);
        self.scan_settings(text, &lower, &words, &mut findings, &mut covered);
        self.scan_names(text, &words, &covered, &mut findings);
        self.scan_safeguarding(text, &lower, &mut findings);
        if learned && !findings.iter().any(|f| !f.flag.is_personal()) {
            self.scan_learned(text, &mut findings);
        }
        Triage {
            findings: tidy(findings),
        }
    }

    /// The triage as JSON, and whether it holds personal data and a possible disclosure.
    pub fn flags(&self, text: &str) -> (String, bool, bool) {
        let triage = self.scan(text);
        (
            serde_json::to_string(&triage).unwrap_or_default(),
            triage.personal_data(),
            triage.safeguarding(),
        )
    }

    /// What looks like a person's name or contact details in an inspector's
    /// note, if anything. A named setting alone is not a person.
    pub fn person_in(&self, text: &str) -> Option<String> {
        self.scan(text)
            .findings
            .into_iter()
            .find(|f| {
                matches!(f.flag, Flag::Personal(kind) if kind != PersonalKind::SettingWithChild)
            })
            .map(|f| f.excerpt)
    }

    /// The text with each piece of personal data replaced by a label such as
    /// "[name]"; safeguarding words are left for the reader.
    pub fn redact(&self, text: &str) -> String {
        let mut spans: Vec<(usize, usize, &'static str)> = self
            .scan(text)
            .findings
            .into_iter()
            .filter_map(|f| match f.flag {
                Flag::Personal(kind) => Some((f.start, f.end, kind.placeholder())),
                Flag::Safeguarding(_) => None,
            })
            .collect();
        spans.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        let mut out = String::with_capacity(text.len());
        let mut pos = 0;
        for (start, end, label) in spans {
            if end <= pos {
                continue;
            }
            let start = start.max(pos);
            out.push_str(text.get(pos..start).unwrap_or(""));
            out.push_str(label);
            pos = end;
        }
        out.push_str(text.get(pos..).unwrap_or(""));
        out
    }

    /// Flags an answer the rules passed over when the learned layer scores it
    /// high enough, at the word that most raised its score.
    fn scan_learned(&self, text: &str, findings: &mut Vec<Finding>) {
        let (score, span) = self.learned.best(text);
        if score < LEARNED_THRESHOLD {
            return;
        }
        let Some((start, end)) = span else {
            return;
        };
        // A harm word the rules weighed and set aside ("I never feel unsafe
        // here", "it kills me") is theirs to judge.
        let folded = fold(&text.to_ascii_lowercase());
        if self.fallback.iter().any(|fb| fb.re.is_match(&folded)) {
            return;
        }
        let kind = text
            .get(start..end)
            .map_or(SafeguardingKind::Harm, |w| learned_kind(&learned_word(w)));
        Self::push(findings, text, Flag::Safeguarding(kind), start, end);
    }

    fn push(findings: &mut Vec<Finding>, text: &str, flag: Flag, start: usize, end: usize) {
        if let Some(excerpt) = text.get(start..end) {
            findings.push(Finding {
                flag,
                start,
                end,
                excerpt: excerpt.to_string(),
            });
        }
    }

    fn scan_structured(
        &self,
        text: &str,
        lower: &str,
        findings: &mut Vec<Finding>,
        covered: &mut Vec<(usize, usize)>,
    ) {
        let areas = &self.lexicon.postcode_areas;
        for (kind, re) in &self.structured {
            let haystack = match kind {
                Structured::AddressNamed => text,
                _ => lower,
            };
            for caps in re.captures_iter(haystack) {
                let Some(m) = caps.get(0) else { continue };
                let (start, end) = (m.start(), m.end());
                if overlaps(covered, start, end) {
                    continue;
                }
                let personal = match kind {
                    Structured::Email => Some(PersonalKind::Email),
                    Structured::Phone => phone_ok(lower, start, end).then_some(PersonalKind::Phone),
                    Structured::Nhs => {
                        let digits: Vec<u32> =
                            m.as_str().chars().filter_map(|c| c.to_digit(10)).collect();
                        let near = lower
                            .get(floor_boundary(lower, start.saturating_sub(40))..start)
                            .is_some_and(|b| b.contains("nhs"));
                        let starts_zero = digits.first() == Some(&0);
                        (near || (nhs_checksum_ok(&digits) && !starts_zero))
                            .then_some(PersonalKind::NhsNumber)
                    }
                    Structured::Postcode => {
                        let area_ok = caps.get(1).is_some_and(|a| areas.contains(a.as_str()));
                        // "s2 3rd" in lower case is a key stage, not a postcode.
                        let ordinal = caps.get(2).is_some_and(|inward| {
                            matches!(inward.as_str(), "st" | "nd" | "rd" | "th")
                                && text
                                    .get(inward.range())
                                    .is_some_and(|t| t.chars().all(|c| c.is_lowercase()))
                        });
                        (area_ok && !ordinal).then_some(PersonalKind::Postcode)
                    }
                    Structured::Address => {
                        let ok = caps.get(1).is_some_and(|between| {
                            between
                                .as_str()
                                .split_whitespace()
                                .all(|w| !self.lexicon.address_stop.contains(w))
                        });
                        ok.then_some(PersonalKind::Address)
                    }
                    Structured::AddressNamed => Some(PersonalKind::Address),
                    Structured::DateOfBirth => Some(PersonalKind::DateOfBirth),
                };
                if let Some(kind) = personal {
                    Self::push(findings, text, Flag::Personal(kind), start, end);
                    covered.push((start, end));
                }
            }
        }
    }

    /// Named schools and settings: "Oakfield Primary", "St Mary's", "at
    /// riverside academy". Flagged when the answer also speaks of a child (or
    /// is a child's own), since together they can identify the child.
    fn scan_settings(
        &self,
        text: &str,
        lower: &str,
        words: &[Word],
        findings: &mut Vec<Finding>,
        covered: &mut Vec<(usize, usize)>,
    ) {
        let lex = &self.lexicon;
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let capital = matches!(w.shape, Shape::Title | Shape::Upper);
            if (w.key == "st" || w.key == "saint") && w.shape == Shape::Lower {
                // "st josephs" typed in lower case.
                if let Some(n) = words.get(i + 1) {
                    if n.joined
                        && n.shape == Shape::Lower
                        && (n.possessive || n.key.ends_with('s'))
                        && !lex.common.contains(n.key.as_str())
                    {
                        spans.push((w.start, ceil_to_word_end(text, n.end)));
                    }
                }
                continue;
            }
            if w.key == "st" || w.key == "saint" {
                // "St Mary's", "St. Joseph's Catholic Primary"
                let next = words.get(i + 1);
                if w.shape == Shape::Title
                    && next.is_some_and(|n| {
                        n.shape == Shape::Title && !lex.common.contains(n.key.as_str())
                    })
                {
                    let mut end_idx = i + 1;
                    while words.get(end_idx + 1).is_some_and(|n| {
                        n.joined
                            && matches!(n.shape, Shape::Title | Shape::Upper)
                            && (lex.school_words.contains(n.key.as_str())
                                || lex.setting_generic.contains(n.key.as_str()))
                    }) {
                        end_idx += 1;
                    }
                    if let Some(last) = words.get(end_idx) {
                        let end = if last.possessive {
                            ceil_to_word_end(text, last.end)
                        } else {
                            last.end
                        };
                        spans.push((w.start, end));
                    }
                }
                continue;
            }
            if !lex.school_words.contains(w.key.as_str()) {
                continue;
            }
            if capital {
                // Walk back over the capitalised words of the name.
                let mut first = i;
                while first > 0 {
                    let Some(cur) = words.get(first) else { break };
                    let Some(prev) = words.get(first - 1) else {
                        break;
                    };
                    let joined = cur.joined
                        || (prev.key == "st"
                            && text
                                .get(prev.end..cur.start)
                                .is_some_and(|g| g.trim() == "."));
                    let fits = matches!(prev.shape, Shape::Title | Shape::Upper)
                        || (prev.key == "of" && first >= 2);
                    if joined && fits && i - first < 5 {
                        first -= 1;
                    } else {
                        break;
                    }
                }
                let distinctive = words.get(first..i).unwrap_or(&[]).iter().any(|n| {
                    let key = n.key.as_str();
                    // "Attending Oakfield...": a verb-like first word is not the name.
                    let verb_like =
                        n.sentence_start && !lex.common.contains(key) && lex.looks_common(key);
                    key.chars().count() > 1
                        && !lex.setting_generic.contains(key)
                        && !lex.school_words.contains(key)
                        && !lex.titles.contains(key)
                        && !verb_like
                });
                if distinctive {
                    let mut last = i;
                    while words.get(last + 1).is_some_and(|n| {
                        n.joined
                            && n.shape == Shape::Title
                            && lex.school_words.contains(n.key.as_str())
                    }) {
                        last += 1;
                    }
                    if let (Some(a), Some(b)) = (words.get(first), words.get(last)) {
                        spans.push((a.start, b.end));
                    }
                }
            } else if w.shape == Shape::Lower && i > 0 {
                // "at oakfield primary": an unknown word right before a school word.
                if let Some(prev) = words.get(i - 1) {
                    if w.joined
                        && prev.shape == Shape::Lower
                        && prev.key.len() > 2
                        && !lex.looks_common(&prev.key)
                        && !lex.setting_generic.contains(prev.key.as_str())
                    {
                        spans.push((prev.start, w.end));
                    }
                }
            }
        }
        if spans.is_empty() {
            return;
        }
        let about_child = self
            .child_context
            .as_ref()
            .is_some_and(|re| re.is_match(lower));
        for (start, end) in spans {
            if overlaps(covered, start, end) {
                continue;
            }
            covered.push((start, end));
            if about_child {
                Self::push(
                    findings,
                    text,
                    Flag::Personal(PersonalKind::SettingWithChild),
                    start,
                    end,
                );
            }
        }
    }

    fn scan_names(
        &self,
        text: &str,
        words: &[Word],
        covered: &[(usize, usize)],
        findings: &mut Vec<Finding>,
    ) {
        for i in 0..words.len() {
            let Some(w) = words.get(i) else { continue };
            if overlaps(covered, w.start, w.end) {
                continue;
            }
            if let Some(first) = self.name_at(words, i) {
                let mut last = i;
                // Carry on over a surname: "Amira Khan", "jack smith".
                for _ in 0..2 {
                    let Some(next) = words.get(last + 1) else {
                        break;
                    };
                    let surname = next.joined
                        && !overlaps(covered, next.start, next.end)
                        && match next.shape {
                            Shape::Title => {
                                !self.lexicon.common.contains(next.key.as_str())
                                    || self.lexicon.surnames.contains(next.key.as_str())
                            }
                            Shape::Lower => self.lexicon.surnames.contains(next.key.as_str()),
                            _ => false,
                        };
                    if surname {
                        last += 1;
                    } else {
                        break;
                    }
                }
                if let (Some(a), Some(b)) = (words.get(first), words.get(last)) {
                    Self::push(
                        findings,
                        text,
                        Flag::Personal(PersonalKind::Name),
                        a.start,
                        b.end,
                    );
                }
            }
        }
    }

    /// Whether word `i` is a name; if so, the index of the first word of the
    /// finding (a title before it belongs to it).
    fn name_at(&self, words: &[Word], i: usize) -> Option<usize> {
        let lex = &self.lexicon;
        let w = words.get(i)?;
        let key = w.key.as_str();
        if key.chars().count() < 2 {
            return None;
        }
        // The word before, if it is in the same sentence.
        let prev = if w.sentence_start || i == 0 {
            None
        } else {
            words.get(i - 1)
        };
        let prev2 = prev.and_then(|p| {
            if p.sentence_start || i < 2 {
                None
            } else {
                words.get(i - 2)
            }
        });
        let next = words.get(i + 1).filter(|n| !n.sentence_start);
        let next2 = next
            .and_then(|_| words.get(i + 2))
            .filter(|n| !n.sentence_start);
        let next3 = next2
            .and_then(|_| words.get(i + 3))
            .filter(|n| !n.sentence_start);
        let prev_key = prev.map(|p| p.key.as_str());
        let is_common = lex.common.contains(key);
        let known = lex.is_name(key);
        let first_name = lex.first_names.contains(key);

        // A title right before: "Mrs Patel", "mr smith", "Dr. Okafor".
        if i > 0 {
            if let Some(t) = words.get(i - 1) {
                let gap_ok = w.joined || !w.sentence_start;
                if gap_ok && lex.titles.contains(t.key.as_str()) {
                    let title_word = t.shape == Shape::Title || t.shape == Shape::Upper;
                    let ok = match (t.key.as_str(), w.shape) {
                        ("miss", Shape::Title) => title_word,
                        ("miss", Shape::Lower) => known,
                        ("sir" | "auntie" | "aunty" | "uncle" | "dame", _) => {
                            w.shape == Shape::Title && (known || !is_common)
                        }
                        (_, Shape::Title | Shape::Upper) => w.shape == Shape::Title || known,
                        ("dr", Shape::Lower) => known,
                        (_, Shape::Lower) => known || !lex.looks_common(key),
                        _ => false,
                    };
                    if ok {
                        return Some(i - 1);
                    }
                }
            }
        }

        // "called Amira", "her name is Zofia", "his name's Jack".
        let naming = prev_key.is_some_and(|p| matches!(p, "called" | "named" | "nicknamed"))
            || (prev_key.is_some_and(|p| matches!(p, "is" | "was" | "are" | "were"))
                && prev2.is_some_and(|p| matches!(p.key.as_str(), "name" | "names" | "nickname")))
            || prev.is_some_and(|p| p.key == "name" && p.possessive)
            || (prev_key == Some("as") && prev2.is_some_and(|p| p.key == "known"));
        // "my son Jack", "my friend, Bilal,".
        let kin = prev.is_some_and(|p| {
            lex.kin.contains(p.key.as_str()) && !p.possessive && (w.joined || w.after_comma)
        });

        // "Prader-Willi syndrome", "Perthes disease": a condition, not a person.
        if next.is_some_and(|n| {
            matches!(
                n.key.as_str(),
                "syndrome" | "syndromes" | "disease" | "dystrophy" | "palsy"
            )
        }) {
            return None;
        }
        match w.shape {
            Shape::Title => {
                if (naming || kin) && (!is_common || known) {
                    return Some(i);
                }
                if known {
                    if !is_common {
                        return Some(i);
                    }
                    // "Young People's Service": part of a run of capitalised words.
                    if self.in_common_run(words, i) && !self.person_follows(w, next, next2, next3) {
                        return None;
                    }
                    // "Will", "Grace", "Hope": names only mid-sentence or before a person's verb.
                    let determined = prev_key.is_some_and(|p| lex.determiners.contains(p));
                    if (prev.is_some() && !determined) || self.person_follows(w, next, next2, next3)
                    {
                        return Some(i);
                    }
                    return None;
                }
                if lex.looks_common(key) {
                    return None;
                }
                // An unknown capitalised word that a person's verb follows: "Zoltan hits me".
                if self.person_follows(w, next, next2, next3) {
                    return Some(i);
                }
                // "Jenna, our family support worker, ..."
                let apposition = words.get(i + 1).is_some_and(|n| {
                    n.after_comma
                        && matches!(n.key.as_str(), "our" | "my" | "his" | "her" | "the" | "who")
                });
                if apposition {
                    return Some(i);
                }
                // Otherwise a capital mid-sentence on an unknown word.
                let p = prev?;
                if lex.determiners.contains(p.key.as_str()) {
                    return None;
                }
                if lex.places_near.contains(p.key.as_str())
                    && PLACE_ENDINGS.iter().any(|e| key.ends_with(e))
                {
                    return None;
                }
                if self.in_common_run(words, i) {
                    return None;
                }
                Some(i)
            }
            Shape::Lower => {
                if naming && (known || (!lex.looks_common(key) && key.len() > 2)) {
                    return Some(i);
                }
                // "my daughter rukaiya is...": an unknown word between a kin word and a verb.
                let verb_next = next.is_some_and(|n| {
                    matches!(n.key.as_str(), "is" | "was" | "has" | "had" | "who" | "and")
                }) || words.get(i + 1).is_some_and(|n| n.after_comma);
                // ("my son lifts": a verb in -s after a kin word is not a name.)
                if kin
                    && verb_next
                    && !lex.looks_common(key)
                    && !lex.person_next.contains(key)
                    && (known || !key.ends_with('s'))
                    && key.len() > 2
                {
                    return Some(i);
                }
                if first_name && !is_common {
                    return Some(i);
                }
                None
            }
            Shape::Upper => {
                if key.chars().count() > 2 && first_name && !is_common {
                    return Some(i);
                }
                if (naming || kin) && known {
                    return Some(i);
                }
                None
            }
            Shape::Mixed => None,
        }
    }

    /// Whether the words after a capitalised word read as a person doing
    /// something: "X said", "X hits me", "X is my brother", "X's mum".
    fn person_follows(
        &self,
        w: &Word,
        next: Option<&Word>,
        next2: Option<&Word>,
        next3: Option<&Word>,
    ) -> bool {
        let lex = &self.lexicon;
        let Some(n) = next else { return false };
        if w.possessive {
            return lex.kin.contains(n.key.as_str());
        }
        if lex.person_next.contains(n.key.as_str()) {
            return true;
        }
        let n2 = next2.map(|x| x.key.as_str());
        if n.key == "and" && matches!(n2, Some("i" | "me")) {
            return true;
        }
        matches!(n.key.as_str(), "is" | "was")
            && matches!(n2, Some("my" | "our"))
            && next3.is_some_and(|x| lex.kin.contains(x.key.as_str()) || x.key == "best")
    }

    /// Whether a capitalised word sits in a run of capitalised words holding
    /// an ordinary word: "Parent Carer Forum", "Local Offer".
    fn in_common_run(&self, words: &[Word], i: usize) -> bool {
        let lex = &self.lexicon;
        let capital = |w: &Word| matches!(w.shape, Shape::Title | Shape::Upper);
        let mut a = i;
        while a > 0
            && words.get(a).is_some_and(|w| w.joined)
            && words.get(a - 1).is_some_and(capital)
        {
            a -= 1;
        }
        let mut b = i;
        while words.get(b + 1).is_some_and(|w| w.joined && capital(w)) {
            b += 1;
        }
        (a..=b).filter(|&k| k != i).any(|k| {
            words.get(k).is_some_and(|w| {
                !lex.titles.contains(w.key.as_str())
                    && w.key != "i"
                    && (lex.looks_common(&w.key) && !lex.is_name(&w.key))
            })
        })
    }

    fn scan_safeguarding(&self, text: &str, lower: &str, findings: &mut Vec<Finding>) {
        let folded = fold(lower);
        let hay = folded.as_slice();
        let sentences = sentence_spans(hay);
        // (branch, window) pairs to try: the sentence where a branch's
        // literal occurs (or, in a long run-on sentence, the stretch of it
        // around the literal), and every sentence for the few branches
        // without a literal.
        let mut hits = Vec::new();
        self.gate.hits(hay, &mut hits);
        let mut tries: Vec<(usize, usize, usize)> = hits
            .into_iter()
            .filter_map(|(branch, at)| {
                let &(ws, we) = sentences.get(sentences.partition_point(|&(_, e)| e <= at))?;
                let from = ws.max(word_start(hay, at.saturating_sub(RUN_ON)));
                Some((branch, from, word_end(hay, at + RUN_ON).min(we)))
            })
            .collect();
        for &branch in &self.ungated {
            tries.extend(sentences.iter().map(|&(ws, we)| (branch, ws, we)));
        }
        // One branch's overlapping windows become one.
        tries.sort_unstable();
        let mut merged: Vec<(usize, usize, usize)> = Vec::with_capacity(tries.len());
        for (branch, ws, we) in tries {
            match merged.last_mut() {
                Some((b, _, e)) if *b == branch && ws <= *e => *e = (*e).max(we),
                _ => merged.push((branch, ws, we)),
            }
        }
        let mut matches: Vec<(usize, usize, usize)> = Vec::new();
        for (branch, ws, we) in merged {
            let (Some(b), Some(window)) = (self.branches.get(branch), hay.get(ws..we)) else {
                continue;
            };
            matches.extend(
                b.re.find_iter(window)
                    .map(|m| (b.rule, ws + m.start(), ws + m.end())),
            );
        }
        matches.sort_unstable();
        matches.dedup();
        let before = findings.len();
        for (rule_idx, start, end) in matches {
            let Some(rule) = self.safe_rules.get(rule_idx) else {
                continue;
            };
            let (start, end) = (floor_boundary(lower, start), ceil_boundary(lower, end));
            if let Some(re) = &rule.not_before {
                let from = floor_boundary(lower, start.saturating_sub(60));
                if hay.get(from..start).is_some_and(|b| re.is_match(b)) {
                    continue;
                }
            }
            if let Some(re) = &rule.not_after {
                let to = ceil_boundary(lower, end + 60);
                if hay.get(start..to).is_some_and(|a| re.is_match(a)) {
                    continue;
                }
            }
            if rule.negatable && self.negated(lower, start, end) {
                continue;
            }
            Self::push(findings, text, Flag::Safeguarding(rule.kind), start, end);
        }
        if findings.len() == before {
            self.scan_fallback(text, lower, hay, &sentences, findings);
        }
    }

    /// The recall-first tier: any lexicon word in a sentence, unless it lies
    /// inside a figurative or otherwise harmless phrasing, or a negation just
    /// before it asserts safety.
    fn scan_fallback(
        &self,
        text: &str,
        lower: &str,
        hay: &[u8],
        sentences: &[(usize, usize)],
        findings: &mut Vec<Finding>,
    ) {
        // Exception spans, worked out once for each sentence with a hit.
        let mut exceptions: Vec<Option<Vec<(usize, usize)>>> = vec![None; sentences.len()];
        for fb in &self.fallback {
            for m in fb.re.find_iter(hay) {
                let (start, end) = (m.start(), m.end());
                let si = sentences.partition_point(|&(_, e)| e <= start);
                let Some(&(ws, we)) = sentences.get(si) else {
                    continue;
                };
                let window = hay.get(ws..we).unwrap_or(&[]);
                let spans = match exceptions.get_mut(si) {
                    Some(Some(spans)) => &*spans,
                    Some(slot) => &*slot.insert(
                        self.fallback_exceptions
                            .iter()
                            .flat_map(|re| re.find_iter(window))
                            .map(|x| (ws + x.start(), ws + x.end()))
                            .collect(),
                    ),
                    None => continue,
                };
                let inside = spans.iter().any(|&(s, e)| s <= start && end <= e);
                if inside
                    && !(fb.soft
                        && self
                            .fear_context
                            .as_ref()
                            .is_some_and(|re| re.is_match(window)))
                {
                    continue;
                }
                if self.fallback_negated(lower, start) {
                    continue;
                }
                let (start, end) = (floor_boundary(lower, start), ceil_boundary(lower, end));
                Self::push(findings, text, Flag::Safeguarding(fb.kind), start, end);
            }
        }
    }

    /// A negating word among the three words before a lexicon hit, in the
    /// same clause ("nobody hurts me", "I don't want to die", "no one bullies
    /// me now"), but not "can't stop hurting" nor "i wont to die" (want).
    fn fallback_negated(&self, lower: &str, start: usize) -> bool {
        let from = floor_boundary(lower, start.saturating_sub(50));
        let before = lower.get(from..start).unwrap_or("");
        let clause = before
            .rsplit(['.', '!', '?', '\n', ';', ',', ':'])
            .next()
            .unwrap_or("");
        let words: Vec<String> = clause
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .filter(|s| !s.is_empty())
            .map(|w| w.replace('’', "'"))
            .collect();
        let skip = words.len().saturating_sub(3);
        words.iter().enumerate().skip(skip).any(|(i, w)| {
            let next = words.get(i + 1).map(String::as_str);
            self.lexicon.negators.contains(w)
                && !matches!(next, Some("stop" | "stops" | "stopping" | "help"))
                && !(matches!(w.as_str(), "wont" | "won't") && next == Some("to"))
        })
    }

    /// A negating word among the two words before a match, in the same clause:
    /// "nobody hurts me", "I have never self harmed", "I don't feel unsafe".
    /// "...any more" after it still tells of past harm, so that stays flagged.
    fn negated(&self, lower: &str, start: usize, end: usize) -> bool {
        let from = floor_boundary(lower, start.saturating_sub(40));
        let before = lower.get(from..start).unwrap_or("");
        let clause = before
            .rsplit(['.', '!', '?', '\n', ';', ',', ':'])
            .next()
            .unwrap_or("");
        let negated = clause
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .filter(|s| !s.is_empty())
            .rev()
            .take(2)
            .any(|w| self.lexicon.negators.contains(&w.replace('’', "'")));
        if !negated {
            return false;
        }
        let to = ceil_boundary(lower, end + 25);
        let after = lower.get(end..to).unwrap_or("");
        !(after.contains("any more") || after.contains("anymore") || after.contains("since"))
    }
}

/// The end of a possessive word ("Mary's"), from the end of its base.
fn ceil_to_word_end(text: &str, base_end: usize) -> usize {
    let rest = text.get(base_end..).unwrap_or("");
    let extra: usize = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '\'' || *c == '’')
        .map(char::len_utf8)
        .sum();
    base_end + extra
}

/// A phone match must stand alone and hold a UK number's nine or ten digits
/// after the 0 or +44.
fn phone_ok(lower: &str, start: usize, end: usize) -> bool {
    let Some(m) = lower.get(start..end) else {
        return false;
    };
    let before_ok = lower
        .get(..start)
        .and_then(|b| b.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric());
    if !before_ok {
        return false;
    }
    let digits: String = m.chars().filter(char::is_ascii_digit).collect();
    let national = if m.starts_with('+') || m.starts_with("00") {
        digits
            .trim_start_matches("00")
            .trim_start_matches("44")
            .trim_start_matches('0')
            .len()
    } else {
        digits.len().saturating_sub(1)
    };
    (9..=10).contains(&national)
}

/// Orders findings and drops any that another of the same label covers.
/// How far either side of a literal a pattern may reach in a long sentence
/// (children's answers often run on without a full stop).
const RUN_ON: usize = 200;

/// The start of the word at or before `i` (a position after a space).
fn word_start(hay: &[u8], i: usize) -> usize {
    let mut i = i.min(hay.len());
    while i > 0 && hay.get(i - 1).is_some_and(|b| !b.is_ascii_whitespace()) {
        i -= 1;
    }
    i
}

/// The end of the word at or after `i` (a position before a space).
fn word_end(hay: &[u8], i: usize) -> usize {
    let mut i = i.min(hay.len());
    while hay.get(i).is_some_and(|b| !b.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

/// The sentences of `lower` as byte spans that cover it: they end after `!`,
/// `?`, a line break, or a full stop followed by a space (so "a.m." and "3.5"
/// stay whole). No rule needs to see past the end of a sentence.
fn sentence_spans(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let end = match b {
            b'!' | b'?' | b'\n' => true,
            b'.' => bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace),
            _ => false,
        };
        if end {
            spans.push((from, i + 1));
            from = i + 1;
        }
    }
    if from < bytes.len() || spans.is_empty() {
        spans.push((from, bytes.len()));
    }
    spans
}

fn tidy(mut findings: Vec<Finding>) -> Vec<Finding> {
    findings.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut kept: Vec<Finding> = Vec::with_capacity(findings.len());
    for f in findings {
        let inside = kept.iter().any(|k| {
            k.flag.is_personal() == f.flag.is_personal() && k.start <= f.start && f.end <= k.end
        });
        if !inside {
            kept.push(f);
        }
    }
    kept
}

// ---------------------------------------------------------------------------
// Word lists (lowercase, space separated)
// ---------------------------------------------------------------------------

const NEGATORS: &str = "not never nobody noone no don't doesn't didn't won't wouldn't isn't wasn't hasn't haven't can't cannot aren't weren't nothing neither nor";

/// Words after which a name is likely: "my son Jack", "my friend, Bilal".
const KIN: &str = "son daughter child boy girl brother sister twin grandson granddaughter nephew niece cousin friend friends mate bestie husband wife partner stepson stepdaughter stepdad stepmum stepfather stepmother step-dad step-mum sibling baby teacher ta tutor keyworker worker carer boyfriend girlfriend neighbour classmate lad lass mum dad mummy daddy nan nana grandma grandad granny grandpa brother's sister's best";

/// Words that, after an unknown capitalised word, say it is a person.
const PERSON_NEXT: &str = "said says told tells hits hit kicks kicked punches punched pushes pushed hurts hurt shouts shouted screams screamed helps helped asked asks always never keeps kept hates loves bullies bullied calls touched touches laughs laughed cries cried smacks smacked slaps slapped bites bit scares threatened threatens";

/// Words that do not make a school name distinctive: "the local Primary School".
const SETTING_GENERIC: &str = "the a an my our his her their your this that local special specialist mainstream new old previous current last next first nearest other primary secondary high grammar infant infants junior juniors nursery school schools academy college sixth form upper lower middle senior prep preparatory independent private state free faith church catholic c of e ce rc cofe community village residential boarding day hospital virtual home forest sunday saturday summer holiday big little good bad sen send semh asd asc mld sld pmld slcn ehcp pru ap fe he alternative provision pupil referral unit resource base all through every any another his local-authority la council county city borough trust multi mat muslim islamic jewish christian methodist baptist anglican dear year reception class head deputy senco staff parents";

/// Words that cannot stand between a house number and a street word:
/// "2 hours on the road", "3 kids in the park".
const ADDRESS_STOP: &str = "a an the of on in at to for with and or but by from into onto up down over under round around near by my our his her their your its this that these those it he she we they i you me us him them is was are were be been has have had do did not no so very more less most least all some any each every few many much other another one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hours hour minutes minute mins days day weeks week months month years year times time miles mile metres meters km kids children pupils people students staff families parents schools sessions lessons appointments steps weeks' more times a week whole long short half full extra left right back way just only still also again then there here now later soon ago after before";

const SURNAMES: &str = "brown green white black wood hill hall king young bell baker cook ward wells marsh mills fox rose short long little hunter fisher turner walker taylor smith jones williams taylor davies evans wilson thomas johnson roberts robinson thompson wright walker edwards hughes lewis harris clarke clark patel jackson turner martin cooper morris wilkinson harrison morgan allen mitchell anderson shaw phillips lloyd parker carter hussain hussein khan ahmed ahmad akhtar iqbal mahmood mahmud rahman miah uddin chowdhury choudhury hossain shah malik bibi begum kaur singh sharma gill sandhu kumar bains dhillon sidhu nowak kowalski kowalska wisniewski wisniewska wozniak lewandowski lewandowska kaminski kaminska zielinski szymanski dabrowski mazur krawczyk mohamed mohamud hassan farah warsame abdi osman jama yusuf omar okafor adeyemi mensah boateng owusu okonkwo murphy kelly o'brien o'connor o'neill mcdonald macdonald campbell stewart robertson murray fraser hamilton mclean mackenzie watson jenkins price griffiths rees pritchard kaur ali popescu ionescu nguyen wong chen zhang ahmadi hosseini rezaei yilmaz kaya demir sahin";

const FIRST_NAMES: &str = "
oliver jack harry george noah leo arthur oscar charlie jacob thomas james william henry freddie alfie theo archie joshua alexander ethan isaac lucas logan mason daniel samuel sam benjamin ben joseph joe dylan adam harrison edward tommy reggie ronnie albert louie louis finley finn rory riley jude elliot elliott toby jenson jayden kai zachary zach zack luca hugo sebastian ollie harvey frankie bobby stanley ezra rowan nathan ryan kyle liam connor callum kieran declan aiden aidan owen matthew matty luke michael david paul peter andrew andy stephen steven simon richard robert chris christopher gary darren wayne craig lee dean shane jamie jason scott tyler bradley brandon jordan cameron ashley reece rhys evan ewan calum ross hamish angus alistair gareth dafydd dewi iwan emrys cai osian ieuan aaron anthony tony billy charles dominic elijah gabriel jake jasper kian leon marcus nicholas patrick sean shaun tristan tyrone troy vincent zac alex archibald barney cody colin dennis derek ian keith kevin martin neil nigel philip phil roger ronald russell stuart terry timothy tim trevor brian barry graham howard jeremy jonathan jon julian karl kenneth leslie malcolm mick mike norman roy sid stan ted tom wilf wilfred harley jayden mylo milo arlo otis ellis ralph rupert felix jesse caleb lenny bertie alfred ernie teddie dexter jenson mikey danny davey stevie jimmy johnny josh nate harris kayden brody carter jax ashton bailey morgan
olivia amelia isla ava mia freya florence rosie sophia sophie isabella isabelle evie elsie ella charlotte emily emma ellie sienna harper luna alice matilda maisie millie molly phoebe scarlett chloe jessica jess hannah lucy megan lauren amy zoe katie kate laura rebecca becky sarah sara rachel hayley kayleigh leah paige courtney bethany beth abigail abbie abby eleanor elizabeth lizzie eliza georgia imogen harriet martha edith mabel nancy aurora hallie orla niamh aoife siobhan caitlin ciara erin eilidh iona kirsty morag shona fiona carys cerys seren ffion nia alys angharad rhiannon gwen bronwen anna natalie nicola nicole claire clare helen jennifer jenny julie karen kelly kerry lisa louise lynn mandy maria mary michelle samantha sandra sharon stacey susan tracy tracey vicky victoria wendy zara jasmine jas jodie joanne jo donna debbie deborah denise diane elaine gemma jane janet jean joan josie kim linda lorraine margaret pauline sally shelley tina tanya toni yvonne ann anne annie bella belle caroline catherine cathy chelsea danielle gail heidi jackie jacqueline joanna judith julia kathryn katherine kathleen kayla keira leanne lesley lydia maddie madison marie melissa naomi roxanne ruth shannon sian stephanie tara tess theresa valerie vanessa willow esme ada edie lottie lola layla leila lexi lacey tilly darcey darcy ivie nell nellie hattie bonnie gracie ruby-mae amelie annabel arabella clara cora eliza emilia evelyn hazel heidi jessie kacey kiera lara libby lilly lilah mollie nova orla piper remi sadie skye tia tilly thea zoey
muhammad mohammed mohammad mohamed muhammed mohamad ahmed ahmad ali hassan hussain hussein ibrahim ismail yusuf yousuf yousef usman uthman umar omar osman zain zayn ayaan ayan aryan arham rayyan rehan haris hamza bilal imran irfan kashif tariq asif sajid shahid waqar naveed faisal zubair junaid adil adeel arif aamir amir danish fahad farhan haider hamid hashim idris ilyas ishaq jibril kamran khalid mustafa mustapha nabeel nadeem owais qasim rashid rizwan sami sameer saad salman shoaib sufyan talha tahir tanvir wasim yasir zakariya zakaria zaid zahid abdullah abdul rahim karim kabir habib jamal salim nasir ayub ayoub yahya musa isa idrees luqman hamzah mikail
aisha ayesha ayeesha fatima fatimah zainab maryam mariam khadija khadijah hafsa hafsah amna amina aminah asma anaya inaya eshal hira iqra sana saba mahnoor noor nur zahra zoya aleena alina anum emaan iman eman hania haniya hiba huda humaira inaaya javeria kinza laiba maham maira mehak mehwish minahil momina nadia naila nimra rabia rida rukhsana saima samina sadia sobia shazia shabana shahida tahira tasneem uzma yasmin yasmeen zakia zunaira parveen nasreen rubina rukhsar farida farzana nazia shaista sumaira sumaiya tahmina rumana nusrat shirin salma shahana ruksana aliyah aaliyah safa marwa sidra areeba alishba anaya ayra hoorain
harpreet gurpreet manpreet jaspreet simran navdeep jaswinder kuldeep sukhdeep amrit amandeep gurdeep harjit harvinder jasmeet karan arjun rohan aarav ishaan vihaan advik dev krish rahul raj rajesh ravi sanjay sunil vijay vikram deepak anil ashok priya anjali pooja neha divya kavya riya diya anika ananya isha meera nisha sunita geeta shreya tanvi kiran jay veer arav reyansh
jakub kuba szymon filip kacper antoni aleksander franciszek mikolaj wojciech piotr pawel tomasz tomek marek krzysztof lukasz bartosz bartek michal mateusz dawid kamil oskar igor wiktor maciej grzegorz adrian patryk zuzanna zuzia zofia zosia hanna julia maja lena alicja oliwia wiktoria natalia aleksandra ola ania kasia magda agnieszka ewa marta dorota monika karolina justyna gosia malgorzata beata iwona paulina weronika gabriela emilia nikola milena
andrei ionut mihai alexandru stefan bogdan florin razvan ioana elena andreea bianca alexandra denisa raluca lukas matas jonas domas gabija ugne emilija
abdi abdirahman abdullahi abdikadir abdiaziz abdirizak liban mahad hodan hibo fadumo faduma sahra sagal ubah nasra khadra idil ilhan hamdi hawa ayaan amal deeqa sumaya muna ikran ifrah naima nimo layla yara nour rania samira amira youssef youssif samir
chidi chinedu emeka obinna tunde ayo femi kemi funmi yetunde bisi ngozi chioma adaeze amara kofi kwame kwabena ama akosua abena esi tyrese jermaine dwayne marlon shanice keisha tanisha
ahmet mehmet emre elif zeynep mateo santiago diego lucia sofia carlos joao tiago ines beatriz dmitri olena oksana mohsen reza
will grace hope faith joy mark bill rose lily daisy poppy ruby holly ivy jade amber violet olive penny sky summer dawn eve sue pat kit don guy ray rob miles drew robin autumn angel hunter teddy nick frank sunny max
";

/// Ordinary words, places, days, subjects, services, brands and the like: a
/// capital letter on one of these is not a sign of a name.
const COMMON_WORDS: &str = "based young duty scout 
a about above across after again against all almost alone along already also although always am among an and another any anybody anyone anything anyway anywhere are aren't around as at away back be because been before behind being below beside besides best better between beyond both but by can can't cannot could couldn't did didn't do does doesn't doing don't done down during each either else enough even ever every everybody everyone everything everywhere except few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here hers herself him himself his how however i i'd i'll i'm i've if in inside instead into is isn't it it's its itself just least less let let's like little lot lots many may maybe me might mine more most much must my myself near neither never next no nobody none noone nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves out outside over own per perhaps please quite rather really same several shall she she'd she'll she's should shouldn't since so some somebody someone something sometimes somewhere soon still such than that that's the their theirs them themselves then there there's these they they'd they'll they're they've thing things this those though through throughout thus till to today together tomorrow too towards under unless until up upon us very was wasn't we we'd we'll we're we've well were weren't what what's whatever when whenever where whereas wherever whether which while who whoever whole whom whose why will with within without won't would wouldn't yes yet you you'd you'll you're you've your yours yourself yesterday tonight ok okay hi hello dear thanks thank thankyou yeah yep nope oh etc via two three four five six seven eight nine ten first second third last final
lol omg idk tbh cos coz bc gonna wanna gotta dunno innit ya ye nah ur pls plz thx ty xx hmm um erm wow yay sorry hey
accept act add agree allow appear apply ask asked asking attend attended attends avoid become began begin believe belong bring brought build buy call called calling came care cared cares carry catch caught change changed check choose chose come comes coming complain complained consider continue cope coped cried cry cut decide decided describe die died dream dress drink drive eat eaten end ended enjoy enjoyed explain fail failed fall feel feels felt fight find finds fine finish forget forgot found gave get gets got gotten give given gives go goes gone grow had happen happened hate hated hates have hear heard help helped helps hold hope hoped hurt keep keeps kept know knew known learn learned learnt leave left lie liked likes listen listened live lived lives look looked lose lost love loved loves make makes mean meant meet met mind miss missed move moved need needed needs offer offered open pay play played plays provide provided pull push put reach read ready receive received remember ring run said saw say says see seem seen sent set show showed shown sit sleep speak spend spent stand start started stay stayed stop stopped struggle struggled struggles support supported supports take taken takes talk talked teach tell tells think thinks thought told took tried tries try turn understand understood use used wait waited walk want wanted wants warn was watch went were win wish work worked works worry worried write written wrote sort sorted email emailed phoned rang texted chased waste wasted fought deal dealt refused rejected applied appealed
able absolutely actually amazing angry anxious awful bad basic big brilliant calm clear close cold constant constantly current dark different difficult early easy empty entire especially excellent extra fair fantastic fast free friendly frustrated glad good great happy hard high honestly hot huge important impossible incredible kind large late local long lovely low main major new nice normal old open overall particular poor positive possible previous proper quick quiet real recent right sad safe scared separate serious short simple slow small social special specific strong sure terrible tired top total true unhappy upset useful useless usual various whole wonderful worse worst wrong young youngest oldest eldest older younger bigger massive superb helpful unhelpful supportive caring patient rude horrible nasty lonely ill sick unwell exhausted stressed nervous shy loud noisy busy mainstream specialist additional statutory annual draft independent private public voluntary national emotional occupational educational medical physical mental clinical disabled complex severe moderate profound multiple behavioural developmental paediatric psychiatric neurodevelopmental sensory dear kind super fab fabulous awesome cool rubbish crap shocking disgusting appalling poorly utterly quite very much more
access action activity adult adults advice advocate age agency answer anxiety appointment appointments area assessment attendance authority autism behaviour behavior bit board body book books boy boys break brother building bus care carer carers case centre center change charity child childhood children choice class classroom clinic club college communication community company concern concerns condition contact council course court day days decision department diagnosis difference disability dyslexia dyspraxia education email end evidence example experience face fact family father feedback fees forum friend friends fun funding future game games girl girls government group groups head health help hearing history holiday holidays home homework hospital hour hours house idea information issue issues job kids language law lesson lessons letter level life list lunch lunchtime man meeting meetings member mental message minute minutes money month months mother mum dad mummy daddy mam mom nan nana nanny grandma grandad granny grandpa grandmother grandfather auntie aunty uncle name names need needs night nurse office officer panel parent parents part people person phone place plan plans playground point police policy problem problems process professional professionals programme progress provision psychologist question reason report request review reviews room rules school schools secondary primary infant junior nursery reception senco service services session side sister sisters brothers son daughter sons daughters speech staff start state statement story student students subject support system talk task teacher teachers team therapy therapist thing time times town transport trip tribunal type unit way week weekend weeks woman women word words work worker world year years baby babies sibling siblings twin twins grandson granddaughter husband wife partner boyfriend girlfriend stepdad stepmum mate mates bestie neighbour classmate pupil pupils learner learners lad lass kid child's director county city borough district trust base hub resource outreach key referral pathway adulthood secretary inspector inspectors inspection inspections coordinator manager lead leader head headteacher deputy assistant principal governor governors chair clerk caseworker keyworker tutor form tutors sir miss mr mrs ms dr doctor doctors gp dentist consultant nurse nurses psychiatrist paediatrician pediatrician physio physiotherapist therapist therapists worker workers practitioner practitioners specialist specialists assistant assistants ta tas lsa lsas hlta senior
adhd add asd asc autistic aspergers asperger dyslexic dyscalculia dyspraxic pda odd ocd epilepsy cerebral palsy down downs syndrome tourette tourettes global delay gdd difficulty difficulties disabilities semh slcn impairment wheelchair physiotherapy occupational language salt ot ep camhs cahms nhs ehcp ehc ehcps sen senco sencos sendco send sendiass iass ipsea sossen sendist la las lea dsl dso dco tac tap pep lac cla cin cp pru ap eotas ehe elsa portage makaton pecs widgit lego thrive nurture boxall zones regulation teach paediatrics psychiatry educational health visitor sw early help foundation stage ks1 ks2 ks3 ks4 gcse gcses sats exams exam mocks sixth further fe apprenticeship internship employment respite breaks direct payments personal budget pa allowance dla pip esa universal credit benefits transition placement placements provider offer ofsted cqc dfe minister mp councillor ombudsman lgsco judicial mediation appeal appeals academy chain mat teaching pastoral inclusion inclusive nurture wellbeing mental medication meds diagnosis diagnosed assessment assessments annual interim draft final plan plans section sections outcomes provision tribunal
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec christmas xmas easter halloween bonfire ramadan eid diwali hanukkah passover vaisakhi lent summer autumn winter spring term half covid corona coronavirus lockdown pandemic god jesus christ allah lord mosque church temple gurdwara synagogue madrasa madrassa muslim muslims islam islamic christian christians jewish hindu sikh catholic protestant buddhist quran bible prayer prayers dua
english maths math mathematics science history geography art music drama pe re pshe rse computing french spanish german urdu punjabi polish arabic somali bengali bangla romanian portuguese lithuanian tigrinya kurdish farsi pashto gujarati hindi turkish chinese mandarin cantonese welsh gaelic bsl british pakistani indian bangladeshi nigerian ghanaian eritrean syrian afghan iraqi iranian irish scottish european african caribbean asian arab jamaican latvian czech slovak hungarian bulgarian italian ukrainian russian roma gypsy traveller travellers
england scotland wales britain uk gb europe pakistan india bangladesh poland somalia romania lithuania nigeria ghana eritrea syria afghanistan iraq iran ireland jamaica turkey ukraine russia china america usa africa spain italy france germany portugal dubai saudi kashmir punjab sylhet mirpur london manchester birmingham leeds sheffield bradford liverpool bristol newcastle nottingham leicester coventry derby stoke wolverhampton sunderland hull plymouth southampton portsmouth reading oxford cambridge brighton york norwich exeter lancaster preston blackburn bolton wigan oldham rochdale stockport salford huddersfield halifax wakefield barnsley doncaster rotherham kirklees calderdale dewsbury batley keighley harrogate scarborough middlesbrough darlington durham gateshead luton bedford peterborough northampton milton keynes slough watford swindon gloucester worcester hereford shrewsbury telford walsall dudley sandwell solihull lincoln grimsby scunthorpe blackpool burnley carlisle cumbria kent essex surrey sussex devon cornwall somerset dorset hampshire yorkshire lancashire cheshire derbyshire nottinghamshire leicestershire staffordshire warwickshire northumberland norfolk suffolk midlands north south east west northern southern eastern western tower hamlets hackney newham croydon lambeth southwark islington camden westminster ealing brent barnet enfield haringey lewisham greenwich bromley redbridge havering hounslow hillingdon harrow merton sutton kingston richmond wandsworth hammersmith fulham kensington cardiff swansea glasgow edinburgh belfast aberdeen dundee tameside trafford bury knowsley sefton wirral halton warrington medway thurrock southend wiltshire cornwall rutland torbay bath wales
google facebook instagram snapchat snap tiktok youtube whatsapp twitter discord roblox minecraft fortnite xbox playstation nintendo switch ipad iphone android netflix disney pokemon pokémon marvel peppa bluey paw patrol cbeebies bbc itv tesco asda aldi lidl sainsbury morrisons amazon zoom teams microsoft apple samsung barnardo barnardos mencap scope nspcc childline samaritans kooth youngminds citizens shelter autistica ambitious mumsnet spider batman superman sonic pikachu frozen super mario lego duplo tablet laptop internet online wifi
engine project group club programme network partnership alliance society association federation collective house hall lodge court gardens park farm cottage village estate station bridge castle tower chapel abbey museum library theatre cinema studio gym pool leisure sports sport football rugby cricket swimming scouts cubs beavers brownies guides cadets youth kids family families angels stars star rainbow rainbows sunshine butterflies butterfly owls owl bears bear tigers tiger lions lion dragons dragon foxes fox hedgehogs hedgehog squirrels badgers robins wrens kingfishers dolphins penguins giraffes elephants pandas red blue yellow orange purple pink silver gold tank toy toys story stories book film films show tv radio news paper magazine website app apps portal form forms letter letters plan review pack guide charter pledge award awards mark level grade standard standards policy code act bill law regulations guidance framework strategy vision mission values model approach scheme service agency office unit centre hub space place zone room base clinic ward surgery practice pharmacy team panel board committee forum council cabinet group network partnership
face head arm arms leg legs back stomach tummy belly chest neck throat ear ears eye eyes nose mouth hand hands bum bottom ribs cheek hair wrist wrists finger fingers shoulder shoulders knee knees feet foot
road street lane avenue close drive way crescent square row terrace walk green parade vale gate hill mount valley moor wood woods forest field fields meadow meadows brook river lake sea beach coast island bay
north south east west upper lower middle central city town county borough district region area ward
chocolate pizza sweets ipad xmas birthday party holiday trip visit day night morning afternoon evening weekend
bus taxi car train plane bike scooter
dog dogs cat cats horse horses rabbit hamster fish
melatonin ritalin concerta medikinet elvanse equasym xaggitin atomoxetine guanfacine risperidone aripiprazole sertraline fluoxetine epilim keppra epipen calpol inhaler
max will grace hope faith joy mark bill rose lily daisy poppy holly ivy jade amber violet olive penny sky summer dawn eve sue pat kit art don guy ray rob miles drew robin autumn angel hunter chase teddy nick frank sunny honey crystal pearl iris heather hero king young brown green white black grey gray wood hill hall bell baker ed psych ed-psych hey
";

// ---------------------------------------------------------------------------
// Learned layer
// ---------------------------------------------------------------------------
//
// A logistic regression over word unigrams and bigrams, trained in
// [`Detector::new`] on the hand-labelled answers, flags for safeguarding an
// answer the rules left alone when its score clears `LEARNED_THRESHOLD`
// (chosen by cross-validation on those answers only). Training is a fixed
// number of SGD epochs in a fixed order, so every build scores alike.

/// Every hand-labelled answer the layer learns from.
const TRAINING: [&str; 3] = [
    include_str!("../../tests/fixtures/triage-labelled.jsonl"),
    include_str!("../../tests/fixtures/triage-heldout.jsonl"),
    include_str!("../../tests/fixtures/triage-fresh.jsonl"),
];

/// The log-odds an answer the rules passed over must reach to be flagged:
/// in 5-fold cross-validation on the training answers, the layer on its own
/// then found 85% of held-out disclosures and flagged 8% of the held-out
/// non-disclosures that the rules leave alone.
const LEARNED_THRESHOLD: f64 = -0.2;
const EPOCHS: usize = 30;
const RATE: f64 = 0.2;
const L2: f64 = 1e-3;

/// Children's spellings and contractions mapped to one form.
const SPELLINGS: &[(&str, &str)] = &[
    ("nite", "night"),
    ("nit", "night"),
    ("wiv", "with"),
    ("wit", "with"),
    ("boyfrend", "boyfriend"),
    ("bf", "boyfriend"),
    ("scard", "scared"),
    ("scaired", "scared"),
    ("skared", "scared"),
    ("fele", "feel"),
    ("feal", "feel"),
    ("bruzes", "bruise"),
    ("bruses", "bruise"),
    ("sed", "said"),
    ("coz", "because"),
    ("cos", "because"),
    ("cuz", "because"),
    ("becos", "because"),
    ("becoz", "because"),
    ("wen", "when"),
    ("hitt", "hit"),
    ("hitted", "hit"),
    ("hited", "hit"),
    ("somtimes", "sometimes"),
    ("sumtimes", "sometimes"),
    ("hurted", "hurt"),
    ("hert", "hurt"),
    ("herts", "hurt"),
    ("mi", "my"),
    ("ma", "my"),
    ("mam", "mum"),
    ("mom", "mum"),
    ("mummy", "mum"),
    ("mommy", "mum"),
    ("daddy", "dad"),
    ("nana", "nan"),
    ("nanna", "nan"),
    ("dont", "not"),
    ("doesnt", "not"),
    ("didnt", "not"),
    ("cant", "not"),
    ("wont", "not"),
    ("isnt", "not"),
    ("never", "not"),
    ("no", "not"),
    ("nobody", "not"),
    ("smak", "smack"),
    ("smakked", "smack"),
    ("kik", "kick"),
    ("kiked", "kick"),
    ("punshed", "punch"),
    ("frightend", "frightened"),
    ("fritened", "frightened"),
    ("terified", "terrified"),
    ("alot", "lot"),
    ("wiht", "with"),
    ("tuch", "touch"),
    ("tuches", "touch"),
    ("tuched", "touch"),
    ("privits", "privates"),
    ("pryvates", "privates"),
    ("hom", "home"),
    ("hous", "house"),
    ("exept", "except"),
    ("noone", "not"),
    ("myslef", "myself"),
    ("selfharm", "self harm"),
];

/// A word as the layer sees it: lower case, apostrophes gone, spelling
/// mapped, and a plain suffix taken off ("hitting" and "hits" read as "hit").
fn learned_word(raw: &str) -> String {
    let mut w: String = raw
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if let Some(&(_, to)) = SPELLINGS.iter().find(|(from, _)| *from == w) {
        w = to.to_string();
    }
    stem(&w)
}

fn stem(w: &str) -> String {
    let n = w.chars().count();
    for suffix in ["ing", "ed", "es", "s"] {
        if n > suffix.len() + 3 && w.ends_with(suffix) && !w.ends_with("ss") {
            let mut base = w.get(..w.len() - suffix.len()).unwrap_or(w).to_string();
            // "hitting" -> "hitt" -> "hit"
            let b = base.as_bytes();
            if b.len() >= 2
                && b.last() == b.get(b.len() - 2)
                && b.last().is_some_and(|c| !b"aeiouls".contains(c))
            {
                base.pop();
            }
            return base;
        }
    }
    w.to_string()
}

/// The words of `text` with their byte spans.
fn learned_words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    let flush = |out: &mut Vec<(usize, usize, String)>, s: usize, e: usize| {
        if let Some(raw) = text.get(s..e) {
            let w = learned_word(raw);
            for part in w.split(' ').filter(|p| !p.is_empty()) {
                out.push((s, e, part.to_string()));
            }
        }
    };
    for (i, c) in text.char_indices() {
        let word_char = c.is_alphanumeric() || c == '\'' || c == '’';
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                flush(&mut out, s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        flush(&mut out, s, text.len());
    }
    out
}

/// Unigram and bigram features, each once.
fn learned_features(words: &[(usize, usize, String)]) -> Vec<String> {
    let mut feats: Vec<String> = words.iter().map(|(_, _, w)| w.clone()).collect();
    feats.extend(
        words
            .windows(2)
            .filter_map(|p| Some(format!("{} {}", p.first()?.2, p.get(1)?.2))),
    );
    feats.sort_unstable();
    feats.dedup();
    feats
}

/// The labelled answers as (text, disclosure) pairs.
fn training_rows() -> Vec<(String, bool)> {
    TRAINING
        .iter()
        .flat_map(|data| data.lines())
        .filter_map(|line| {
            let row: serde_json::Value = serde_json::from_str(line).ok()?;
            Some((
                row.get("text")?.as_str()?.to_string(),
                row.get("safeguarding")?.as_bool()?,
            ))
        })
        .collect()
}

/// A logistic regression over word unigrams and bigrams.
struct Learned {
    /// Each feature's index into `weights`.
    vocab: HashMap<String, usize>,
    weights: Vec<f64>,
    bias: f64,
}

impl Learned {
    /// Trains on (text, disclosure) pairs: `EPOCHS` passes of SGD in a fixed
    /// order with a falling rate and a little L2 shrinkage.
    fn train(rows: &[(String, bool)]) -> Self {
        let mut vocab: HashMap<String, usize> = HashMap::new();
        let data: Vec<(Vec<usize>, f64)> = rows
            .iter()
            .map(|(text, disclosure)| {
                let ids = learned_features(&learned_words(text))
                    .into_iter()
                    .map(|f| {
                        let next = vocab.len();
                        *vocab.entry(f).or_insert(next)
                    })
                    .collect();
                (ids, if *disclosure { 1.0 } else { 0.0 })
            })
            .collect();
        let mut weights = vec![0.0; vocab.len()];
        let mut bias = 0.0;
        // A fixed shuffle: a stride coprime with the number of rows.
        let n = data.len();
        let stride = (1..n)
            .rev()
            .find(|s| gcd(*s, n) == 1 && *s * 3 < n * 2)
            .unwrap_or(1);
        for epoch in 0..EPOCHS {
            let rate = RATE / (1.0 + epoch as f64);
            for k in 0..n {
                let Some((ids, y)) = data.get((k * stride + epoch) % n) else {
                    continue;
                };
                let z = bias
                    + ids
                        .iter()
                        .map(|&i| weights.get(i).copied().unwrap_or(0.0))
                        .sum::<f64>();
                let g = y - sigmoid(z);
                bias += rate * g;
                for &i in ids {
                    if let Some(w) = weights.get_mut(i) {
                        *w += rate * (g - L2 * *w);
                    }
                }
            }
        }
        Self {
            vocab,
            weights,
            bias,
        }
    }

    fn weight(&self, feature: &str) -> f64 {
        self.vocab
            .get(feature)
            .and_then(|&i| self.weights.get(i))
            .copied()
            .unwrap_or(0.0)
    }

    /// The score and the span of the word that most raises it.
    fn best(&self, text: &str) -> (f64, Option<(usize, usize)>) {
        let words = learned_words(text);
        let score = self.bias
            + learned_features(&words)
                .iter()
                .map(|f| self.weight(f))
                .sum::<f64>();
        let span = words
            .iter()
            .map(|(s, e, w)| (self.weight(w), *s, *e))
            .fold(None, |best: Option<(f64, usize, usize)>, cur| match best {
                Some(b) if b.0 >= cur.0 => Some(b),
                _ => Some(cur),
            })
            .map(|(_, s, e)| (s, e));
        (score, span)
    }
}

/// The kind of disclosure a learned word most suggests; harm when unsure.
fn learned_kind(word: &str) -> SafeguardingKind {
    const KINDS: &[(SafeguardingKind, &[&str])] = &[
        (
            SafeguardingKind::SelfHarm,
            &[
                "myself",
                "die",
                "dead",
                "suicide",
                "suicidal",
                "tablet",
                "overdose",
                "disappear",
                "cut",
                "kill",
                "point",
                "alive",
                "born",
                "here",
            ],
        ),
        (
            SafeguardingKind::Sexual,
            &[
                "touch", "private", "privates", "picture", "pic", "photo", "nude", "naked",
                "groom", "sex", "lap", "secret", "kiss", "bed", "bedroom",
            ],
        ),
        (
            SafeguardingKind::Neglect,
            &[
                "food", "hungry", "dinner", "tea", "eat", "alone", "dirty", "clothe", "heating",
                "cold", "wet", "lice", "doctor", "teeth",
            ],
        ),
        (
            SafeguardingKind::Unsafe,
            &[
                "scared",
                "afraid",
                "safe",
                "unsafe",
                "frightened",
                "terrified",
                "fear",
                "home",
            ],
        ),
        (
            SafeguardingKind::Abuse,
            &[
                "shout", "thick", "stupid", "lock", "locked", "belt", "threat", "threaten",
                "package", "carry",
            ],
        ),
    ];
    KINDS
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map_or(SafeguardingKind::Harm, |(kind, _)| *kind)
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn detector() -> Detector {
        Detector::new()
    }

    fn kinds(d: &Detector, text: &str) -> Vec<Flag> {
        d.scan(text).findings.into_iter().map(|f| f.flag).collect()
    }

    #[test]
    fn every_pattern_compiles() {
        for spec in RULES {
            for p in [spec.pattern, spec.not_before, spec.not_after] {
                if !p.is_empty() {
                    BytesRegex::new(&prepare_folded(p)).unwrap();
                }
            }
        }
        for (_, p) in structured_specs() {
            Regex::new(&prepare(&p)).unwrap();
        }
        let d = detector();
        assert_eq!(d.safe_rules.len(), RULES.len());
        let branches: usize = RULES
            .iter()
            .map(|r| alternatives(&r.pattern.replace("{OBJ}", &object_group())).len())
            .sum();
        assert_eq!(d.branches.len(), branches);
        assert_eq!(d.structured.len(), structured_specs().len());
        assert!(d.child_context.is_some());
    }

    /// The gate only decides which alternatives to try where: on every
    /// labelled answer, trying every alternative on every sentence finds the
    /// same matches.
    #[test]
    fn gate_literals_cover_every_match() {
        let d = detector();
        for line in LABELLED.lines().filter(|l| !l.trim().is_empty()) {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            let lower = row["text"].as_str().unwrap().to_ascii_lowercase();
            let folded = fold(&lower);
            let mut hits = Vec::new();
            d.gate.hits(&folded, &mut hits);
            for &(ws, we) in &sentence_spans(&folded) {
                let window = &folded[ws..we];
                for (i, b) in d.branches.iter().enumerate() {
                    if !b.re.is_match(window) || d.ungated.contains(&i) {
                        continue;
                    }
                    let gated = hits.iter().any(|&(h, at)| h == i && ws <= at && at < we);
                    assert!(
                        gated,
                        "branch {i} ({}) not gated in {lower:?}",
                        b.re.as_str()
                    );
                }
            }
        }
        assert!(
            d.ungated.len() <= 8,
            "{} alternatives run everywhere",
            d.ungated.len()
        );
    }

    #[test]
    fn fallback_patterns_compile() {
        for (_, _, p) in fallback_groups() {
            if let Err(e) = BytesRegex::new(&prepare_folded(&p)) {
                panic!("{e}");
            }
        }
        for p in fallback_exception_patterns()
            .iter()
            .chain([&FEAR_CONTEXT.to_string()])
        {
            if let Err(e) = BytesRegex::new(&prepare_folded(p)) {
                panic!("{p}: {e}");
            }
        }
        let d = detector();
        assert_eq!(d.fallback.len(), fallback_groups().len());
        assert_eq!(
            d.fallback_exceptions.len(),
            fallback_exception_patterns().len()
        );
        assert!(d.fear_context.is_some());
    }

    #[test]
    fn detector_is_shareable() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Detector>();
    }

    /// The hand-labelled sets: the first written with the rules, the second
    /// (tests/fixtures/triage-heldout.jsonl) in other voices to check them,
    /// the third (tests/fixtures/triage-fresh.jsonl) written before the
    /// fallback tier to measure it, and the fourth
    /// (tests/fixtures/triage-eval.jsonl) written before the learned layer to
    /// measure it (the layer does not train on it).
    const LABELLED: &str = concat!(
        include_str!("../../tests/fixtures/triage-labelled.jsonl"),
        "\n",
        include_str!("../../tests/fixtures/triage-heldout.jsonl"),
        "\n",
        include_str!("../../tests/fixtures/triage-fresh.jsonl"),
        "\n",
        include_str!("../../tests/fixtures/triage-eval.jsonl")
    );

    /// Recall and precision on the hand-labelled answers (children's, parents'
    /// and practitioners' voices, with hard negatives).
    #[test]
    fn labelled_set_meets_recall_and_precision_targets() {
        let d = detector();
        let data = LABELLED;
        // [true positive, false positive, false negative] for each label.
        let mut personal = [0u32; 3];
        let mut safeguarding = [0u32; 3];
        let mut count = 0;
        let tally = |counts: &mut [u32; 3], truth: bool, guess: bool| match (truth, guess) {
            (true, true) => counts[0] += 1,
            (false, true) => counts[1] += 1,
            (true, false) => counts[2] += 1,
            (false, false) => {}
        };
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = row["text"].as_str().unwrap();
            let triage = d.scan(text);
            tally(
                &mut personal,
                row["personal"].as_bool().unwrap(),
                triage.personal_data(),
            );
            tally(
                &mut safeguarding,
                row["safeguarding"].as_bool().unwrap(),
                triage.safeguarding(),
            );
            count += 1;
        }
        assert!(count >= 300, "only {count} labelled answers");
        for (label, [tp, fp, fneg]) in [("personal", personal), ("safeguarding", safeguarding)] {
            let recall = f64::from(tp) / f64::from(tp + fneg);
            let precision = f64::from(tp) / f64::from(tp + fp);
            println!(
                "{label}: recall {recall:.3} precision {precision:.3} (tp {tp}, fp {fp}, fn {fneg}, of {count})"
            );
            assert!(recall >= 0.95, "{label} recall {recall:.3}");
            assert!(precision >= 0.70, "{label} precision {precision:.3}");
        }
    }

    /// The learned layer scores alike on every build and flags an unseen
    /// paraphrase that no rule catches.
    #[test]
    fn learned_layer_flags_an_unseen_paraphrase() {
        let (a, b) = (detector(), detector());
        let text = "nobody washes my clothes and i smell at school";
        assert_eq!(a.learned.best(text), b.learned.best(text));
        assert!(!a.scan_with(text, false).safeguarding());
        let findings = a.scan(text).findings;
        assert!(
            findings
                .iter()
                .any(|f| matches!(f.flag, Flag::Safeguarding(_)) && !f.excerpt.is_empty()),
            "{findings:?}"
        );
        assert!(!a
            .scan("my mum helps me with my reading every night")
            .safeguarding());
    }

    #[test]
    fn empty_and_blank_text_have_no_findings() {
        let d = detector();
        for text in ["", "   ", "\n\t", "🙂", "۔"] {
            let t = d.scan(text);
            assert!(t.findings.is_empty(), "{text:?}");
            assert_eq!(d.redact(text), text);
            assert_eq!(d.person_in(text), None);
        }
        let (json, personal, safeguarding) = d.flags("");
        assert_eq!(json, r#"{"findings":[]}"#);
        assert!(!personal && !safeguarding);
    }

    #[test]
    fn offsets_are_char_boundaries_in_multibyte_text() {
        let d = detector();
        let text =
            "میرا بیٹا 🙂😢 Amira Khan کے ساتھ — my dad hits me 💔 email: ayesha@example.org";
        let t = d.scan(text);
        assert!(t.personal_data() && t.safeguarding());
        for f in &t.findings {
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            assert_eq!(&text[f.start..f.end], f.excerpt);
        }
        let excerpts: Vec<&str> = t.findings.iter().map(|f| f.excerpt.as_str()).collect();
        assert!(excerpts.contains(&"Amira Khan"), "{excerpts:?}");
        assert!(excerpts.contains(&"ayesha@example.org"), "{excerpts:?}");
        assert!(excerpts.contains(&"hits me"), "{excerpts:?}");
        // Curly apostrophes and accented letters around findings.
        let text = "Zoë’s mum said “I don’t feel safe” — naïve café talk";
        for f in d.scan(text).findings {
            assert_eq!(text.get(f.start..f.end), Some(f.excerpt.as_str()));
        }
        assert!(d.scan(text).safeguarding());
    }

    #[test]
    fn redact_replaces_personal_data_and_keeps_disclosures() {
        let d = detector();
        assert_eq!(
            d.redact("Mrs Patel said my son Jack (DOB 03/05/2015) hits me. Ring 07700 900123."),
            "[name] said my son [name] ([date of birth]) hits me. Ring [phone]."
        );
        assert_eq!(
            d.redact("Write to jo.smith@example.com or 14 Oak Tree Road, Halifax HX1 1AA."),
            "Write to [email] or [address], Halifax [postcode]."
        );
        assert_eq!(
            d.redact("His NHS number is 943 476 5919 and he is at Oakfield Primary in year 4."),
            "His NHS number is [NHS number] and he is at [setting] in year 4."
        );
        let plain = "The EHCP took a year and the SENCO is lovely.";
        assert_eq!(d.redact(plain), plain);
        // A redacted text no longer holds what was found.
        let redacted = d.redact("Ask Amira Khan or call 0113 496 0000 — she knows Zofia.");
        assert_eq!(d.person_in(&redacted), None, "{redacted}");
    }

    #[test]
    fn person_in_finds_names_and_contacts_but_not_roles() {
        let d = detector();
        assert_eq!(
            d.person_in("Mum reports the SENCO has been helpful; Mrs Kowalska chairs reviews."),
            Some("Mrs Kowalska".to_string())
        );
        assert_eq!(
            d.person_in("Child C (Y5) attends mainstream primary. Dad says the EP visited once."),
            None
        );
        assert_eq!(
            d.person_in("Young person's plan reviewed in March; CAMHS waiting list 18 months."),
            None
        );
        assert_eq!(
            d.person_in("Parent gave number 07700 900123 for follow-up."),
            Some("07700 900123".to_string())
        );
        assert_eq!(
            d.person_in("The child told Bilal at reception."),
            Some("Bilal".to_string())
        );
        // A named setting alone is not a person.
        assert_eq!(d.person_in("Oakfield Primary, year 4, SEN support."), None);
        assert_eq!(
            d.person_in("Ask for [name] at [setting]; email [email]."),
            None
        );
    }

    #[test]
    fn names_need_more_than_a_capital_letter() {
        let d = detector();
        for text in [
            "The SENCO at school and the Local Authority took 40 weeks to issue the EHCP.",
            "On Monday we met the Educational Psychologist and the Head of Year.",
            "We moved from Leeds to Bradford in January.",
            "He loves Minecraft, Lego and YouTube.",
            "Will the council ever listen? Hope so.",
            "I speak Urdu and English at home and we pray to God.",
        ] {
            assert!(!d.scan(text).personal_data(), "{text}");
        }
        for text in [
            "my son jack is 9",
            "Her name is Wiktoria.",
            "a boy called Tymon",
            "I sit next to Zbigniew in class",
            "Dr Okafor was kind",
            "ask mr smith",
            "My daughter rukaiya is in year 9",
        ] {
            assert!(d.scan(text).personal_data(), "{text}");
        }
    }

    #[test]
    fn structured_personal_data() {
        let d = detector();
        let has = |text: &str, kind: PersonalKind| kinds(&d, text).contains(&Flag::Personal(kind));
        assert!(has("call 07700 900123", PersonalKind::Phone));
        assert!(has("ring +44 7700 900123", PersonalKind::Phone));
        assert!(has("landline 01484 123456", PersonalKind::Phone));
        assert!(has("postcode sw1a 1aa", PersonalKind::Postcode));
        assert!(has("we are in HD1 2AB", PersonalKind::Postcode));
        assert!(!has("he is in ks2 3rd set", PersonalKind::Postcode));
        assert!(has("lives at 22 Mill Lane", PersonalKind::Address));
        assert!(!has("2 hours on the road every day", PersonalKind::Address));
        assert!(has("NHS number 4857773456", PersonalKind::NhsNumber));
        assert!(has("born on 3 May 2015", PersonalKind::DateOfBirth));
        assert!(has("date of birth: 03/05/2015", PersonalKind::DateOfBirth));
        assert!(!has(
            "the meeting is on 03/05/2025",
            PersonalKind::DateOfBirth
        ));
        assert!(has(
            "my son is at St Mary's in year 2",
            PersonalKind::SettingWithChild
        ));
        assert!(!has(
            "Forest School and Secondary School are generic",
            PersonalKind::SettingWithChild
        ));
        assert!(nhs_checksum_ok(&[9, 4, 3, 4, 7, 6, 5, 9, 1, 9]));
        assert!(!nhs_checksum_ok(&[9, 4, 3, 4, 7, 6, 5, 9, 1, 8]));
    }

    #[test]
    fn disclosures_are_flagged_and_negations_respected() {
        let d = detector();
        for text in [
            "I don't feel safe at home",
            "i dont feel safe",
            "sometimes i wanna die",
            "i want to kil myself",
            "my stepdad hurts me",
            "he has bruises on his back",
            "there is no food at home",
            "he touched me and said it was our secret",
            "she talks about sucide",
            "I've been self harming",
            "they made me send photos, it was sexual",
            // Found only by the fallback lexicon.
            "i wont to die",
            "i get smakked if i dont eat my tea",
            "a man online asked me for pictures of me in my pyjamas",
        ] {
            assert!(d.scan(text).safeguarding(), "{text}");
        }
        for text in [
            "I feel safe at school",
            "I never feel unsafe here",
            "nobody hurts me",
            "I don't want to die, I just want the noise to stop",
            "The system is killing us",
            "Waiting lists are hurting families",
            "It was an abuse of process",
            "My child was hurt by the long wait",
            "The school failed him",
            "It's a nightmare and we are at breaking point, fighting for support",
            "Sex education needs adapting for him",
            "They threatened us with a fine for his attendance",
            "The wait for the autism assessment is killing us.",
            "The annual review was hit and miss.",
            "I used to get bullied but not any more, my teacher sorted it.",
            "No one bullies me now.",
            "My son is scared of the dentist.",
            "He hits out when overwhelmed, but staff manage it well.",
        ] {
            assert!(!d.scan(text).safeguarding(), "{text}");
        }
    }

    #[test]
    fn flags_serialise_label_and_kind() {
        let d = detector();
        let (json, personal, safeguarding) = d.flags("Mrs Patel hits me");
        assert!(personal && safeguarding);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let first = &v["findings"][0];
        assert_eq!(first["flag"]["label"], "personal");
        assert_eq!(first["flag"]["kind"], "name");
        assert_eq!(first["start"], 0);
        assert_eq!(first["excerpt"], "Mrs Patel");
        assert_eq!(v["findings"][1]["flag"]["label"], "safeguarding");
        assert_eq!(v["findings"][1]["flag"]["kind"], "harm");
    }
}
