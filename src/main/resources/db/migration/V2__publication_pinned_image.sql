-- A publication whose technical configuration names a registry repository pulls its image from there: step 1
-- resolves the tags and pins the one image they name, e.g. https://registry.example/contoso/web@sha256:<hex>.
-- Certification and packaging read that pinned reference, so a tag moved later changes nothing. Null for uploaded
-- images (image_digest names those) and until step 1 has pinned one. Portable between H2 2.x and PostgreSQL.
alter table publication add column pinned_image varchar(400);
