CREATE DOMAIN label AS text;
CREATE DOMAIN short_label AS label NOT NULL;
CREATE TABLE items (id int PRIMARY KEY, tag short_label, tags short_label[]);
CREATE VIEW item_tags AS SELECT id, tag FROM items;
