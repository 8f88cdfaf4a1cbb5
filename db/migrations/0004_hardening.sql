CREATE TABLE `report_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `report_sessions_report_idx` ON `report_sessions` (`report_id`);--> statement-breakpoint
CREATE INDEX `report_sessions_expires_idx` ON `report_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `report_stat_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`covers_until` text NOT NULL,
	`k` integer NOT NULL,
	`data` text NOT NULL,
	`published_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_stat_snapshots_covers_until_unique` ON `report_stat_snapshots` (`covers_until`);--> statement-breakpoint
CREATE TABLE `cache_versions` (
	`namespace` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `job_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL,
	`last_run_at` integer
);
--> statement-breakpoint
-- Plain timestamps on reports, their history and messages are kept to the day (UTC) from now on;
-- exact times, where needed, live inside the ciphertext. Coarsen what is already stored.
UPDATE `reports` SET
	`created_at` = `created_at` - (`created_at` % 86400000),
	`updated_at` = `updated_at` - (`updated_at` % 86400000),
	`access_expires_at` = `access_expires_at` - (`access_expires_at` % 86400000),
	`closed_at` = CASE WHEN `closed_at` IS NULL THEN NULL ELSE `closed_at` - (`closed_at` % 86400000) END,
	`content_erased_at` = CASE WHEN `content_erased_at` IS NULL THEN NULL ELSE `content_erased_at` - (`content_erased_at` % 86400000) END;
--> statement-breakpoint
UPDATE `report_status_history` SET `created_at` = `created_at` - (`created_at` % 86400000);
--> statement-breakpoint
UPDATE `report_messages` SET `created_at` = `created_at` - (`created_at` % 86400000);
--> statement-breakpoint
-- Rate-limit keys become an HMAC with a server secret (unsalted hashes of IPs were reversible).
DELETE FROM `rate_limits`;
