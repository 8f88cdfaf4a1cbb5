CREATE TABLE `support_networks` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`descriptions` text NOT NULL,
	`area_name` text DEFAULT '' NOT NULL,
	`min_lat` real,
	`min_lng` real,
	`max_lat` real,
	`max_lng` real,
	`categories` text DEFAULT '[]' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "support_networks_lat_order" CHECK("support_networks"."min_lat" is null or "support_networks"."min_lat" <= "support_networks"."max_lat")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `support_networks_slug_unique` ON `support_networks` (`slug`);--> statement-breakpoint
CREATE TABLE `report_consents` (
	`report_id` text NOT NULL,
	`network_id` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`report_id`, `network_id`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`network_id`) REFERENCES `support_networks`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `report_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`content` text NOT NULL,
	`started_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `report_drafts_expires_idx` ON `report_drafts` (`expires_at`);--> statement-breakpoint
CREATE TABLE `report_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`author` text NOT NULL,
	`body` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `report_messages_report_idx` ON `report_messages` (`report_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `report_status_history` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`kind` text DEFAULT 'status_changed' NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor` text NOT NULL,
	`network_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`network_id`) REFERENCES `support_networks`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `report_status_history_report_idx` ON `report_status_history` (`report_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`tracking_code_hash` text NOT NULL,
	`passphrase_hash` text NOT NULL,
	`category` text NOT NULL,
	`place_kind` text NOT NULL,
	`area_cell` text,
	`month` text NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`content` text,
	`content_erased_at` integer,
	`access_expires_at` integer NOT NULL,
	`closed_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_tracking_code_hash_unique` ON `reports` (`tracking_code_hash`);--> statement-breakpoint
CREATE INDEX `reports_status_idx` ON `reports` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `reports_closed_at_idx` ON `reports` (`closed_at`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text NOT NULL,
	`window_start` integer NOT NULL,
	`window_ms` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`key`, `window_start`)
);
