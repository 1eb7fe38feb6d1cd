-- A decision's comment may be 2,000 characters, and the outcome stores it after "Go live selected by <user>: ":
-- wide enough for the longest comment with its prefix.
alter table publication alter column outcome_comment set data type varchar(4000);
