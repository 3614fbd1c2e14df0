CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(200) NOT NULL);
CREATE FUNCTION email_of(account_id accounts.id%TYPE) RETURNS accounts.email%TYPE LANGUAGE sql STABLE AS $$ SELECT email FROM accounts WHERE id = account_id $$;
