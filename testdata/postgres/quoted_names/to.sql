CREATE TABLE "User" ("Id" int PRIMARY KEY, "full name" text, "order" int, "select" text);
CREATE INDEX "User Name Idx" ON "User" ("full name");
