CREATE SCHEMA i18n;
CREATE COLLATION i18n.german (provider = icu, locale = 'de-DE');
