/**
 * Seeded synthetic data sets for the demo, training and evaluation: a catalog with Zipf popularity,
 * users with category and price tastes, and sessions whose view → click → cart → purchase funnel
 * rises with the user–item fit.
 */
package dev.recsys.ingest.generate;
