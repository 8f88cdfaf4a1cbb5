CREATE TABLE `listings` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`description_lang` text DEFAULT 'nl' NOT NULL,
	`venue` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`neighbourhood` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "listings_lat_range" CHECK("listings"."lat" between -90 and 90),
	CONSTRAINT "listings_lng_range" CHECK("listings"."lng" between -180 and 180)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `listings_slug_unique` ON `listings` (`slug`);--> statement-breakpoint
CREATE INDEX `listings_status_kind_idx` ON `listings` (`status`,`kind`);--> statement-breakpoint
CREATE INDEX `listings_lat_lng_idx` ON `listings` (`lat`,`lng`);