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
        council_old_code -> Nullable<Text>,
        region_code -> Nullable<Text>,
        region_name -> Nullable<Text>,
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
    imports,
    indicator_values,
    duty_checks,
    documents,
    case_notes,
    answer_tallies,
    free_text_reviews,
    population_counts,
    settings,
    survey_links,
    invitations,
    outbox,
    reviews,
    review_reviewers,
    review_comments,
    final_reports,
    carried_actions,
    comment_documents,
    password_links,
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
        opens_at -> Nullable<Timestamp>,
        closes_at -> Nullable<Timestamp>,
        invitation_token -> Nullable<Text>,
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
        setting_id -> Nullable<Integer>,
        invitation_key -> Nullable<Text>,
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

diesel::table! {
    imports (id) {
        id -> Integer,
        inspection_id -> Integer,
        kind -> Text,
        file_name -> Text,
        sha256 -> Text,
        imported_by -> Nullable<Integer>,
        imported_at -> Timestamp,
        report -> Text,
    }
}

diesel::table! {
    indicator_values (id) {
        id -> Integer,
        inspection_id -> Integer,
        indicator_id -> Text,
        level -> Text,
        area_code -> Text,
        area_name -> Text,
        period -> Text,
        period_label -> Text,
        value_kind -> Text,
        value_number -> Nullable<Double>,
        value_text -> Nullable<Text>,
        note -> Text,
        import_id -> Nullable<Integer>,
    }
}

