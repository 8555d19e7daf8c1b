//! Triage of free-text survey answers before an inspector may quote them.
//!
//! Every answer is checked for two things: personal data (names, contact
//! details, a named setting with a child's details) and possible safeguarding
//! disclosures. Missing a disclosure costs far more than a false flag, so the
//! safeguarding rules lean towards flagging and step back only where wording is
//! plainly figurative ("it hit me that..."), about the system ("abuse of
//! process") or negated right before the words ("nobody hurts me").
//!
//! Everything is compiled once in [`Detector::new`]. A scan makes a few regex
//! passes over an ASCII-lowercased copy of the text (the same byte offsets, so
//! findings point into the original) and one pass over its words for names.

use std::collections::HashSet;

use regex::{Regex, RegexSet};
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
// Patterns run on the ASCII-lowercased text. In them a straight apostrophe
// stands for "an apostrophe, curly or straight, or none" (children write
// "dont" as often as "don't"), and `\b` is the ASCII word boundary, which
// keeps the fast regex engine in play on text with Urdu, Polish or emoji.
// `not_before` is tried on up to 60 bytes before a match (anchor it with `$`),
// `not_after` on the match and up to 60 bytes after it (anchor it with `^`).

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
        r"(?:\b(?:it|that|this|reality|realisation|realization|news|system|process|delays?|wait|waiting|council|decision|cuts|lockdown|covid|pandemic|move|changes?|loss|death|divorce|transition|diagnosis|exclusion|isolation|bereavement)\s+(?:has\s+|have\s+|had\s+|really\s+|so\s+|badly\s+|just\s+|also\s+|suddenly\s+|finally\s+|still\s+)*|\b(?:panic|heart|anxiety|asthma)\s+|\b(?:seeing|watching|knowing|hearing)\b[^.!?]{0,40})$",
        r"^(?:kick\w*\s+\w+\s+(?:\w+\s+)?(?:out|off)\b|beat\w*\s+\w+\s+(?:\w+\s+)?(?:at|in (?:a|the) (?:race|game|match))\b|beat\w*\s+\w+\s+to\s+it\b|hit\w*\s+(?:the|his|her|my|their)\s+(?:targets?|milestones?|ceiling|limit|wall|peak|mark|deadline)|(?:burnt|burned|burns)\s+(?:my|his|her)\s+(?:tongue|mouth|fingers?|hand)\b|hurt\w*\s+(?:me|us|him|her)\s+(?:to|that|so much to|deeply|inside)\b)",
        true,
    ),
    rule(
        Harm,
        r"\b(?:push|pushes|pushed|pushing|shove|shoves|shoved|shoving|grab|grabs|grabbed|grabbing|drag|drags|dragged|dragging|pinch|pinches|pinched|pinching|scratch|scratches|scratched|bite|bites|bit|bitten|biting|shake|shakes|shook|shaking|(?:throws?|threw|throwing)\s+(?:things|stuff|\w+)\s+at|spit|spits|spat|twist|twists|twisted|tripped|trips)\s+{OBJ}\b",
        r"\b(?:it|that|this)\s+(?:really\s+|so\s+|just\s+)?$",
        r"^(?:push\w*\s+\w+(?:\s+\w+)?\s+(?:to|towards?|forward|too|hard|harder|on|into\s+(?:a\s+|an\s+|the\s+)?(?:mainstream|special|specialist|placement|school|class|setting|tribunal|crisis|burnout|independence|education|exams?|college))\b|(?:shake|shakes|shook|shaking)\s+\w+(?:\s+\w+)?\s+(?:hand|up)\b|grab\w*\s+\w+(?:\s+\w+)?\s+attention|drag\w*\s+\w+(?:\s+\w+)?\s+(?:to|into)\s+(?:school|class|the car|appointments?|lessons?)|bit\s+(?:me|him|her|us|them)\s+(?:of|more|less|better)\b|twist\w*\s+(?:my|his|her)\s+arm\s+(?:to|into)\b)",
        true,
    ),
    // Passive or reported harm: "got hit", "was badly hurt", "is being kicked".
    rule(
        Harm,
        r"\b(?:got|get|gets|getting|been|being|was|were|is|am|are|keeps? getting)\s+(?:\w+\s+)?(?:hit|hurt|beaten|beat up|punched|kicked|slapped|smacked|attacked|assaulted|strangled|choked|stabbed|burnt|burned|bitten|battered|thumped|headbutted|pushed|shoved|thrown|restrained|dragged|pinned down|held down|locked in|locked up|locked out|tied up|whipped|abused|touched|molested|raped|groomed|exploited|threatened|hurted|smacked)\b",
        "",
        r"^(?:\S+\s+(?:\S+\s+)?(?:not|never|no)\s|[^.!?]{0,40}?(?:hurt\s+(?:that|when|because|and\s+(?:upset|angry|confused|disappointed|frustrated|let down)|by\s+(?:the|their|this|his|her|all|a|how|what|our)\s+(?:long\s+|endless\s+|constant\s+)?(?:wait|waiting|delay|delays|process|system|lack|decision|decisions|council|la|local authority|school's|failure|experience|situation|way|cuts|refusal|policy|comments?|words|attitude|response|letter|email|report|treatment|rejection))|pushed\s+(?:into|out|from|back|to|towards|through|aside)|kicked\s+(?:out|off)|thrown\s+(?:out|off|into)|locked out of (?:the|his|her|my|our) (?:account|portal|system|app|email)|touched\s+(?:that|to see|to hear|by (?:the|their|how|your) (?:kindness|care|support|effort|way|words|gesture))|threatened\s+with\s+(?:a\s+|an\s+)?(?:exclu\w*|fines?|court|legal|prosecution|tribunal|removal|letters?|being (?:excluded|fined|taken))|hit\s+(?:hard\s+)?by\s+(?:the\s+)?(?:cuts|delays?|changes|costs?|bills?|news|pandemic|covid|lockdown)))",
        true,
    ),
    rule(
        Harm,
        r"\bbruis\w*|\bmarks?\s+on\s+(?:my|his|her|their|the)\s+(?:arms?|necks?|faces?|backs?|legs?|body|wrists?|skin|bum|bottom|chest|stomach|tummy|throat)\b|\bblack eyes?\b|\b(?:cigarette|rope|belt)\s+(?:burns?|marks?)\b|\bburns?\s+on\s+(?:my|his|her|their)\b|\b(?:split|fat|bleeding|bust|busted)\s+lip\b|\bunexplained\s+(?:injur\w*|marks|bruis\w*|cuts|burns)|\bcomes?\s+(?:home|in|into school|to school)\s+with\s+(?:\w+\s+){0,2}(?:injur\w*|marks|cuts|scratches|bruis\w*|burns|bite marks)|\b(?:injur\w*|marks|cuts|scratches|burns)\b[^.!?]{0,40}\b(?:nobody|no one|noone|can't|cannot|couldn't|could not|won't|unable to)\b[^.!?]{0,20}\bexplain|\b(?:get|gets|got|getting|give|gives|gave|giving)\s+(?:me|him|her|us\s+)?(?:a\s+)?(?:smack|slap|beating|hiding|belting|whack|kicking|good hiding)\b|\b(?:is|are|was|were|gets|get|can be)\s+(?:very\s+|really\s+|so\s+)?(?:cruel|rough|violent|aggressive|physical)\s+(?:to|with|towards)\s+(?:me|us|him|her|them|my|his|her)\b",
        "",
        r"^bruised\s+(?:ego|pride|confidence|feelings)",
        true,
    ),
    // Threats, but not the school's threats of fines or exclusion.
    rule(
        Harm,
        r"\bthreat(?:en|ens|ened|ening|s)?\b",
        r"\b(?:under|no|little|the)\s+$",
        r"^threat\w*\s+(?:(?:us|me|him|her|them|the family|my family|parents|my son|my daughter|my child)\s+)?(?:with\s+|to\s+|of\s+)?(?:a\s+|an\s+|the\s+)?(?:exclu\w*|fine|fines|fined|fining|court|legal|prosecut\w*|tribunal|judicial|take (?:us|me|him|her) to court|report|withdraw\w*|remov\w*|stop|close|call social|refer\w*|involve|permanent|cut|end|place|his place|her place|funding|letters?|emails?|attendance|penalt\w*|section|social services|deregist\w*|off.?roll\w*|services|our|his|her)\b|^threatening\s+(?:letters?|emails?|tone|language|manner)",
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
        r"\b(?:nerf|water|toy|glue|plastic|butter|cutlery|table|bread|fish|pretend|staple)\s+$",
        r"^(?:kni\w+\s+(?:and\s+forks?|skills|safely|to cut|work)|guns?\s+games?)",
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
        "",
        true,
    ),
    // Abuse.
    rule(
        Abuse,
        r"\babus\w*",
        r"\b(?:signs? of|indicators? of|training (?:on|in|about)|awareness of|recogni[sz]e|recogni[sz]ing|spot|spotting|identify|identifying|prevent|preventing|prevention of|tackle|tackling|protect(?:ed|ing|s)? (?:children|them|pupils|young people|learners) from|keep children safe from)\s+(?:\w+\s+)?$",
        r"^abus\w*\s+of\s+(?:the\s+)?(?:process|power|powers|system|position|procedure|procedures|discretion|law|funds|public money|authority|statutory|legal|rules|data)\b|^abusing\s+(?:the|their|its|his|her)\s+(?:system|power|powers|position|process|authority)",
        true,
    ),
    rule(
        Abuse,
        r"\btouch(?:es|ed|ing)?\s+(?:me|my\s+(?:privates?|private parts|bum|bottom|body|chest|breasts?|boobs|willy|penis|vagina|bits|legs?|thighs?|front)|(?:him|her|them)\s+(?:inappropriately|down there|there|in (?:a|the) wrong way|in private places)|(?:his|her|their)\s+(?:privates?|private parts|bum|bottom|willy|penis|vagina|bits|breasts?|boobs|chest))\b|\binappropriate(?:ly)?\s+touch\w*|\btouch\w*\s+(?:\w+\s+)?inappropriately|\bbad touch\w*|\b(?:keeps?|kept|been|always|started|starts|constantly|won't stop|keep on)\s+touching\s+(?:me|him|her|them)\b|\bpull(?:s|ed|ing)?\s+(?:my|his|her)\s+(?:trousers|pants|knickers|skirt|shorts|top|underwear)\s+(?:down|off|up)\b",
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
        "",
        r"^(?:exploit\w*\s+(?:the|this|a|our|their)\s+(?:system|loophole|gap|situation|goodwill)|coerc\w*\s+(?:us|me|parents|families)\s+into\s+(?:signing|accepting|agreeing))",
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
        r"\b(?:no|never any|never enough|not enough|isn't any|isn't enough|hardly any|there's no|nothing)\s+(?:food|dinner|tea|breakfast|lunch|meals?)\s+(?:at|in)\s+(?:home|the house|my house|our house)\b|\bnothing to eat\b|\bno food\b|\b(?:never|not|don't|doesn't|isn't|wasn't|hasn't been|haven't been|aren't|weren't)\s+(?:being\s+|been\s+|gets?\s+|getting\s+|properly\s+)?fed\b|\b(?:go|goes|going|went|gone)\s+(?:to\s+(?:bed|school)\s+)?hungry\b|\b(?:always|so|very|really|constantly|often)\s+hungry\b|\bhungry all the time\b|\bstarving (?:at home|all the time)\b|\b(?:always|constantly|often)\s+starving\b|\bstarved\b|\bno breakfast\b|\bwithout (?:any\s+)?(?:breakfast|food|dinner|tea)\b|\b(?:don't|doesn't|never|didn't|not)\s+(?:get|gets|got|have|has|had|given|getting)\s+(?:any\s+)?(?:dinner|tea|breakfast|food|meals?|anything to eat)\b|\b(?:seems?|looks?|appears?|comes?\s+(?:in|to school)|coming\s+(?:in|to school)|came\s+(?:in|to school)|arrives?|arriving|turns? up)\s+(?:\w+\s+)?(?:hungry|unkempt|dirty|filthy|smelly|unwashed)\b|\b(?:hungry|dirty|unwashed|unkempt|smelly)\s+and\s+(?:dirty|hungry|unwashed|unkempt|smelly)\b",
        "",
        r"^(?:\S+(?:\s+\S+){0,2}\s+fed\s+up|(?:always|so|very|really|constantly|often)\s+hungry\b[^.!?]{0,50}\b(?:medication|meds|growth spurt|tablets)|\S+\s+hungry\s+(?:for|to)\s+(?:learn\w*|knowledge|success|more|information|attention|progress)|no food\s+(?:allowed|or drink|in (?:class|the classroom|lessons)|in the car)|starved\s+of\s+(?:funding|money|resources|support|cash|investment)|no breakfast club|without\s+(?:any\s+)?(?:breakfast|food)\s+(?:club|provision))",
        false,
    ),
    rule(
        Neglect,
        r"\bleft\s+(?:(?:me|him|her|us|them|my\s+\w+|his\s+\w+|her\s+\w+)\s+)?(?:at\s+home\s+|home\s+)?(?:all\s+)?(?:alone|on (?:my|his|her|their|our) own|by (?:my|him|her|them|our)sel(?:f|ves))\b|\bhome alone\b|\b(?:alone|on my own|by myself|on our own)\s+(?:all|every)\s+(?:night|day|weekend|evening)\b|\b(?:nobody|no one|noone|no body)\s+(?:\w+\s+)?(?:looks after|look after|takes care of|cares for|feeds|is there for|looking after)\s+(?:me|us|him|her|them)\b|\bno one to look after\b|\b(?:look|looking|looks)\s+after\s+my\s?self\b|\b(?:nobody|no one|noone)\s+(?:at home\s+|here\s+)?(?:cares|loves|wants)\s+(?:about\s+)?me\b|\bleft\s+(?:to\s+(?:care for|look after)|in charge of)\s+(?:her|his|my|their)\s+(?:younger\s+|little\s+|baby\s+)?(?:siblings?|brothers?|sisters?)\b|\b(?:house|home|flat)\s+is\s+(?:always\s+|really\s+|so\s+)?(?:filthy|disgusting|dirty|a tip|squalid)\b|\bnot allowed (?:to eat|food|any food|out of (?:my|his|her|the) (?:room|bedroom))|\b(?:mum|dad|parents|they)\s+(?:goes?|went)\s+out\s+and\s+(?:leaves?|left)\s+(?:me|us)\b",
        r"\b(?:to be|be|wants to be|want to be|like to be|likes being|prefers being)\s+$",
        r"^left\s+(?:\w+\s+)?(?:alone|on our own|on my own|by ourselves|by myself)\s+to\s+(?:deal|cope|fight|sort|manage|figure|work|get on|navigate|pick|find|battle|struggle)",
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
        r"(?:\b(?:council|la|local authority|system|government|schools?|services|authority|camhs|nhs)\s+(?:has\s+|have\s+|had\s+|is\s+|are\s+|was\s+|were\s+)?(?:been\s+)?(?:totally\s+|completely\s+|utterly\s+|just\s+|so\s+)?|\b(?:feel|feels|felt|feeling)\s+(?:so\s+|very\s+|really\s+|totally\s+|completely\s+)?)$",
        r"^neglect\w*\s+(?:their|its|his|her|the|our)\s+(?:duty|duties|responsibilit\w*|statutory|legal)|^neglect\w*\s+by\s+(?:the\s+)?(?:system|council|la|local authority|services|school|schools|government|nhs|state|professionals|authorities)|^neglect\w*\s+(?:of|in)\s+(?:duty|the|their|send|provision|sen\b)",
        true,
    ),
    // Self-harm and suicide.
    rule(
        SelfHarm,
        r"\bsel(?:f|ve)[\s-]*harm\w*|\bself[\s-]*injur\w*|\b(?:cut|cuts|cutting)\s+(?:on\s+)?(?:my|his|her|their)\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach|tummy)\b|\b(?:cut|cuts|cutting|cutted|hurt|hurts|hurting|harm|harms|harming|harmed|kill|kills|killing|kil|hit|hits|hitting|punch|punches|punching|scratch|scratches|scratching|bite|bites|biting|burn|burns|burning|strangle|strangles|starve|starves|starving|hang|hangs|hanging)\s+(?:my|him|her|them|your|our|ur)\s?sel(?:f|ves)\b",
        r"\b(?:children|young people|pupils|students|kids|people|those)\s+(?:who|that)\s+(?:are\s+)?$",
        "",
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
        "",
        true,
    ),
    rule(
        SelfHarm,
        r"\b(?:bang|bangs|banging|banged)\s+(?:his|her|my|their)\s+head\b|\bhead[\s-]?bang\w*|\b(?:hit|hits|hitting)\s+(?:his|her|my|their)\s+head\s+(?:on|against|off)\b|\b(?:bite|bites|biting|scratch|scratches|scratching|pick|picks|picking)\s+(?:his|her|my|their)\s+(?:own\s+)?(?:skin|arms?|hands?)\s+(?:until|till|til)\b",
        "",
        r"^(?:bang|hit)\w*\s+(?:my|our|their|his|her)\s+heads?\s+(?:against|on)\s+(?:a\s+|the\s+)?(?:brick\s+)?wall",
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
        "",
        r"^[^.!?]{0,60}\b(?:sense of danger|road safety|traffic)\b",
        true,
    ),
    rule(
        Unsafe,
        r"\b(?:scared|scard|scaired|skared|afraid|frightened|frighten|terrified|petrified|fearful)\s+(?:of|to go|to be|at|about going|in)\s+(?:(?:my|his|her|their|our|the|me)\s+)?(?:own\s+)?(?:home|house|mum|mom|mam|mummy|mommy|mother|dad|daddy|father|step\w*|brother|sister|uncle|aunt\w*|grand\w*|nan\w*|boyfriend|girlfriend|partner|carer|foster\w*|parents?|family|teacher|him|her|them|going home|being at home|men|man|people at home|mum's|dad's)\b|\b(?:he|she|dad|mum|daddy|mummy|stepdad|stepmum|they)\s+(?:scares|frightens|terrifies)\s+(?:me|us|him|her)\b|\b(?:don't|do not|doesn't|does not)\s+want\s+to\s+go\s+(?:back\s+)?home\b|\bscared (?:to|of) (?:go|going) (?:back )?home\b|\b(?:scared|afraid|frightened|terrified|petrified|worried)\s+(?:when|if|that)\s+(?:my\s+|her\s+|his\s+)?(?:dad|mum|step\w*|daddy|mummy|father|mother|uncle|brother|boyfriend)\b|\b(?:can't|cannot|can not|couldn't|could not|not allowed to|isn't allowed to|too scared to|too afraid to|afraid to|frightened to)\s+go\s+(?:back\s+)?home\b|\b(?:kicked|thrown|chucked|threw)\s+(?:me|him|her|them)\s+out\s+of\s+(?:the|my|his|her|our)\s+(?:house|home|flat)\b|\bnowhere to (?:sleep|live|stay)\b|\bsofa[\s-]?surf\w*|\b(?:follow|follows|followed|following)\s+(?:me|him|her)\s+(?:home|into|around|everywhere)\b|\bhide\w*\s+(?:in my room|under (?:my|the) bed)\s+when\b|\b(?:parents|mum and dad|dad and mum)\s+(?:\w+\s+)?(?:fight|fighting|fights|hit each other|hurt each other)\b",
        "",
        "",
        true,
    ),
    rule(
        Unsafe,
        r"\b(?:am|is|are|being|get|gets|getting|keeps? getting|still|constantly|always)\s+(?:\w+\s+)?bullied\b|\bbull(?:y|ies|ying)\s+(?:me|him|her|us)\b|\bbullied\s+(?:every|all the time|constantly|daily|badly|so badly|non.?stop|relentlessly|severely|a lot|loads)|\bbullying\s+(?:is|was|has been)\s+(?:constant|relentless|daily|awful|horrendous|severe|bad|really bad|every day|getting worse)",
        "",
        r"^\S+\s+(?:not|never|no)\s",
        true,
    ),
    rule(
        Unsafe,
        r"\b(?:ran|runs|run|running)\s+away\s+from\s+home\b|\b(?:went|goes|go|gone|going)\s+missing\b|\bmissing from (?:home|care)\b|\breported missing\b|\bradicali[sz]\w*|\bextremis\w*|\bprevent referral\b",
        r"\b(?:paperwork|forms?|reports?|plans?|ehcp|documents?|letters?|emails?|files?|evidence|money|funding|it|uniform|coat|things|stuff|bags?|shoes|equipment|records?)\s+(?:\w+\s+)?$",
        "",
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
        r"^[^.!?]{0,60}?\bkick\w*\s+and\s+scream|^[^.!?]{0,60}?\b(?:hit|hits|hitting|kick\w*|beat\w*|hurt\w*|punch\w*|burn\w*)\s+(?:(?:me|him|her|us|them|every|all|each|his|her|their|the|a|its)\s+)?(?:off|out|cushions?|pillows?|punch ?bags?|the air|furniture|doors?|toys|balls?|the ball|the roof|the road|roads|a wall|walls|the wall|the ground running|targets?|milestones?|the ceiling|the books|a nerve|a brick wall|the bottle|the deadline|himself|herself|myself|themselves|his head|her head|my head|his hand|her hand|his knee|her knee|their)\b|^[^.!?]{0,60}?\bhurt\w*\s+(?:at work|his back|her back|my back|feelings|by the|that|when)",
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
        r"^\S+\s+cutting\s+(?:down|back|out|off|corners|the|his|our|their|costs|funding|hours|services|support|edge|it|them|paper|shapes|hair|grass)\b",
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
        r"\b(?:panic|the|food|he|she)\s+$",
        r"^(?:kicked\s+(?:\w+\s+)?(?:off|out|up|in|a ball|the ball|a football|the football)\b|punched\s+(?:a|the)\s+(?:wall|door|cushion|pillow|bag)\b|slap(?:ped)?\s+with\s+(?:a\s+)?(?:fine|penalty|bill|charge)|beaten\s+(?:to it|by the system)|choked\s+(?:on|up|back)\b|smack\w*\s+(?:his|her|my|their)\s+lips)",
        true,
    ),
];

