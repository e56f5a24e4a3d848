CREATE TABLE "portal_images" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "portal_images_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"category_id" integer NOT NULL,
	"article_id" integer,
	"org_path" text COLLATE "C" NOT NULL,
	"alt" text NOT NULL,
	"caption" text NOT NULL,
	"original_name" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"variants" jsonb NOT NULL,
	"uploaded_by" integer,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "portal_articles_search_idx";--> statement-breakpoint
ALTER TABLE "portal_images" ADD CONSTRAINT "portal_images_category_id_portal_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."portal_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_images" ADD CONSTRAINT "portal_images_article_id_portal_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."portal_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_images_category_idx" ON "portal_images" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "portal_images_article_idx" ON "portal_images" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "portal_articles_search_idx" ON "portal_articles" USING gin ("search_vector") WITH (fastupdate=false);