DROP TABLE password_links;
DROP TABLE comment_documents;
DROP TRIGGER carried_actions_final ON carried_actions;
DROP TABLE carried_actions;
