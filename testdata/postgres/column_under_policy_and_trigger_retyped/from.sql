CREATE TYPE doc_state AS ENUM ('draft', 'review', 'archived', 'published');
CREATE TABLE documents (
    id int PRIMARY KEY,
    owner varchar(40) NOT NULL,
    state doc_state NOT NULL DEFAULT 'draft'
);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_owner ON documents USING (owner = current_user AND state <> 'archived');
CREATE FUNCTION documents_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER documents_published BEFORE UPDATE ON documents FOR EACH ROW WHEN (NEW.state = 'published') EXECUTE FUNCTION documents_touch();
