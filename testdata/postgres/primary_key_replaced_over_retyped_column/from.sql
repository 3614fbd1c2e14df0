CREATE TABLE identities (id text NOT NULL, user_id uuid NOT NULL, provider text NOT NULL, PRIMARY KEY (provider, id));
