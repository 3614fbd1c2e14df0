SET search_path = '';
CREATE TABLE public.ev (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE public.ev_2024 (id bigint NOT NULL, at date NOT NULL);
ALTER TABLE ONLY public.ev ATTACH PARTITION public.ev_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE ONLY public.ev ADD CONSTRAINT ev_pkey PRIMARY KEY (id, at);
ALTER TABLE ONLY public.ev_2024 ADD CONSTRAINT ev_2024_pkey PRIMARY KEY (id, at);
ALTER INDEX public.ev_pkey ATTACH PARTITION public.ev_2024_pkey;
