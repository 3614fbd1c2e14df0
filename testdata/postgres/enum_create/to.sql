CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE p (m mood, ms mood[]);
