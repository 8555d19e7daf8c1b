DROP TABLE password_links;
DROP TABLE comment_documents;
DROP TRIGGER carried_actions_final_update;
DROP TRIGGER carried_actions_final_insert;
DROP TABLE carried_actions;
