CREATE TABLE names (a text COLLATE "C");