/// Fills in `{OBJ}`, makes apostrophes optional and word boundaries and word
/// characters ASCII (the text is ASCII-lowercased; ASCII classes keep the
/// regex DFAs small, which matters: Unicode `\w` made a scan 30 times slower).
fn prepare(pattern: &str) -> String {
    let object = format!(
        r"(?:me|him|her|us|them|mummy|daddy|mum|dad|nan|(?:my|his|her|their|our|the)\s+(?:{PEOPLE}|{BODY}))"
    );
    pattern
        .replace("{OBJ}", &object)
        .replace('\'', "['’]?")
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\w", "[0-9a-z_]")
}

struct SafeRule {
    kind: SafeguardingKind,
    re: Regex,
    not_before: Option<Regex>,
    not_after: Option<Regex>,
    negatable: bool,
}

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
            r"(?i:\b(?:live|lives|living|lived|moved to|house on|flat on|stay|stays|staying)\s+(?:on|in|at)\s+)(?:[A-Z][a-z]+\s+){1,2}(?:Street|Road|Lane|Avenue|Close|Drive|Way|Crescent|Court|Place|Grove|Gardens|Terrace|Walk|Row|Square|Mews|Rise|Parade)\b".to_string(),
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
            if self.common.contains(stem) {
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
    safe_set: Option<RegexSet>,
    safe_rules: Vec<SafeRule>,
    structured: Vec<(Structured, Regex)>,
    child_context: Option<Regex>,
    lexicon: Lexicon,
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
        for spec in RULES {
            if let Some(re) = compile(spec.pattern) {
                safe_rules.push(SafeRule {
                    kind: spec.kind,
                    re,
                    not_before: compile(spec.not_before),
                    not_after: compile(spec.not_after),
                    negatable: spec.negatable,
                });
            }
        }
        let safe_set = RegexSet::new(safe_rules.iter().map(|r| r.re.as_str())).ok();
        let structured = structured_specs()
            .into_iter()
            .filter_map(|(kind, p)| compile(&p).map(|re| (kind, re)))
            .collect();
        let child_context = compile(
            r"\b(?:son|daughter|child|children|kids?|boy|girl|twins?|grandson|granddaughter|lad|pupil|he|she|him|her|his|i|i'm|im|me|my|we|our)\b|\byear\s?\d{1,2}\b|\by\d{1,2}\b|\breception\b",
        );
        Self {
            safe_set,
            safe_rules,
            structured,
            child_context,
            lexicon: Lexicon::new(),
        }
    }

    /// Every finding in `text`, in order of where it starts.
    pub fn scan(&self, text: &str) -> Triage {
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

        match w.shape {
            Shape::Title => {
                if (naming || kin) && (!is_common || known) {
                    return Some(i);
                }
                if known {
                    if !is_common {
                        return Some(i);
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
                if kin && verb_next && !lex.looks_common(key) && key.len() > 2 {
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
        // Without the set (it cannot fail to build, but if it did) try every rule.
        let candidates: Vec<usize> = match &self.safe_set {
            Some(set) => set.matches(lower).into_iter().collect(),
            None => (0..self.safe_rules.len()).collect(),
        };
        for idx in candidates {
            let Some(rule) = self.safe_rules.get(idx) else {
                continue;
            };
            for m in rule.re.find_iter(lower) {
                let (start, end) = (m.start(), m.end());
                if let Some(re) = &rule.not_before {
                    let from = floor_boundary(lower, start.saturating_sub(60));
                    if lower.get(from..start).is_some_and(|b| re.is_match(b)) {
                        continue;
                    }
                }
                if let Some(re) = &rule.not_after {
                    let to = ceil_boundary(lower, end + 60);
                    if lower.get(start..to).is_some_and(|a| re.is_match(a)) {
                        continue;
                    }
                }
                if rule.negatable && self.negated(lower, start, end) {
                    continue;
                }
                Self::push(findings, text, Flag::Safeguarding(rule.kind), start, end);
            }
        }
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
const COMMON_WORDS: &str = "
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
                    Regex::new(&prepare(p)).unwrap();
                }
            }
        }
        for (_, p) in structured_specs() {
            Regex::new(&prepare(&p)).unwrap();
        }
        let d = detector();
        assert_eq!(d.safe_rules.len(), RULES.len());
        assert_eq!(d.safe_set.as_ref().map(RegexSet::len), Some(RULES.len()));
        assert_eq!(d.structured.len(), structured_specs().len());
        assert!(d.child_context.is_some());
    }

    #[test]
    fn detector_is_shareable() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Detector>();
    }

    /// Recall and precision on the hand-labelled answers (children's, parents'
    /// and practitioners' voices; see tests/fixtures/triage-labelled.jsonl).
    #[test]
    fn labelled_set_meets_recall_and_precision_targets() {
        let d = detector();
        let data = include_str!("../../tests/fixtures/triage-labelled.jsonl");
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

    /// A rough timing: the scan runs inside the submission transaction.
    #[test]
    fn scan_is_quick() {
        let d = detector();
        let text = "My son Jack is in Year 4 at Oakfield Primary. The EHCP took 50 weeks and the \
            council ignored us. He gets really anxious and the SENCO, Mrs Patel, has tried her best \
            but there is no money. Sometimes he says he wants to die and he has started hitting \
            his head on the wall. We live at 14 Oak Tree Road, HD1 2AB, call 07700 900123. \
            Honestly it has been a nightmare and we are at breaking point, fighting for support \
            every single week with no end in sight.";
        assert!(text.len() >= 400);
        let runs = 200u32;
        let started = std::time::Instant::now();
        for _ in 0..runs {
            assert!(d.scan(text).safeguarding());
        }
        let per_scan = started.elapsed() / runs;
        println!("scan of {} bytes: {per_scan:?}", text.len());
        // Generous, for unoptimised test builds on a busy machine.
        assert!(per_scan < std::time::Duration::from_millis(20));
    }
}
