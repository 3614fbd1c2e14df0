CREATE TABLE accounts (id int PRIMARY KEY, owner text, balance numeric, opened date);
CREATE TABLE owners (name text PRIMARY KEY, country text);
CREATE FUNCTION balance_of(p_owner text) RETURNS numeric LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT sum(balance) FROM accounts WHERE owner = p_owner;
END;
CREATE FUNCTION count_rich(min numeric) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*) FROM accounts a JOIN owners o ON o.name = a.owner
    WHERE a.balance > $1 AND a.opened > '2020-1-1' AND o.country IN ('de', 'fr');
END;
CREATE FUNCTION all_accounts() RETURNS SETOF accounts LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT * FROM accounts ORDER BY id;
END;
CREATE PROCEDURE open_account(i int, o text) LANGUAGE sql
BEGIN ATOMIC
    INSERT INTO accounts (id, owner, balance) VALUES (i, o, 0);
    UPDATE accounts SET balance = balance + 1 WHERE id = i;
    DELETE FROM accounts WHERE owner IS NULL;
END;
CREATE FUNCTION add_interest(amount numeric, rate numeric) RETURNS numeric LANGUAGE sql IMMUTABLE
RETURN $1 * (1 + rate);
CREATE FUNCTION close_account(i int) RETURNS numeric LANGUAGE sql
BEGIN ATOMIC
    DELETE FROM accounts WHERE accounts.id = close_account.i RETURNING balance * 1.0;
END;
