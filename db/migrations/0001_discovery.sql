CREATE TABLE `listing_languages` (
	`listing_id` text NOT NULL,
	`role` text NOT NULL,
	`lang` text NOT NULL,
	PRIMARY KEY(`role`, `lang`, `listing_id`),
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `listing_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`listing_id` text NOT NULL,
	`starts_at` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`rrule` text,
	`exdates` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `listing_schedules_listing_idx` ON `listing_schedules` (`listing_id`);--> statement-breakpoint
ALTER TABLE `listings` ADD `first_visit` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `postcode` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `timezone` text DEFAULT 'Europe/Amsterdam' NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `cost_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `cost_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `accessibility` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `step_free` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `childcare` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `women_only` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `drop_in` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `practice_languages` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `helper_languages` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `level_mask` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `club_format` text;--> statement-breakpoint
ALTER TABLE `listings` ADD `business_category` text;--> statement-breakpoint
ALTER TABLE `listings` ADD `welcome_features` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `opening_hours` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `event_topic` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `capacity` integer;--> statement-breakpoint
ALTER TABLE `listings` ADD `contact_email` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `contact_phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `website` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `weekday_mask` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `day_part_mask` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `listings` ADD `owner_id` text;--> statement-breakpoint
ALTER TABLE `listings` ADD `published_at` integer;--> statement-breakpoint
CREATE INDEX `listings_status_title_idx` ON `listings` (`status`,`title`);--> statement-breakpoint
CREATE INDEX `listings_published_at_idx` ON `listings` (`published_at`);