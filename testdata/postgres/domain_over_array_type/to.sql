CREATE DOMAIN rgb AS smallint[] CHECK (array_length(VALUE, 1) = 3 AND 0 <= ALL (VALUE) AND 255 >= ALL (VALUE));
CREATE TABLE themes (name text PRIMARY KEY, background rgb NOT NULL DEFAULT '{255,255,255}', accents rgb[]);
