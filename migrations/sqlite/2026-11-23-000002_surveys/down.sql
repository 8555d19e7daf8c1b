DROP TABLE answers;
DROP TABLE responses;
DROP TABLE surveys;
