ALTER TABLE `listings` ADD `approved_at` integer;--> statement-breakpoint
ALTER TABLE `listings` ADD `moderation_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `listings_owner_idx` ON `listings` (`owner_id`);--> statement-breakpoint
UPDATE `listings` SET `approved_at` = `published_at` WHERE `status` = 'published';