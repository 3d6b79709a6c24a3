/**
 * The demo loop on the embedded runtime: publish the sample data set, then check the running
 * server end to end ({@code recsys demo --smoke}).
 */
package dev.recsys.app.demo;
