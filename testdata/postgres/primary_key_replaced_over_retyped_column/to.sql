CREATE TABLE identities (id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY, user_id uuid NOT NULL, provider text NOT NULL);
