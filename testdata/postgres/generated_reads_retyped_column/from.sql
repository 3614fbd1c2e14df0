CREATE TABLE lines (qty smallint NOT NULL, price numeric(8,2) NOT NULL, total numeric GENERATED ALWAYS AS (qty * price) STORED);
