// Portable column types only, so one schema serves SQLite and PostgreSQL.

diesel::table! {
    users (id) {
        id -> Integer,
        email -> Text,
        display_name -> Text,
        organisation -> Text,
        kind -> Text,
        is_admin -> Bool,
        password_hash -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    partnerships (id) {
        id -> Integer,
        council_name -> Text,
        council_code -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    icbs (id) {
        id -> Integer,
        partnership_id -> Integer,
        name -> Text,
        code -> Text,
    }
}

diesel::table! {
    inspections (id) {
        id -> Integer,
        partnership_id -> Integer,
        kind -> Text,
        status -> Text,
        notified_on -> Date,
        on_site_start -> Date,
        on_site_end -> Date,
        previous_inspection_on -> Nullable<Date>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    memberships (id) {
        id -> Integer,
        inspection_id -> Integer,
        user_id -> Integer,
        role -> Text,
        icb_id -> Nullable<Integer>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_entries (id) {
        id -> Integer,
        at -> Timestamp,
        actor_user_id -> Nullable<Integer>,
        inspection_id -> Nullable<Integer>,
        action -> Text,
        detail -> Text,
    }
}

diesel::table! {
    sessions (key_hash) {
        key_hash -> Text,
        state -> Text,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    sign_in_throttle (email) {
        email -> Text,
        failures -> Integer,
        window_started_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
    }
}

diesel::joinable!(icbs -> partnerships (partnership_id));
diesel::joinable!(inspections -> partnerships (partnership_id));
diesel::joinable!(memberships -> inspections (inspection_id));
diesel::joinable!(memberships -> users (user_id));
diesel::joinable!(memberships -> icbs (icb_id));
diesel::joinable!(audit_entries -> users (actor_user_id));
diesel::joinable!(audit_entries -> inspections (inspection_id));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    partnerships,
    icbs,
    inspections,
    memberships,
    audit_entries,
    sessions,
    sign_in_throttle,
    surveys,
    responses,
    answers,
);

diesel::table! {
    surveys (id) {
        id -> Integer,
        inspection_id -> Integer,
        form_id -> Text,
        form_version -> Integer,
        status -> Text,
        open_link_token -> Text,
        kiosk_token -> Text,
        opened_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
        form_digest -> Text,
    }
}

diesel::table! {
    responses (id) {
        id -> Integer,
        survey_id -> Integer,
        channel -> Text,
        status -> Text,
        resume_code_hash -> Nullable<Text>,
        language -> Text,
        presentation -> Text,
        answers -> Text,
        helped_by_adult -> Bool,
        started_at -> Timestamp,
        updated_at -> Timestamp,
        submitted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    answers (id) {
        id -> Integer,
        response_id -> Integer,
        question_id -> Text,
        option_id -> Nullable<Text>,
        value_number -> Nullable<Integer>,
        value_text -> Nullable<Text>,
    }
}

diesel::joinable!(surveys -> inspections (inspection_id));
diesel::joinable!(responses -> surveys (survey_id));
diesel::joinable!(answers -> responses (response_id));
