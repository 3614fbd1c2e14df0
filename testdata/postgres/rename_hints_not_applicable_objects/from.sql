CREATE TYPE public.mood AS ENUM ('happy', 'sad');
CREATE TABLE public.t (
    a int CONSTRAINT t_a_uq UNIQUE,
    b int,
    c int
);
CREATE INDEX t_b_index ON public.t (b);
CREATE INDEX t_c_index ON public.t (c);
