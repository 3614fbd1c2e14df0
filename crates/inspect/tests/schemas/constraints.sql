-- Primary keys, unique, check and foreign-key constraints, across schemas.
CREATE SCHEMA billing;

CREATE TABLE customers (
    id bigint PRIMARY KEY,
    email varchar(200) NOT NULL UNIQUE,
    region text NOT NULL,
    code text,
    kind varchar(10) NOT NULL CHECK (kind IN ('person', 'company')),
    age integer CHECK (age BETWEEN 0 AND 150),
    phone text CONSTRAINT phone_format CHECK (phone LIKE '+%'),
    score numeric(5, 2) CHECK (score > 0),
    note varchar(100) CHECK (char_length(note) < 90),
    CONSTRAINT customers_region_code_key UNIQUE (region, code),
    CONSTRAINT phone_later UNIQUE (phone) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT note_soon UNIQUE (note) DEFERRABLE INITIALLY IMMEDIATE,
    CONSTRAINT code_nulls UNIQUE NULLS NOT DISTINCT (code),
    CONSTRAINT code_cover UNIQUE (code) INCLUDE (region)
);

CREATE TABLE billing.invoices (
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    number integer NOT NULL,
    region text,
    code text,
    amount numeric(12, 2) NOT NULL CONSTRAINT positive_amount CHECK (amount >= 0::numeric),
    issued date NOT NULL,
    due date,
    PRIMARY KEY (customer_id, number) INCLUDE (issued),
    CHECK (due IS NULL OR due >= issued),
    FOREIGN KEY (region, code) REFERENCES customers (region, code) MATCH FULL ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE billing.lines (
    customer_id bigint,
    invoice_number integer,
    line integer,
    text varchar(30) CHECK (text <> ''),
    CONSTRAINT lines_pk PRIMARY KEY (customer_id, invoice_number, line) DEFERRABLE,
    CONSTRAINT lines_invoice_fk FOREIGN KEY (customer_id, invoice_number)
        REFERENCES billing.invoices ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE public.self_ref (
    id integer PRIMARY KEY,
    parent_id integer REFERENCES self_ref ON DELETE SET DEFAULT,
    other_id integer
);
ALTER TABLE self_ref ADD CONSTRAINT self_ref_other FOREIGN KEY (other_id) REFERENCES self_ref (id) ON DELETE SET NULL NOT VALID;
ALTER TABLE self_ref ADD CONSTRAINT other_small CHECK (other_id < 1000) NOT VALID;
