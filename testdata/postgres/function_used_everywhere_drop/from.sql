CREATE FUNCTION slugify(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT lower(regexp_replace(trim(t), '[^a-zA-Z0-9]+', '-', 'g')) $$;
CREATE FUNCTION set_slug() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.slug := slugify(NEW.title); RETURN NEW; END $$;
CREATE TABLE articles (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title text NOT NULL,
    slug text NOT NULL DEFAULT slugify('untitled'),
    CONSTRAINT articles_slug_clean CHECK (slug = slugify(slug))
);
CREATE UNIQUE INDEX articles_title_slug ON articles (slugify(title));
CREATE TRIGGER articles_set_slug BEFORE INSERT OR UPDATE OF title ON articles FOR EACH ROW EXECUTE FUNCTION set_slug();
