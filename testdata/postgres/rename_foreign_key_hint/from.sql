CREATE TABLE public.authors (id bigint PRIMARY KEY);
CREATE TABLE public.books (
    id bigint PRIMARY KEY,
    author_id bigint CONSTRAINT books_author REFERENCES public.authors (id) ON DELETE CASCADE,
    editor_id bigint
);
ALTER TABLE public.books ADD CONSTRAINT books_editor FOREIGN KEY (editor_id) REFERENCES public.authors (id);