diesel::table! {
    duty_checks (id) {
        id -> Integer,
        inspection_id -> Integer,
        criterion_id -> Text,
        status -> Text,
        evidence -> Text,
        note -> Text,
        updated_by -> Nullable<Integer>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    documents (id) {
        id -> Integer,
        inspection_id -> Integer,
        title -> Text,
        kind -> Text,
        criteria -> Text,
        file_name -> Text,
        media_type -> Text,
        size -> Integer,
        sha256 -> Text,
        content -> Binary,
        uploaded_by -> Nullable<Integer>,
        uploaded_at -> Timestamp,
    }
}

diesel::table! {
    case_notes (id) {
        id -> Integer,
        inspection_id -> Integer,
        case_ref -> Text,
        age_band -> Text,
        need -> Text,
        setting -> Text,
        support -> Text,
        findings -> Text,
        bearing -> Text,
        criteria -> Text,
        created_by -> Nullable<Integer>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    answer_tallies (id) {
        id -> Integer,
        survey_id -> Integer,
        dimension -> Text,
        dimension_value -> Text,
        responses -> Integer,
        counts -> Text,
        version -> Integer,
    }
}

diesel::table! {
    free_text_reviews (id) {
        id -> Integer,
        answer_id -> Integer,
        survey_id -> Integer,
        question_id -> Text,
        findings -> Text,
        personal_data -> Bool,
        safeguarding -> Bool,
        status -> Text,
        redacted -> Nullable<Text>,
        reviewed_by -> Nullable<Integer>,
        reviewed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    population_counts (id) {
        id -> Integer,
        inspection_id -> Integer,
        form_id -> Text,
        grouping_question -> Text,
        option_id -> Text,
        count -> Integer,
    }
}

diesel::joinable!(free_text_reviews -> answers (answer_id));
diesel::joinable!(indicator_values -> imports (import_id));

diesel::table! {
    findings (id) {
        id -> Integer,
        inspection_id -> Integer,
        criterion_id -> Text,
        kind -> Text,
        text -> Text,
        evidence -> Text,
        responsible -> Nullable<Text>,
        addressed_to -> Nullable<Text>,
        in_hand -> Bool,
        group_label -> Nullable<Text>,
        position -> Integer,
        updated_by -> Nullable<Integer>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    outcome_decisions (inspection_id) {
        inspection_id -> Integer,
        outcome -> Integer,
        proposed -> Nullable<Integer>,
        rationale -> Text,
        decided_by -> Nullable<Integer>,
        decided_at -> Timestamp,
    }
}

diesel::table! {
    narratives (inspection_id, section) {
        inspection_id -> Integer,
        section -> Text,
        paragraphs -> Text,
        next_number -> Integer,
        updated_by -> Nullable<Integer>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    report_particulars (inspection_id) {
        inspection_id -> Integer,
        particulars -> Text,
        updated_by -> Nullable<Integer>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    report_versions (id) {
        id -> Integer,
        inspection_id -> Integer,
        number -> Integer,
        outcome -> Integer,
        report -> Text,
        easy_read -> Text,
        note -> Text,
        created_by -> Nullable<Integer>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    outbox (id) {
        id -> Integer,
        inspection_id -> Nullable<Integer>,
        kind -> Text,
        recipient -> Text,
        subject -> Text,
        text_body -> Text,
        html_body -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_by -> Nullable<Text>,
        claimed_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        survey_id -> Nullable<Integer>,
        invitation_id -> Nullable<Integer>,
    }
}

diesel::table! {
    settings (id) {
        id -> Integer,
        inspection_id -> Integer,
        name -> Text,
        kind -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    survey_links (id) {
        id -> Integer,
        survey_id -> Integer,
        setting_id -> Integer,
        channel -> Text,
        token -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    invitations (id) {
        id -> Integer,
        survey_id -> Integer,
        setting_id -> Nullable<Integer>,
        email -> Nullable<Text>,
        token_hash -> Text,
        nonce -> Text,
        state -> Text,
        opted_out -> Bool,
        reminders_sent -> Integer,
        last_emailed_at -> Timestamp,
        created_at -> Timestamp,
        erased_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(survey_links -> surveys (survey_id));
diesel::joinable!(survey_links -> settings (setting_id));
diesel::joinable!(invitations -> surveys (survey_id));
diesel::joinable!(invitations -> settings (setting_id));
diesel::joinable!(responses -> settings (setting_id));

diesel::table! {
    reviews (inspection_id) {
        inspection_id -> Integer,
        version_number -> Integer,
        working_days -> Integer,
        sent_by -> Nullable<Integer>,
        sent_at -> Timestamp,
        closes_at -> Timestamp,
        remind_at -> Timestamp,
        reminded -> Bool,
        closed_told -> Bool,
        extensions -> Integer,
        answers_published_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    review_reviewers (inspection_id, user_id) {
        inspection_id -> Integer,
        user_id -> Integer,
        organisation -> Text,
        submitted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    review_comments (id) {
        id -> Integer,
        inspection_id -> Integer,
        version_number -> Integer,
        paragraph_id -> Text,
        paragraph_number -> Integer,
        author_id -> Nullable<Integer>,
        organisation -> Text,
        kind -> Text,
        comment -> Text,
        correction -> Text,
        submitted_at -> Nullable<Timestamp>,
        answer -> Nullable<Text>,
        answer_text -> Text,
        answer_version -> Nullable<Integer>,
        answered_by -> Nullable<Integer>,
        answered_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    final_reports (inspection_id) {
        inspection_id -> Integer,
        version_number -> Integer,
        published_on -> Date,
        finalised_by -> Nullable<Integer>,
        finalised_at -> Timestamp,
        purged_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(review_reviewers -> users (user_id));
diesel::joinable!(final_reports -> inspections (inspection_id));
diesel::joinable!(reviews -> inspections (inspection_id));

diesel::table! {
    carried_actions (id) {
        id -> Integer,
        inspection_id -> Integer,
        from_inspection_id -> Integer,
        from_row -> Text,
        position -> Integer,
        responsible -> Text,
        action -> Text,
        progress -> Nullable<Text>,
        finding -> Text,
        updated_by -> Nullable<Integer>,
        updated_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    comment_documents (comment_id) {
        comment_id -> Integer,
        file_name -> Text,
        media_type -> Text,
        byte_size -> Integer,
        content -> Binary,
    }
}

diesel::table! {
    password_links (token_hash) {
        token_hash -> Text,
        user_id -> Integer,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(comment_documents -> review_comments (comment_id));
diesel::joinable!(password_links -> users (user_id));
