CREATE TEXT SEARCH DICTIONARY english_nostop (TEMPLATE = snowball, language = english, stopwords = english);
CREATE TEXT SEARCH DICTIONARY plain (TEMPLATE = simple, accept = false);
CREATE TEXT SEARCH CONFIGURATION docs (COPY = english);
ALTER TEXT SEARCH CONFIGURATION docs ALTER MAPPING FOR asciiword WITH english_nostop;
