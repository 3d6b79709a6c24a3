/** Offline jobs the command line and the demo share: training inputs read back from the topics. */
package dev.recsys.serving.offline;
