CREATE TABLE item_base (id int NOT NULL, label text);
CREATE TABLE book (isbn text) INHERITS (item_base);
