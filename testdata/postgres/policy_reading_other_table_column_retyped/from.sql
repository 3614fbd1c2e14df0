CREATE TABLE invoices (id bigint PRIMARY KEY, amount numeric(10,2) NOT NULL);
CREATE TABLE lines (invoice_id int NOT NULL, label text);
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY invoices_with_lines ON invoices
    USING (id IN (SELECT l.invoice_id FROM public.lines l));
