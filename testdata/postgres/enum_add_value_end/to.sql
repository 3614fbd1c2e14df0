CREATE TYPE mood AS ENUM ('sad', 'happy', 'ecstatic');
CREATE TABLE p (m mood DEFAULT 'sad');
