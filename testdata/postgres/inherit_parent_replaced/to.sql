CREATE TABLE item (id int NOT NULL, label text);
CREATE TABLE book (id int NOT NULL, label text, isbn text) INHERITS (item);
