-- Full-text search over listings (FTS5). unicode61 with remove_diacritics 2 folds accents,
-- so "taalcafe" finds "taalcafé". A contentful table with the listing id, kept in step by
-- triggers (listings has a text primary key, so an external-content rowid link would break
-- on VACUUM).
CREATE VIRTUAL TABLE `listings_fts` USING fts5(
	listing_id UNINDEXED,
	title,
	summary,
	description,
	venue,
	place,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `listings_fts` (listing_id, title, summary, description, venue, place)
	SELECT id, title, summary, description, venue, neighbourhood || ' ' || city || ' ' || address FROM `listings`;
--> statement-breakpoint
CREATE TRIGGER `listings_fts_insert` AFTER INSERT ON `listings` BEGIN
	INSERT INTO `listings_fts` (listing_id, title, summary, description, venue, place)
	VALUES (new.id, new.title, new.summary, new.description, new.venue, new.neighbourhood || ' ' || new.city || ' ' || new.address);
END;
--> statement-breakpoint
CREATE TRIGGER `listings_fts_delete` AFTER DELETE ON `listings` BEGIN
	DELETE FROM `listings_fts` WHERE listing_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `listings_fts_update` AFTER UPDATE OF title, summary, description, venue, neighbourhood, city, address ON `listings` BEGIN
	DELETE FROM `listings_fts` WHERE listing_id = old.id;
	INSERT INTO `listings_fts` (listing_id, title, summary, description, venue, place)
	VALUES (new.id, new.title, new.summary, new.description, new.venue, new.neighbourhood || ' ' || new.city || ' ' || new.address);
END;
