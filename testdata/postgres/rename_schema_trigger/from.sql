CREATE SCHEMA app;
CREATE TABLE app.items (
    id integer PRIMARY KEY,
    name text NOT NULL,
    updated_at timestamptz
);
CREATE FUNCTION app.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE TRIGGER items_touch BEFORE UPDATE ON app.items
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION app.touch();
CREATE TABLE public.log (item_id integer, note text);
CREATE FUNCTION public.log_item() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN INSERT INTO public.log VALUES (NEW.id, 'app.items changed'); RETURN NEW; END $$;
CREATE TRIGGER items_log AFTER INSERT ON app.items
    FOR EACH ROW EXECUTE FUNCTION public.log_item();
