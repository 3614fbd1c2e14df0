CREATE TABLE public.authors (id bigint PRIMARY KEY);
CREATE TABLE public.books (
    id bigint PRIMARY KEY,
    -- The hint names the constraint, the last object starting on the line.
    author_id bigint CONSTRAINT books_author_id_fkey REFERENCES public.authors (id) ON DELETE CASCADE, -- schema:renamed-from books_author
    editor_id bigint
);
ALTER TABLE public.books ADD CONSTRAINT books_editor_id_fkey -- schema:renamed-from books_editor
    FOREIGN KEY (editor_id) REFERENCES public.authors (id);
