/**
 * The bulk loader behind {@code recsys ingest}: CSV or JSON-lines files, with a column mapping
 * so public data sets load unedited, published through the same contract checks as HTTP.
 */
package dev.recsys.ingest.load;
