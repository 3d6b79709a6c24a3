/** Online/offline skew: the online store compared, feature by feature, with what replay computes. */
package dev.recsys.features.skew;
