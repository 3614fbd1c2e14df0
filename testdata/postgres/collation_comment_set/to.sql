CREATE SCHEMA i18n;
CREATE COLLATION i18n.german (provider = icu, locale = 'de-DE');
CREATE COLLATION i18n.case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION i18n.german IS 'German phonebook order';
COMMENT ON COLLATION i18n.case_insensitive IS 'compares ignoring case';
