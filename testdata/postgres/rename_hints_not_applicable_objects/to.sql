-- The old label is still wanted: 'blue' is added, 'sad' kept.
CREATE TYPE public.mood AS ENUM ('happy', 'sad', 'blue' -- schema:renamed-from sad
);
CREATE TABLE public.t (
    -- A unique constraint does not become a check: dropped and added.
    a int CONSTRAINT t_a_key CHECK (a > 0), -- schema:renamed-from t_a_uq
    b int,
    c int
);
-- The old index is still wanted.
CREATE INDEX t_b_index ON public.t (c);
CREATE INDEX t_b_idx ON public.t (b); -- schema:renamed-from t_b_index
-- No index of that name.
CREATE INDEX t_c_idx ON public.t (c); -- schema:renamed-from t_c_missing
